package id.saksi.api.limits;

import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemWriter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Marks each request whose headers are complete (for {@link SlowClientProtocol}) and applies the
 * {@link ClientLimiter} to every request, in Tomcat before any filter or servlet: a client over a
 * budget gets its {@code 429} without a byte of its body being read, and its connection is closed
 * after the answer rather than drained, so a slow or large refused body holds no worker thread.
 */
final class ClientLimitValve extends ValveBase {
  /** Most bytes of a refused request's body read to keep its connection. */
  private static final long MAX_DRAIN = 64 * 1024;

  /** Longest time spent reading a refused request's body. */
  private static final long DRAIN_NANOS = 500_000_000L;

  private final ClientLimiter limiter;
  private final ClientAddresses addresses;

  /**
   * The attribute of Tomcat's own request by which {@link SlowClientProtocol} knows that a
   * request's headers are complete and it is being served.
   */
  static final String SERVED = ClientLimitValve.class.getName() + ".served";

  private final boolean enabled;

  ClientLimitValve(ClientLimiter limiter, ClientAddresses addresses, boolean enabled) {
    super(true);
    this.limiter = limiter;
    this.addresses = addresses;
    this.enabled = enabled;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    request.getCoyoteRequest().setAttribute(SERVED, Boolean.TRUE);
    if (!enabled) {
      getNext().invoke(request, response);
      return;
    }
    String client = addresses.client(request.getRemoteAddr(), forwarded(request));
    ClientLimiter.Admission admission;
    try {
      admission = limiter.admit(client);
    } catch (ProblemException e) {
      if (hasBody(request) && !drained(request)) {
        // Tomcat would otherwise read (swallow) the rest of the body after the answer, at the
        // client's pace; this also closes the connection after the answer.
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      }
      ProblemWriter.write(request, response, e.problem());
      return;
    }
    try {
      getNext().invoke(request, response);
    } finally {
      Object items = request.getAttribute(ClientLimiter.REFUSED_ITEMS);
      limiter.finish(
          admission, response.getStatus(), items instanceof Integer ? (Integer) items : 0);
    }
  }

  /**
   * Reads and discards a small body that arrives promptly, so that the connection stays usable and
   * the client reads its answer (closing a connection with unread bytes resets it, and the answer
   * may be lost). A large or slow body is not waited for.
   */
  private static boolean drained(Request request) {
    long declared = request.getContentLengthLong();
    if (declared > MAX_DRAIN) {
      return false;
    }
    long started = System.nanoTime();
    byte[] buffer = new byte[8192];
    long total = 0;
    try (InputStream in = request.getInputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > MAX_DRAIN || System.nanoTime() - started > DRAIN_NANOS) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private List<String> forwarded(Request request) {
    java.util.Enumeration<String> values = request.getHeaders(addresses.header());
    return values == null ? List.of() : Collections.list(values);
  }

  private static boolean hasBody(Request request) {
    String te = request.getHeader("Transfer-Encoding");
    return request.getContentLengthLong() > 0
        || (te != null && te.toLowerCase(Locale.ROOT).contains("chunked"));
  }
}
