package id.saksi.api.limits;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client budgets (token buckets of Bucket4j): requests a second, refused requests a second,
 * and requests in progress. A client over a budget is answered {@code 429 too-many-requests} before
 * the service does any work for it, with the seconds until the budget allows it again. Refused
 * requests are counted after the answer, so a flood of bad signatures, malformed submissions or
 * wrong passwords costs its sender all its requests for a while; each refused item of a batch
 * counts as one, so a batch of bad signatures costs as much as the same number of single requests.
 * The table of clients is bounded ({@code max-clients}) and forgets the least recently seen.
 */
public final class ClientLimiter {
  /**
   * The request attribute in which a handler reports refused items of a batch ({@link Integer}).
   */
  public static final String REFUSED_ITEMS = ClientLimiter.class.getName() + ".refusedItems";

  private static final Logger log = LoggerFactory.getLogger(ClientLimiter.class);

  private final LimitsProperties limits;
  private final TimeMeter clock;
  private final Map<String, Client> clients;

  /** Budgets per {@code limits}, on the system clock. */
  public ClientLimiter(LimitsProperties limits) {
    this(limits, TimeMeter.SYSTEM_NANOTIME);
  }

  /** Budgets per {@code limits}, on {@code clock} (tests). */
  ClientLimiter(LimitsProperties limits, TimeMeter clock) {
    this.limits = limits;
    this.clock = clock;
    int max = limits.maxClients();
    this.clients =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > max;
          }
        };
  }

  /**
   * Whether a refused answer of {@code status} counts against the client's budget of refused
   * requests: the client's own fault (malformed, unauthenticated, forbidden, too slow, too large,
   * not JSON). Answers about the ledger's state (404, 409, 410, 416, 422) do not: a well-behaved
   * client gets them too.
   */
  public static boolean isFailure(int status) {
    return status == 400
        || status == 401
        || status == 403
        || status == 408
        || status == 413
        || status == 415;
  }

  /** How many clients are remembered. */
  public int size() {
    synchronized (clients) {
      return clients.size();
    }
  }

  /**
   * Admits one request of {@code client}; call {@link #finish} with it when the answer is given.
   *
   * @throws ProblemException {@code too-many-requests}, with {@code retryAfterSeconds}, when the
   *     client is over a budget
   */
  public Admission admit(String client) {
    Client c = client(client);
    EstimationProbe failures = c.failures.estimateAbilityToConsume(1);
    if (!failures.canBeConsumed()) {
      long seconds = seconds(failures.getNanosToWaitForRefill());
      throw refused(
          c,
          client,
          "failures",
          seconds,
          "client "
              + client
              + " sent more refused requests (bad signatures, malformed submissions, wrong"
              + " credentials; each refused item of a batch counts) than this service accepts from"
              + " one client: "
              + limits.failureBurst()
              + " at once, then "
              + limits.failuresPerSecond()
              + " a second. Its requests are refused for "
              + seconds
              + " s: fix what the earlier answers named, then retry after "
              + seconds
              + " seconds");
    }
    ConsumptionProbe requests = c.requests.tryConsumeAndReturnRemaining(1);
    if (!requests.isConsumed()) {
      long seconds = seconds(requests.getNanosToWaitForRefill());
      throw refused(
          c,
          client,
          "requests",
          seconds,
          "client "
              + client
              + " sent more requests than this service accepts from one client: "
              + limits.requestBurst()
              + " at once, then "
              + limits.requestsPerSecond()
              + " a second; retry after "
              + seconds
              + " seconds, and send more slowly");
    }
    if (c.inProgress.incrementAndGet() > limits.maxConcurrent()) {
      c.inProgress.decrementAndGet();
      throw refused(
          c,
          client,
          "concurrent",
          1,
          "client "
              + client
              + " has "
              + limits.maxConcurrent()
              + " requests in progress, as many as this service serves at once for one client:"
              + " wait for answers before sending more; retry after 1 second");
    }
    c.throttled = false;
    return new Admission(c);
  }

  /**
   * Ends an admitted request answered with {@code status}, whose handler refused {@code
   * refusedItems} items of a batch for the client's own fault.
   */
  public void finish(Admission admission, int status, int refusedItems) {
    Client c = admission.client;
    c.inProgress.decrementAndGet();
    long failures = (isFailure(status) ? 1L : 0L) + Math.max(0, refusedItems);
    if (failures > 0) {
      // Into debt: a batch of a thousand bad signatures keeps its sender out for as long as a
      // thousand single ones would.
      c.failures.consumeIgnoringRateLimits(failures);
    }
  }

  private Client client(String key) {
    synchronized (clients) {
      Client c = clients.get(key);
      if (c == null) {
        c = new Client(limits, clock);
        clients.put(key, c);
      }
      return c;
    }
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private static ProblemException refused(
      Client c, String client, String limit, long seconds, String detail) {
    if (!c.throttled) {
      // Once per episode, not once per refused request: a flood must not flood the log too.
      c.throttled = true;
      log.atWarn()
          .addKeyValue("client", client)
          .addKeyValue("limit", limit)
          .log("Client {} is over its {} budget; refusing it for {} s", client, limit, seconds);
    }
    return new ProblemException(
        Problem.of(ProblemType.TOO_MANY_REQUESTS, detail)
            .with("limit", limit)
            .with("retryAfterSeconds", seconds));
  }

  /** An admitted request, to be {@linkplain #finish finished}. */
  public static final class Admission {
    private final Client client;

    private Admission(Client client) {
      this.client = client;
    }
  }

  private static final class Client {
    final Bucket requests;
    final Bucket failures;
    final AtomicInteger inProgress = new AtomicInteger();
    volatile boolean throttled;

    Client(LimitsProperties limits, TimeMeter clock) {
      requests =
          Bucket.builder()
              .addLimit(
                  l ->
                      l.capacity(limits.requestBurst())
                          .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)))
              .withCustomTimePrecision(clock)
              .build();
      failures =
          Bucket.builder()
              .addLimit(
                  l ->
                      l.capacity(limits.failureBurst())
                          .refillGreedy(limits.failuresPerSecond(), Duration.ofSeconds(1)))
              .withCustomTimePrecision(clock)
              .build();
    }
  }
}
