package id.saksi.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a client is: its address, never a header it wrote itself. */
class ClientAddressesTest {
  private static final ClientAddresses DIRECT = new ClientAddresses(List.of(), "X-Forwarded-For");
  private static final ClientAddresses PROXIED =
      new ClientAddresses(List.of("10.0.0.1", "10.0.0.2"), "X-Forwarded-For");

  @Test
  void withoutTrustedProxies_theHeaderIsIgnored() {
    assertThat(DIRECT.client("192.0.2.7", List.of("198.51.100.1"))).isEqualTo("192.0.2.7");
  }

  @Test
  void fromAnUntrustedAddress_theHeaderIsIgnored() {
    assertThat(PROXIED.client("192.0.2.7", List.of("198.51.100.1"))).isEqualTo("192.0.2.7");
  }

  @Test
  void fromATrustedProxy_theRightmostUntrustedHopIsTheClient() {
    // The client wrote "203.0.113.9" itself; the proxies appended the rest.
    assertThat(PROXIED.client("10.0.0.1", List.of("203.0.113.9, 198.51.100.1", "10.0.0.2")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void fromATrustedProxy_withoutHeaderOrWithGarbage_theProxyIsTheClient() {
    assertThat(PROXIED.client("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    assertThat(PROXIED.client("10.0.0.1", List.of("evil.example"))).isEqualTo("10.0.0.1");
  }

  @Test
  void anIpv6Client_isItsSlash64() {
    assertThat(DIRECT.client("2001:db8:1:2:3:4:5:6", List.of())).isEqualTo("2001:db8:1:2::/64");
    assertThat(DIRECT.client("2001:db8:1:2:ffff:4:5:6", List.of())).isEqualTo("2001:db8:1:2::/64");
    assertThat(DIRECT.client("0:0:0:0:0:0:0:1", List.of())).isEqualTo("0:0:0:0::/64");
  }

  @Test
  void onlyLiterals_areAddresses() {
    assertThat(ClientAddresses.literal("999.1.1.1")).isEmpty();
    assertThat(ClientAddresses.literal("1.2.3")).isEmpty();
    assertThat(ClientAddresses.literal("localhost")).isEmpty();
    assertThat(ClientAddresses.literal("fe80::1%eth0")).isEmpty();
    assertThat(ClientAddresses.literal("[2001:db8::1]")).isPresent();
    assertThat(ClientAddresses.literal("::ffff:192.0.2.1").map(a -> a.getHostAddress()))
        .contains("192.0.2.1");
  }

  @Test
  void aTrustedProxyThatIsNotALiteral_isRefusedAtStart() {
    assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"), "X-Forwarded-For"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("saksi.limits.trusted-proxies: not an IP address: proxy.internal");
  }
}
