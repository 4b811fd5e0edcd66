package id.saksi.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Registers fresh agencies and keys through the API, signed by the test registrar. */
public final class Agencies {
  private Agencies() {}

  /** A code no other test uses, such as {@code T-3F9A0C1B}. */
  public static String freshCode() {
    return String.format(Locale.ROOT, "T-%08X", ThreadLocalRandom.current().nextInt());
  }

  /** Registers a central agency with a PPK and gives it key {@code <code>#1}. */
  public static String register(LedgerClient client, String code) {
    post(
        client,
        J.o("code", code, "name", "Agency " + code, "kind", "CENTRAL_AGENCY", "ppk", true),
        "agency.registered");
    addKey(client, code, 1);
    return code;
  }

  /** Adds key {@code <code>#<n>} to the agency. */
  public static KeyId addKey(LedgerClient client, String code, int n) {
    post(
        client,
        J.o("agency", code, "publicKey", TestLedger.key(code + "#" + n).base64()),
        "key.added");
    return KeyId.of(TestLedger.key(code + "#" + n));
  }

  /** Revokes key {@code <code>#<n>} (retired). */
  public static void revokeKey(LedgerClient client, String code, int n) {
    post(
        client,
        J.o(
            "agency",
            code,
            "key",
            KeyId.of(TestLedger.key(code + "#" + n)).hex(),
            "reason",
            "RETIRED"),
        "key.revoked");
  }

  private static void post(LedgerClient client, tools.jackson.databind.JsonNode body, String type) {
    LedgerClient.Response r = client.post(Submissions.sign("REGISTRAR", type, "registry", body));
    assertThat(r.status()).as("%s: %s", type, r.body()).isEqualTo(201);
  }
}
