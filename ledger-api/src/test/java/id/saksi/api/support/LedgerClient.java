package id.saksi.api.support;

import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An agency's view of the service over real HTTP, for tests. */
public final class LedgerClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;

  public LedgerClient(int port) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.base = "http://localhost:" + port;
  }

  /** A response: status, content type and body. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The problem type's last part, such as {@code key-revoked}, of a problem response. */
    public String problemType() {
      String type = json().path("type").asString();
      return type.startsWith("urn:saksi:problem:") ? type.substring(18) : type;
    }

    /** The index a receipt reports. */
    public long index() {
      return json().get("index").longValue();
    }

    /** Opens the signed receipt with the log's key. */
    public Receipt receipt(NoteVerifierKey logKey, String origin) {
      try {
        return Receipts.open(
            json().get("receipt").asString().getBytes(StandardCharsets.UTF_8), logKey, origin);
      } catch (Exception e) {
        throw new AssertionError("receipt does not open: " + body, e);
      }
    }
  }

  /** {@code POST /statements}. */
  public Response post(Submissions.Signed s) {
    return post("/statements", s.bytes(), "application/json");
  }

  /** {@code POST /statements/batch} with these submissions. */
  public Response postBatch(List<Submissions.Signed> items) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode array = body.putArray("items");
    for (Submissions.Signed s : items) {
      array.add(s.json());
    }
    return post("/statements/batch", JSON.writeValueAsBytes(body), "application/json");
  }

  /** A raw POST. */
  public Response post(String path, byte[] body, String contentType) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return send(r.build());
  }

  /** A GET. */
  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new AssertionError("request to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
