package id.saksi.api.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the service accepts from one client, under {@code saksi.limits.} (docs/protocol.md section
 * 11, "Limits"). A client is the remote address of the connection (an IPv6 client: its /64), or,
 * behind a reverse proxy the operator names in {@code trusted-proxies}, the address that proxy puts
 * in {@code client-header}. The defaults leave a legitimate agency at the service's measured
 * capacity (about 600 single appends or 2,500 statements in batches a second, from one address)
 * unthrottled.
 *
 * @param enabled whether the per-client limits apply at all (the timeouts always do)
 * @param requestsPerSecond requests one client may make per second, sustained
 * @param requestBurst requests one client may make at once above the sustained rate
 * @param failuresPerSecond refused requests (400, 401, 403, 408, 413, 415, and each such refused
 *     item of a batch) one client may make per second, sustained; beyond, all its requests are
 *     answered 429 until the budget refills
 * @param failureBurst refused requests one client may make at once
 * @param maxConcurrent requests of one client in progress at one time (each holds a worker thread)
 * @param maxClients clients whose budgets are remembered; beyond, the least recently seen is
 *     forgotten
 * @param trustedProxies addresses of reverse proxies whose {@code client-header} is believed; none
 *     by default, so no header is believed
 * @param clientHeader the header a trusted proxy puts the client's address in (the rightmost
 *     address that is not itself a trusted proxy is the client)
 * @param headerTimeout longest time from the first byte of a request to the end of its headers
 * @param bodyTimeout longest time to read the body of a submission
 */
@ConfigurationProperties("saksi.limits")
public record LimitsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2000") long requestsPerSecond,
    @DefaultValue("4000") long requestBurst,
    @DefaultValue("10") long failuresPerSecond,
    @DefaultValue("100") long failureBurst,
    @DefaultValue("64") int maxConcurrent,
    @DefaultValue("10000") int maxClients,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("X-Forwarded-For") String clientHeader,
    @DefaultValue("20s") Duration headerTimeout,
    @DefaultValue("60s") Duration bodyTimeout) {
  /** Checks the bounds. */
  public LimitsProperties {
    if (requestsPerSecond < 1
        || requestBurst < 1
        || failuresPerSecond < 1
        || failureBurst < 1
        || maxConcurrent < 1
        || maxClients < 1) {
      throw new IllegalArgumentException(
          "saksi.limits: requests-per-second, request-burst, failures-per-second, failure-burst,"
              + " max-concurrent and max-clients must be positive");
    }
    if (headerTimeout.isNegative()
        || headerTimeout.isZero()
        || bodyTimeout.isNegative()
        || bodyTimeout.isZero()) {
      throw new IllegalArgumentException(
          "saksi.limits: header-timeout and body-timeout must be positive");
    }
    trustedProxies = List.copyOf(trustedProxies);
  }
}
