package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document lists exactly the service's endpoints, each fully described. */
class OpenApiTest extends HttpLedgerTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping") private RequestMappingHandlerMapping mappings;

  @Test
  void openApi_listsEveryRequestMappingOfTheServiceAndNothingElse() {
    JsonNode doc = document();

    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        m ->
                            documented.add(
                                m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("id.saksi.")) {
        continue; // springdoc's own /v3/api-docs
      }
      for (String path : e.getKey().getPatternValues()) {
        e.getKey()
            .getMethodsCondition()
            .getMethods()
            .forEach(m -> mapped.add(m.name() + " " + path));
      }
    }
    assertThat(mapped).contains("GET /entries", "GET /proof/inclusion", "POST /statements");
    assertThat(documented).isEqualTo(mapped);
  }

  @Test
  void openApi_describesEachOperationWithItsMediaTypesParametersAndProblems() {
    JsonNode doc = document();

    assertThat(doc.get("openapi").asString()).startsWith("3.");
    assertThat(doc.get("info").get("title").asString()).isEqualTo("Saksi ledger service");
    doc.get("paths")
        .properties()
        .forEach(
            p ->
                p.getValue()
                    .properties()
                    .forEach(
                        m -> {
                          JsonNode op = m.getValue();
                          assertThat(op.path("summary").asString()).as(p.getKey()).isNotEmpty();
                          assertThat(
                                  op.get("responses")
                                      .get("500")
                                      .get("content")
                                      .get("application/problem+json")
                                      .get("schema")
                                      .get("$ref")
                                      .asString())
                              .as(p.getKey())
                              .isEqualTo("#/components/schemas/Problem");
                          // Every endpoint may answer a client over its budget with 429.
                          assertThat(op.get("responses").get("429").get("description").asString())
                              .as(p.getKey())
                              .contains("urn:saksi:problem:too-many-requests");
                        }));
    JsonNode entries = doc.get("paths").get("/entries").get("get");
    assertThat(entries.get("parameters").get(0).get("name").asString()).isEqualTo("start");
    assertThat(entries.get("parameters").get(0).get("required").booleanValue()).isTrue();
    assertThat(entries.get("parameters").get(0).get("schema").get("type").toString())
        .contains("integer");
    assertThat(entries.get("responses").get("200").get("headers").has("Saksi-Next-Start")).isTrue();
    assertThat(entries.get("responses").get("200").get("content").has("application/x-ndjson"))
        .isTrue();
    assertThat(entries.get("responses").get("416").get("description").asString())
        .contains("urn:saksi:problem:beyond-size");
    assertThat(
            doc.get("paths")
                .get("/statements")
                .get("post")
                .get("responses")
                .get("408")
                .get("description")
                .asString())
        .contains("urn:saksi:problem:request-timeout");
    JsonNode inclusion = doc.get("paths").get("/proof/inclusion").get("get");
    assertThat(inclusion.get("responses").get("200").get("content").has("text/plain")).isTrue();
    assertThat(inclusion.get("responses").get("404").get("description").asString())
        .contains("urn:saksi:problem:checkpoint-not-found");
  }

  private JsonNode document() {
    LedgerClient.Response r = client.get("/v3/api-docs");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
