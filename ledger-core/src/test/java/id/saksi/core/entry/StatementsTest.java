package id.saksi.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.InvalidSignatureException;
import id.saksi.core.crypto.KeyId;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class StatementsTest {
  // RFC 8032 section 7.1, TEST 1 and TEST 2 secret keys.
  private static final Ed25519PrivateKey AGENCY =
      Ed25519PrivateKey.fromSeed(
          HexFormat.of()
              .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  private static final Ed25519PrivateKey OTHER =
      Ed25519PrivateKey.fromSeed(
          HexFormat.of()
              .parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));

  private static Statement statement(String form) throws EntryFormatException {
    return Statement.create(
        "case.reported",
        "BAWASLU",
        KeyId.ofPublicKey(AGENCY.publicKey().bytes()),
        "CASE-1",
        Instant.parse("2024-10-01T08:00:00Z"),
        "AAAAAAAAAAAAAAAAAAAAAA",
        JsonNodeFactory.instance.objectNode().put("form", form));
  }

  @Test
  void sign_thenVerify_passesAndNamesTheSigner() throws Exception {
    Statement s = statement("n.1");
    StatementSignature sig = Statements.sign(s, AGENCY);
    assertThat(sig.key()).isEqualTo(s.key());
    Statements.verify(s, sig, AGENCY.publicKey());
  }

  @Test
  void verify_alteredStatement_failsNamingKeyAndRecord() throws Exception {
    StatementSignature sig = Statements.sign(statement("n.1"), AGENCY);
    Statement altered = statement("n.2");
    assertThatThrownBy(() -> Statements.verify(altered, sig, AGENCY.publicKey()))
        .isInstanceOf(StatementSignatureException.class)
        .hasCauseInstanceOf(InvalidSignatureException.class)
        .hasMessage(
            "signature by key "
                + sig.key()
                + " does not verify over case.reported CASE-1 by BAWASLU");
  }

  @Test
  void verify_againstAnotherKey_failsBeforeAnyCryptography() throws Exception {
    Statement s = statement("n.1");
    StatementSignature sig = Statements.sign(s, AGENCY);
    KeyId other = KeyId.ofPublicKey(OTHER.publicKey().bytes());
    assertThatThrownBy(() -> Statements.verify(s, sig, OTHER.publicKey()))
        .isInstanceOf(StatementSignatureException.class)
        .hasMessage("signature names key " + sig.key() + " but was checked against key " + other);
  }

  @Test
  void verify_signatureByOtherKeyRelabelled_fails() throws Exception {
    Statement s = statement("n.1");
    StatementSignature forged =
        StatementSignature.of(s.key(), Statements.sign(s, OTHER).signature());
    assertThatThrownBy(() -> Statements.verify(s, forged, AGENCY.publicKey()))
        .isInstanceOf(StatementSignatureException.class);
  }
}
