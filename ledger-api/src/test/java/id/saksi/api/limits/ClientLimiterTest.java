package id.saksi.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-client budgets on a hand-turned clock: what is refused, for how long, and for whom. */
class ClientLimiterTest {
  /** A clock the test moves. */
  private static final class Clock implements TimeMeter {
    long nanos = 1_000_000_000L;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    void advance(Duration d) {
      nanos += d.toNanos();
    }
  }

  private final Clock clock = new Clock();

  private static LimitsProperties limits(
      long rps, long burst, long fps, long failureBurst, int concurrent, int clients) {
    return new LimitsProperties(
        true,
        rps,
        burst,
        fps,
        failureBurst,
        concurrent,
        clients,
        List.of(),
        "X-Forwarded-For",
        Duration.ofSeconds(20),
        Duration.ofSeconds(60));
  }

  private static Problem refusal(ClientLimiter limiter, String client) {
    try {
      limiter.admit(client);
    } catch (ProblemException e) {
      return e.problem();
    }
    throw new AssertionError("admitted " + client);
  }

  @Test
  void requestsOverTheRate_are429UntilTheBucketRefills() {
    ClientLimiter limiter = new ClientLimiter(limits(10, 20, 10, 100, 64, 100), clock);
    for (int i = 0; i < 20; i++) {
      limiter.finish(limiter.admit("192.0.2.1"), 200, 0);
    }
    Problem p = refusal(limiter, "192.0.2.1");
    assertThat(p.type().status()).isEqualTo(429);
    assertThat(p.type().uri().toString()).isEqualTo("urn:saksi:problem:too-many-requests");
    assertThat(p.properties())
        .containsEntry("limit", "requests")
        .containsEntry("retryAfterSeconds", 1L);
    assertThat(p.detail())
        .isEqualTo(
            "client 192.0.2.1 sent more requests than this service accepts from one client: 20 at"
                + " once, then 10 a second; retry after 1 seconds, and send more slowly");
    // Another client is not affected.
    limiter.finish(limiter.admit("192.0.2.2"), 200, 0);
    clock.advance(Duration.ofMillis(100));
    limiter.finish(limiter.admit("192.0.2.1"), 200, 0);
  }

  @Test
  void refusedRequests_overTheBurst_lockTheClientOutUntilTheBudgetRefills() {
    ClientLimiter limiter = new ClientLimiter(limits(1000, 1000, 2, 5, 64, 100), clock);
    for (int i = 0; i < 5; i++) {
      limiter.finish(limiter.admit("192.0.2.1"), 403, 0);
    }
    Problem p = refusal(limiter, "192.0.2.1");
    assertThat(p.properties())
        .containsEntry("limit", "failures")
        .containsEntry("retryAfterSeconds", 1L);
    assertThat(p.detail())
        .startsWith(
            "client 192.0.2.1 sent more refused requests (bad signatures, malformed submissions,"
                + " wrong credentials; each refused item of a batch counts) than this service"
                + " accepts from one client: 5 at once, then 2 a second. Its requests are refused"
                + " for 1 s:");
    clock.advance(Duration.ofMillis(500));
    limiter.finish(limiter.admit("192.0.2.1"), 201, 0);
  }

  @Test
  void answersAboutTheLedger_doNotCountAsFailures() {
    ClientLimiter limiter = new ClientLimiter(limits(1000, 1000, 1, 3, 64, 100), clock);
    for (int status : new int[] {200, 201, 404, 409, 410, 416, 422, 429, 503, 500}) {
      for (int i = 0; i < 5; i++) {
        limiter.finish(limiter.admit("192.0.2.1"), status, 0);
      }
    }
    for (int status : new int[] {400, 401, 403, 408, 413, 415}) {
      assertThat(ClientLimiter.isFailure(status)).as("%d", status).isTrue();
    }
  }

  @Test
  void refusedBatchItems_countOneByOne_andTheLockoutLastsAsLongAsTheDebt() {
    ClientLimiter limiter = new ClientLimiter(limits(1000, 1000, 2, 10, 64, 100), clock);
    limiter.finish(limiter.admit("192.0.2.1"), 200, 50);
    Problem p = refusal(limiter, "192.0.2.1");
    // 50 taken from 10: a debt of 40, and one more token needed, at 2 a second.
    assertThat(p.properties()).containsEntry("retryAfterSeconds", 21L);
    clock.advance(Duration.ofSeconds(20));
    refusal(limiter, "192.0.2.1");
    clock.advance(Duration.ofSeconds(1));
    limiter.finish(limiter.admit("192.0.2.1"), 201, 0);
  }

  @Test
  void requestsInProgress_areBoundedPerClient() {
    ClientLimiter limiter = new ClientLimiter(limits(1000, 1000, 10, 100, 3, 100), clock);
    List<ClientLimiter.Admission> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      open.add(limiter.admit("192.0.2.1"));
    }
    Problem p = refusal(limiter, "192.0.2.1");
    assertThat(p.properties()).containsEntry("limit", "concurrent");
    limiter.finish(limiter.admit("192.0.2.2"), 200, 0);
    limiter.finish(open.remove(0), 200, 0);
    open.add(limiter.admit("192.0.2.1"));
  }

  @Test
  void theTableOfClients_isBounded_andForgetsTheLeastRecentlySeen() {
    ClientLimiter limiter = new ClientLimiter(limits(1000, 1000, 1, 1, 64, 3), clock);
    limiter.finish(limiter.admit("192.0.2.1"), 403, 0);
    refusal(limiter, "192.0.2.1");
    for (int i = 2; i <= 4; i++) {
      limiter.finish(limiter.admit("192.0.2." + i), 200, 0);
    }
    assertThat(limiter.size()).isEqualTo(3);
    // Forgotten, so admitted afresh: the price of bounded memory (docs/protocol.md section 11).
    limiter.finish(limiter.admit("192.0.2.1"), 200, 0);
    assertThat(limiter.size()).isEqualTo(3);
  }

  @Test
  void nonPositiveLimits_areRefusedAtStart() {
    assertThatThrownBy(() -> limits(0, 1, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("saksi.limits: requests-per-second");
  }
}
