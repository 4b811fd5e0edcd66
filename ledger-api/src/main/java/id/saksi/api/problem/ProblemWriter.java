package id.saksi.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Problem} straight to a servlet response, for the answers given before Spring MVC
 * (the security filters, the per-client limits), in the same shape as the API's exception handler:
 * RFC 9457 members, the extension members, and a {@code Retry-After} header when the problem has
 * {@code retryAfterSeconds}.
 */
public final class ProblemWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  /** Sets the status and headers and writes the body; the response must not be committed. */
  public static void write(HttpServletRequest request, HttpServletResponse response, Problem p)
      throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", p.type().uri().toString());
    body.put("title", p.type().title());
    body.put("status", p.type().status());
    body.put("detail", p.detail());
    body.put("instance", request.getRequestURI());
    for (Map.Entry<String, Object> e : p.properties().entrySet()) {
      // Each member as its own JSON type, as the exception handler's ProblemDetail writes it.
      body.set(e.getKey(), JSON.valueToTree(e.getValue()));
    }
    Object retry = p.properties().get("retryAfterSeconds");
    if (retry != null) {
      response.setHeader("Retry-After", String.valueOf(retry));
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(p.type().status());
    response.setContentType("application/problem+json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
