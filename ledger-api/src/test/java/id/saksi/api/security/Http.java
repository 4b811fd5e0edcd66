package id.saksi.api.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-only: HTTP requests with or without Basic credentials, answers with their headers. */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer. */
  public record Answer(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }

    /** The problem type's last part, such as {@code unauthorized}. */
    public String problemType() {
      String type = json().path("type").asString();
      return type.startsWith("urn:saksi:problem:") ? type.substring(18) : type;
    }
  }

  public Answer get(String path, String user, String password) {
    return send(request(path, user, password).GET().build());
  }

  public Answer post(String path, String json, String user, String password) {
    return send(
        request(path, user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private Answer send(HttpRequest r) {
    try {
      HttpResponse<String> response =
          http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError("request to " + r.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
