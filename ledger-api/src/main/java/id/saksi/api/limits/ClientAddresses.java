package id.saksi.api.limits;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells who a client is, for its budgets: the remote address of the connection, or, when that is a
 * trusted reverse proxy, the rightmost address in the proxy's header that is not itself a trusted
 * proxy. No header is believed from anyone else, so a client cannot choose its own identity. An
 * IPv6 client is its /64 (one host usually holds a whole /64). Addresses are parsed as literals
 * only: nothing here ever asks DNS.
 */
public final class ClientAddresses {
  private static final int MAX_HEADER_ADDRESSES = 32;

  private final Set<InetAddress> trustedProxies;
  private final String header;

  /**
   * Believes {@code header} from {@code trustedProxies} (IP address literals).
   *
   * @throws IllegalArgumentException if a trusted proxy is not an IP address literal
   */
  public ClientAddresses(List<String> trustedProxies, String header) {
    Set<InetAddress> proxies = new HashSet<>();
    for (String p : trustedProxies) {
      proxies.add(
          literal(p)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "saksi.limits.trusted-proxies: not an IP address: " + p)));
    }
    this.trustedProxies = Set.copyOf(proxies);
    this.header = header;
  }

  /** The header a trusted proxy names the client in. */
  public String header() {
    return header;
  }

  /**
   * The client of a request from {@code remoteAddress}, whose {@link #header()} values (each
   * possibly a comma-separated list) are {@code forwarded}.
   */
  public String client(String remoteAddress, List<String> forwarded) {
    Optional<InetAddress> remote = literal(remoteAddress);
    if (remote.isEmpty()) {
      return remoteAddress;
    }
    InetAddress client = remote.get();
    if (trustedProxies.contains(client) && !forwarded.isEmpty()) {
      List<String> hops = new ArrayList<>();
      for (String value : forwarded) {
        for (String hop : value.split(",", -1)) {
          hops.add(hop.trim());
        }
      }
      // The rightmost hops were added by the proxies we trust; the first one that is not a
      // trusted proxy is whoever connected to them. Anything to its left the client wrote itself.
      for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HEADER_ADDRESSES; i--) {
        Optional<InetAddress> hop = literal(hops.get(i));
        if (hop.isEmpty()) {
          break;
        }
        client = hop.get();
        if (!trustedProxies.contains(client)) {
          break;
        }
      }
    }
    return key(client);
  }

  /** The budget key: an IPv4 address, or an IPv6 address's /64. */
  static String key(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
    }
    return s.append(":/64").toString();
  }

  /** {@code text} as an IPv4 or IPv6 address literal (an IPv6 one possibly in brackets). */
  static Optional<InetAddress> literal(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || t.length() > 45) {
      return Optional.empty();
    }
    try {
      if (t.indexOf(':') >= 0) {
        for (int i = 0; i < t.length(); i++) {
          char c = Character.toLowerCase(t.charAt(i));
          if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
          }
        }
        // A string with ':' is parsed by the JDK as an IPv6 literal and never looked up.
        return Optional.of(InetAddress.getByName(t.toLowerCase(Locale.ROOT)));
      }
      String[] parts = t.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        String p = parts[i];
        if (p.isEmpty() || p.length() > 3) {
          return Optional.empty();
        }
        for (int j = 0; j < p.length(); j++) {
          if (p.charAt(j) < '0' || p.charAt(j) > '9') {
            return Optional.empty();
          }
        }
        int v = Integer.parseInt(p);
        if (v > 255) {
          return Optional.empty();
        }
        b[i] = (byte) v;
      }
      return Optional.of(InetAddress.getByAddress(b));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
