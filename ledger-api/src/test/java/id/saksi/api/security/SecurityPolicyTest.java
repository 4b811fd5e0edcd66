package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.HttpLedgerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every endpoint of the service is classified: public by name, or restricted to a role. An endpoint
 * added without a decision fails here instead of being served to anyone by default.
 */
class SecurityPolicyTest extends HttpLedgerTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private static boolean matches(List<String> patterns, String path) {
    for (String p : patterns) {
      PathPattern pattern = PathPatternParser.defaultInstance.parse(p);
      if (pattern.matches(PathContainer.parsePath(path))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyEndpoint_isPublicByNameOrRestricted() {
    List<String> unclassified = new ArrayList<>();
    List<String> restricted = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
      for (String template : m.getKey().getPatternValues()) {
        // A concrete path the template serves: each {variable} as one segment.
        String path = template.replaceAll("\\{[^}]*}", "0");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          String at = method + " " + template;
          if (path.startsWith("/disclosures/")) {
            boolean read =
                method == RequestMethod.GET
                    && matches(List.of(SecurityConfiguration.DISCLOSURES), path);
            boolean erase =
                method == RequestMethod.POST
                    && matches(List.of(SecurityConfiguration.ERASURE), path);
            if (read || erase) {
              restricted.add(at);
            } else {
              unclassified.add(at);
            }
          } else if (path.equals("/error")) {
            continue;
          } else if (method == RequestMethod.GET
              ? !matches(SecurityConfiguration.PUBLIC_READS, path)
              : method != RequestMethod.POST
                  || !matches(SecurityConfiguration.PUBLIC_WRITES, path)) {
            unclassified.add(at);
          }
        }
      }
    }

    assertThat(unclassified).as("endpoints neither public by name nor restricted").isEmpty();
    assertThat(restricted)
        .containsExactlyInAnyOrder("GET /disclosures/{index}", "POST /disclosures/{index}/erasure");
  }

  @Test
  void restrictedEndpoints_withoutCredentials_401() {
    Http http = new Http(port);

    assertThat(http.get("/disclosures/0?purpose=x", null, null).status()).isEqualTo(401);
    assertThat(http.post("/disclosures/0/erasure", "{}", null, null).status()).isEqualTo(401);
    assertThat(http.get("/disclosures/0/erasure", null, null).status()).isEqualTo(401);
  }

  @Test
  void unknownPath_stillA404Problem_andWritesNeedNoCredentials() {
    Http http = new Http(port);

    Http.Answer missing = http.get("/no-such-thing", null, null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(client.post(id.saksi.api.support.Bodies.newCircular()).status()).isEqualTo(201);
  }
}
