package id.saksi.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The ledger service's HTTP API as the client uses it (docs/protocol.md): the two writes, the
 * checkpoint and the inclusion proof. Answers are read up to a bound, so a broken or hostile
 * service cannot exhaust the client's memory.
 */
public final class LedgerHttp {
  /** Largest answer read: a batch of 1,000 receipts is about 1 MiB. */
  public static final int MAX_ANSWER_BYTES = 16 << 20;

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  /** An answer: status, content type and at most {@link #MAX_ANSWER_BYTES} of body. */
  public record Answer(int status, String contentType, byte[] body, Optional<String> retryAfter) {
    /** A copy that keeps the body's bytes. */
    public Answer {
      body = body.clone();
    }

    /** The body's bytes, a copy. */
    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  /** A client of the service at {@code base} (such as {@code http://localhost:8080}). */
  public LedgerHttp(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Checks a service URL given by the user: http or https, a host, no query.
   *
   * @throws UsageException saying what is wrong with it
   */
  static URI parseBase(String url) throws UsageException {
    URI u;
    try {
      u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (URISyntaxException e) {
      throw new UsageException("--url is not a URL: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || u.getHost() == null
        || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      throw new UsageException(
          "--url must be the service's http or https address, such as http://localhost:8080");
    }
    return u;
  }

  /** {@code POST path} with a JSON body. */
  public Answer postJson(String path, byte[] json) throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    return send(r);
  }

  /** {@code GET pathAndQuery}. */
  public Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(timeout)
            .header("Accept", "text/plain, application/json, application/problem+json")
            .GET()
            .build();
    return send(r);
  }

  private Answer send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_ANSWER_BYTES + 1);
    }
    if (body.length > MAX_ANSWER_BYTES) {
      throw new IOException(
          "the service's answer is larger than " + MAX_ANSWER_BYTES + " bytes; not an answer");
    }
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        body,
        response.headers().firstValue("Retry-After"));
  }

  /** The service's address, for messages. */
  public URI base() {
    return base;
  }
}
