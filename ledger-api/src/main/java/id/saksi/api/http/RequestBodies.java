package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Reads a request body as JSON bytes, bounded: a body over the limit is refused (413) without being
 * read into memory, whatever its declared length; a body that is not JSON (415).
 */
final class RequestBodies {
  private RequestBodies() {}

  /**
   * The body, at most {@code limit} bytes, read within {@code timeout} (a client trickling its body
   * holds a worker thread; past the deadline it is answered 408 and its connection closed).
   */
  static byte[] readJson(HttpServletRequest request, DataSize limit, Duration timeout) {
    long started = System.nanoTime();
    long deadline = timeout.toNanos();
    requireJson(request.getContentType());
    long max = limit.toBytes();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      throw tooLarge(declared + " bytes", max);
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 8192, max));
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > max) {
          throw tooLarge("more than " + max + " bytes", max);
        }
        out.write(buffer, 0, n);
        if (System.nanoTime() - started > deadline) {
          throw tooSlow(total, timeout);
        }
      }
    } catch (IOException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_SUBMISSION, "the request body could not be read: send it again");
    }
    return out.toByteArray();
  }

  private static void requireJson(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    boolean json =
        type != null
            && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    if (!json) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "the body must be JSON, sent with Content-Type: application/json; got "
              + (contentType == null ? "no Content-Type" : contentType));
    }
    String charset = type.getParameter("charset");
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "the body must be UTF-8 JSON; got charset " + charset);
    }
  }

  private static ProblemException tooSlow(long received, Duration timeout) {
    return new ProblemException(
        Problem.of(
                ProblemType.REQUEST_TIMEOUT,
                "the body did not arrive within "
                    + timeout.toSeconds()
                    + " s ("
                    + received
                    + " bytes had arrived): send it at once, or split a large batch")
            .with("limit", timeout.toSeconds()));
  }

  private static ProblemException tooLarge(String size, long max) {
    return new ProblemException(
        Problem.of(
                ProblemType.TOO_LARGE,
                "the body is "
                    + size
                    + "; this endpoint accepts at most "
                    + max
                    + " bytes: send fewer or smaller statements")
            .with("limit", max));
  }
}
