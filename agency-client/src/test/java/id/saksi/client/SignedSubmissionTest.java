package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.note.NoteVerifierKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The submission and receipt bytes of docs/protocol.md, read and checked by the client. */
class SignedSubmissionTest {
  private static final String EXAMPLE_LOG_KEY =
      "localhost/saksi+963527d4+AYj3kowrfVhbXQC+j88g+2LFeijmdCoAg+skILYqeKEE";

  private static SignedSubmission example() throws Exception {
    return SignedSubmission.parse(Fixtures.resource("protocol/example-submission.json"), "example");
  }

  private static JsonNode answer() throws Exception {
    return CanonicalJson.parse(Fixtures.resource("protocol/example-answer.json"));
  }

  @Test
  void protocolExample_writesBackTheSameBytes() throws Exception {
    String file = Fixtures.text("protocol/example-submission.json");

    assertThat(new String(example().canonicalBytes(), UTF_8) + "\n").isEqualTo(file);
  }

  @Test
  void protocolExample_entry57_hasTheDocumentedLeafHash() throws Exception {
    Hash prev = Hashing.sha256("the entry before".getBytes(UTF_8));

    Hash leaf = example().entry(57, prev, Instant.parse("2023-02-07T02:00:01.234Z")).leafHash();

    assertThat(leaf.hex())
        .isEqualTo("e91ca1ce04cd29f33e91f78b2b00e4f97ec4a71d3ae8e4e81570a56629cf48fa");
  }

  @Test
  void protocolExample_answer_checksWithTheLogKey() throws Exception {
    NoteVerifierKey key = NoteVerifierKey.parse(EXAMPLE_LOG_KEY);

    ReceiptAnswers.Checked c =
        ReceiptAnswers.check(example(), answer(), Optional.of(key), "localhost/saksi");

    assertThat(c.receipt().index()).isEqualTo(57);
    assertThat(new String(c.note(), UTF_8)).startsWith("localhost/saksi\nreceipt 57\n");
  }

  @Test
  void answer_underAnotherLogKey_isNotKept() throws Exception {
    NoteVerifierKey other = StubLedger.OTHER_LOG.verifierKey();

    assertThatThrownBy(
            () -> ReceiptAnswers.check(example(), answer(), Optional.of(other), StubLedger.ORIGIN))
        .isInstanceOf(AnswerCheckException.class)
        .hasMessageStartingWith("the receipt is not signed by the log's key: ");
  }

  @Test
  void answer_forAnotherStatement_isNotKept() throws Exception {
    SignedSubmission mine = Fixtures.circular("instrument/OTHER-1");

    assertThatThrownBy(() -> ReceiptAnswers.check(mine, answer(), Optional.empty(), ""))
        .isInstanceOf(AnswerCheckException.class)
        .hasMessageStartingWith("the receipt does not name this statement's entry: ");
  }

  @Test
  void answer_whoseMembersContradictItsReceipt_isNotKept() throws Exception {
    ObjectNode a = (ObjectNode) answer();
    a.put("index", 58);

    assertThatThrownBy(() -> ReceiptAnswers.check(example(), a, Optional.empty(), ""))
        .isInstanceOf(AnswerCheckException.class)
        .hasMessageContaining("are not those of its signed receipt (57, e91ca1ce");
  }

  @Test
  void parse_firstSignatureByAnotherKey_isRefused() throws Exception {
    ObjectNode json = example().toJson();
    ((ObjectNode) json.get("signatures").get(0)).put("key", "ab".repeat(32));

    assertThatThrownBy(() -> SignedSubmission.parse(CanonicalJson.canonicalize(json), "sub.json"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(
            "sub.json: the first signature must be by the statement's key c3eaf932");
  }

  @Test
  void parse_unknownMember_isRefused() throws Exception {
    ObjectNode json = example().toJson();
    json.put("comment", "x");

    assertThatThrownBy(() -> SignedSubmission.parse(CanonicalJson.canonicalize(json), "sub.json"))
        .hasMessage(
            "sub.json: unknown member \"comment\"; a submission has"
                + " [statement, signatures, disclosures]")
        .isInstanceOf(InputFormatException.class);
  }

  @Test
  void parse_signatureNotBase64_isRefused() throws Exception {
    ObjectNode json = example().toJson();
    ((ObjectNode) json.get("signatures").get(0)).put("sig", "not base64");

    assertThatThrownBy(() -> SignedSubmission.parse(CanonicalJson.canonicalize(json), "sub.json"))
        .hasMessage(
            "sub.json: /signatures/0/sig must be the padded standard base64 of a 64-byte Ed25519"
                + " signature (88 characters)");
  }
}
