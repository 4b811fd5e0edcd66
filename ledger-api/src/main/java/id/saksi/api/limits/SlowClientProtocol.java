package id.saksi.api.limits;

import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 connector with a bound on the whole time a request's line and headers may take.
 * Tomcat's own {@code connectionTimeout} bounds only the pause between two reads, so a client
 * sending its headers a byte a second would keep its connection for hours; here a sweep every
 * quarter second closes any connection whose request started arriving longer than {@code
 * saksi.limits.header-timeout} ago and is still in its headers. Reading headers holds no worker
 * thread (NIO), so this bounds connections, not threads; slow bodies are bounded where they are
 * read (saksi.limits.body-timeout).
 */
public class SlowClientProtocol extends Http11NioProtocol {
  private static final long SWEEP_MILLIS = 250;

  private volatile long headerTimeoutNanos = TimeUnit.SECONDS.toNanos(20);
  private ScheduledExecutorService sweeper;

  /** Tomcat creates the protocol by its class name. */
  public SlowClientProtocol() {
    super();
  }

  /** Longest time from a request's first byte to the end of its headers. */
  public void setHeaderTimeoutMillis(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("header timeout must be positive, got " + millis);
    }
    headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Override
  public void start() throws Exception {
    super.start();
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "saksi-slow-headers");
              t.setDaemon(true);
              return t;
            });
    // The future is not kept: sweep() catches what it could throw, and stop() ends the sweeper.
    var unused =
        sweeper.scheduleWithFixedDelay(
            this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws Exception {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    super.stop();
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      long limit = headerTimeoutNanos;
      for (SocketWrapperBase<?> wrapper : getEndpoint().getConnections()) {
        Object processor = wrapper.getCurrentProcessor();
        // Only requests still in their headers: one being served was marked by the valve
        // (ClientLimitValve.SERVED), and async or upgraded ones are left alone.
        if (!(processor instanceof AbstractProcessor)) {
          continue;
        }
        AbstractProcessor p = (AbstractProcessor) processor;
        Request request = p.getRequest();
        long started = request.getStartTimeNanos();
        int stage = request.getRequestProcessor().getStage();
        // Tomcat marks the start at the request's first byte and resets it to -1 between
        // requests; a partial request leaves the stage at PARSE, or ENDED once its first read
        // is over.
        if (started != -1
            && request.getAttribute(ClientLimitValve.SERVED) == null
            && !p.isAsync()
            && !p.isUpgrade()
            && (stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED)
            && now - started > limit) {
          timeOut(wrapper);
        }
      }
    } catch (RuntimeException e) {
      // A connection closing while it is looked at; the next sweep sees the rest.
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void timeOut(SocketWrapperBase<?> wrapper) {
    // As Tomcat's own poller does on a read timeout: the error is handled on a worker thread,
    // under the connection's lock, which closes the connection and frees its processor.
    wrapper.setError(new SocketTimeoutException("request headers took too long"));
    if (!((org.apache.tomcat.util.net.AbstractEndpoint) getEndpoint())
        .processSocket(wrapper, SocketEvent.ERROR, true)) {
      wrapper.close();
    }
  }
}
