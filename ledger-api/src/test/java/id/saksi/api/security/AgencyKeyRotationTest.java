package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.verify.VerificationReport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An agency rotates its key over HTTP (SECURITY.md, rotation): it adds a new key with a statement
 * signed by its current key, then revokes the old one with the new key. Statements signed with the
 * old key after the revocation are refused as key-revoked; everything signed before still verifies,
 * with the core's ExportVerifier over the whole ledger.
 */
class AgencyKeyRotationTest extends HttpLedgerTest {
  @Autowired CheckpointPublisher checkpoints;

  private LedgerClient.Response post(
      String agency, String type, String subject, JsonNode body, Ed25519PrivateKey key) {
    return client.post(
        Submissions.sign(
            agency, type, subject, body, TestLedger.LATE, Submissions.randomNonce(), key));
  }

  @Test
  void rotation_newKeySignedByTheOld_oldRevoked_oldSignaturesRefusedAfter_earlierEntriesVerify()
      throws Exception {
    String agency = "ROT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    agency = agency.replaceAll("[^A-Z0-9-]", "A");
    Ed25519PrivateKey registrar = TestLedger.privateKey("REGISTRAR#1");
    Ed25519PrivateKey oldKey = Ed25519PrivateKey.generate(new SecureRandom());
    Ed25519PrivateKey newKey = Ed25519PrivateKey.generate(new SecureRandom());
    assertThat(
            post(
                    "REGISTRAR",
                    "agency.registered",
                    "registry",
                    J.o(
                        "code",
                        agency,
                        "name",
                        "Rotating agency",
                        "kind",
                        "CENTRAL_AGENCY",
                        "ppk",
                        true),
                    registrar)
                .status())
        .isEqualTo(201);
    assertThat(
            post(
                    "REGISTRAR",
                    "key.added",
                    "registry",
                    J.o("agency", agency, "publicKey", oldKey.publicKey().base64()),
                    registrar)
                .status())
        .isEqualTo(201);
    LedgerClient.Response before =
        post(
            agency,
            "instrument.issued",
            Bodies.freshInstrument(),
            Bodies.circular("1/2023"),
            oldKey);
    assertThat(before.status()).as(before.body()).isEqualTo(201);

    // The agency adds its new key, signing with the key it holds now.
    LedgerClient.Response added =
        post(
            agency,
            "key.added",
            "registry",
            J.o("agency", agency, "publicKey", newKey.publicKey().base64()),
            oldKey);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    // Then retires the old one, signing with the new.
    LedgerClient.Response revoked =
        post(
            agency,
            "key.revoked",
            "registry",
            J.o("agency", agency, "key", KeyId.of(oldKey.publicKey()).hex(), "reason", "RETIRED"),
            newKey);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);

    LedgerClient.Response late =
        post(
            agency,
            "instrument.issued",
            Bodies.freshInstrument(),
            Bodies.circular("2/2023"),
            oldKey);
    assertThat(late.status()).isEqualTo(403);
    assertThat(late.problemType()).isEqualTo("key-revoked");
    assertThat(late.json().get("key").asString()).isEqualTo(KeyId.of(oldKey.publicKey()).hex());
    assertThat(late.json().get("agency").asString()).isEqualTo(agency);
    assertThat(late.json().get("detail").asString())
        .contains("sign with one of the agency's valid keys");

    LedgerClient.Response fresh =
        post(
            agency,
            "instrument.issued",
            Bodies.freshInstrument(),
            Bodies.circular("3/2023"),
            newKey);
    assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);

    VerificationReport report =
        WholeLedgerCheck.verify(dataSource, checkpoints, keys, Path.of("target", "rotation"));
    assertThat(report.failures()).isEmpty();
    assertThat(report.checkpoint().orElseThrow().size()).isGreaterThan(fresh.index());
    assertThat(ledger.entry(before.index()).statement().key())
        .isEqualTo(KeyId.of(oldKey.publicKey()));
  }
}
