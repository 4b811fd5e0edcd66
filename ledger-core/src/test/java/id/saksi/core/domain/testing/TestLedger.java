package id.saksi.core.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A ledger for tests: genesis, the agencies every test needs, one key each, and catalogue v1
 * adopted; helpers that submit a record at the next position and assert it was accepted, or
 * rejected with nothing changed.
 */
public final class TestLedger {
  public static final AgencyCode REGISTRAR = AgencyCode.of("REGISTRAR");
  public static final AgencyCode BAWASLU = AgencyCode.of("BAWASLU");
  public static final AgencyCode BAWASLU_JATENG = AgencyCode.of("BAWASLU-JATENG");
  public static final AgencyCode BAWASLU_LAMPUNG = AgencyCode.of("BAWASLU-LAMPUNG");
  public static final AgencyCode BKN = AgencyCode.of("BKN");
  public static final AgencyCode KASN = AgencyCode.of("KASN");
  public static final AgencyCode KEMENPANRB = AgencyCode.of("KEMENPANRB");
  public static final AgencyCode KEMENDAGRI = AgencyCode.of("KEMENDAGRI");
  public static final AgencyCode BPASN = AgencyCode.of("BPASN");
  public static final AgencyCode METRO = AgencyCode.of("PEMKOT-METRO");
  public static final AgencyCode METRO_DISDIK = AgencyCode.of("DISDIK-METRO");
  public static final AgencyCode LAMPUNG = AgencyCode.of("PEMPROV-LAMPUNG");
  public static final AgencyCode KEMENKEU = AgencyCode.of("KEMENKEU");
  public static final AgencyCode KEMENKEU_DJP = AgencyCode.of("DJP-JATIM");
  public static final AgencyCode KPU_METRO = AgencyCode.of("KPU-METRO");

  /** When tests sign by default: after every date they state. */
  public static final Instant LATE = Instant.parse("2026-12-30T00:00:00Z");

  private final LedgerState state = new LedgerState();
  private final Map<AgencyCode, KeyId> keys = new HashMap<>();
  private final List<Submission> history = new ArrayList<>();
  private long next = 0;

  /** A ledger with genesis only. */
  public static TestLedger genesisOnly() {
    TestLedger t = new TestLedger();
    Ed25519PublicKey key = key("REGISTRAR#1");
    t.keys.put(REGISTRAR, KeyId.of(key));
    t.accept(
        REGISTRAR,
        "registry.genesis",
        "registry",
        J.o("code", "REGISTRAR", "name", "Registrar Saksi", "publicKey", key.base64()));
    return t;
  }

  /** A ledger with the standard agencies, their keys and catalogue v1. */
  public static TestLedger standard() {
    TestLedger t = genesisOnly();
    t.accept(
        REGISTRAR, "catalogue.adopted", "registry", J.o("catalogue", Catalogues.bundledJson(1)));
    t.agency(BAWASLU, AgencyKind.BAWASLU, null, true);
    t.agency(BAWASLU_JATENG, AgencyKind.BAWASLU, BAWASLU, false);
    t.agency(BAWASLU_LAMPUNG, AgencyKind.BAWASLU, BAWASLU, false);
    t.agency(BKN, AgencyKind.BKN, null, true);
    t.agency(KASN, AgencyKind.KASN, null, true);
    t.agency(KEMENPANRB, AgencyKind.KEMENPANRB, null, true);
    t.agency(KEMENDAGRI, AgencyKind.KEMENDAGRI, null, true);
    t.agency(BPASN, AgencyKind.BPASN, null, false);
    t.agency(LAMPUNG, AgencyKind.REGIONAL_GOVERNMENT, null, true);
    t.agency(METRO, AgencyKind.REGIONAL_GOVERNMENT, null, true);
    t.agency(METRO_DISDIK, AgencyKind.UNIT, METRO, false);
    t.agency(KEMENKEU, AgencyKind.CENTRAL_AGENCY, null, true);
    t.agency(KEMENKEU_DJP, AgencyKind.UNIT, KEMENKEU, false);
    t.agency(KPU_METRO, AgencyKind.ELECTION_COMMISSION, null, false);
    return t;
  }

  /** A deterministic Ed25519 key pair for {@code seed}. */
  public static Ed25519PrivateKey privateKey(String seed) {
    return Ed25519PrivateKey.fromSeed(
        Hashing.sha256(("key:" + seed).getBytes(StandardCharsets.UTF_8)).bytes());
  }

  /** The public key of {@link #privateKey(String)}. */
  public static Ed25519PublicKey key(String seed) {
    return privateKey(seed).publicKey();
  }

  /** Registers an agency and gives it a key. */
  public void agency(AgencyCode code, AgencyKind kind, AgencyCode parent, boolean ppk) {
    accept(
        REGISTRAR,
        "agency.registered",
        "registry",
        parent == null
            ? J.o("code", code.value(), "name", "The " + code, "kind", kind.name(), "ppk", ppk)
            : J.o(
                "code",
                code.value(),
                "name",
                "The " + code,
                "kind",
                kind.name(),
                "parent",
                parent.value(),
                "ppk",
                ppk));
    Ed25519PublicKey key = key(code + "#1");
    accept(
        REGISTRAR, "key.added", "registry", J.o("agency", code.value(), "publicKey", key.base64()));
    keys.put(code, KeyId.of(key));
  }

  /** Every accepted submission, in ledger order, from genesis. */
  public List<Submission> history() {
    return List.copyOf(history);
  }

  /** The replay state. */
  public LedgerState state() {
    return state;
  }

  /** The position the next record gets. */
  public Position nextPosition() {
    return Position.of(next);
  }

  /** The key id an agency signs with in these tests. */
  public KeyId keyOf(AgencyCode agency) {
    KeyId k = keys.get(agency);
    return k != null ? k : KeyId.of(key(agency + "#none"));
  }

  /** Uses {@code key} for {@code agency} from now on. */
  public void useKey(AgencyCode agency, KeyId key) {
    keys.put(agency, key);
  }

  /** The submission of a record at the next position. */
  public Submission submission(
      AgencyCode agency, String type, String subject, JsonNode body, Instant issuedAt) {
    return new Submission(Position.of(next), type, agency, keyOf(agency), subject, issuedAt, body);
  }

  /** Decides a record at the next position, and commits it if accepted. */
  public Outcome submit(
      AgencyCode agency, String type, String subject, JsonNode body, Instant issuedAt) {
    try {
      Submission s = submission(agency, type, subject, body, issuedAt);
      Outcome o = state.decide(s);
      if (o instanceof Outcome.Accepted) {
        state.commit((Outcome.Accepted) o);
        history.add(s);
        next++;
      }
      return o;
    } catch (RecordParseException e) {
      throw new AssertionError("body did not parse: " + e.getMessage(), e);
    }
  }

  /** Submits and asserts acceptance. */
  public Outcome.Accepted accept(AgencyCode agency, String type, String subject, JsonNode body) {
    return accept(agency, type, subject, body, LATE);
  }

  /** Submits at {@code issuedAt} and asserts acceptance. */
  public Outcome.Accepted accept(
      AgencyCode agency, String type, String subject, JsonNode body, Instant issuedAt) {
    Outcome o = submit(agency, type, subject, body, issuedAt);
    assertThat(o.rejection()).as("rejection of %s %s", type, subject).isEmpty();
    return (Outcome.Accepted) o;
  }

  /** Submits, asserts rejection, and asserts that nothing changed. */
  public Rejection reject(AgencyCode agency, String type, String subject, JsonNode body) {
    return reject(agency, type, subject, body, LATE);
  }

  /** Submits at {@code issuedAt}, asserts rejection, and asserts that nothing changed. */
  public Rejection reject(
      AgencyCode agency, String type, String subject, JsonNode body, Instant issuedAt) {
    Optional<Object> before = state.state(parseSubject(subject));
    Object registryBefore = state.registry();
    long committedBefore = state.lastCommitted();
    Outcome o = submit(agency, type, subject, body, issuedAt);
    assertThat(o.accepted()).as("%s %s should be rejected", type, subject).isFalse();
    assertThat(state.state(parseSubject(subject))).isEqualTo(before);
    assertThat(state.registry()).isSameAs(registryBefore);
    assertThat(state.lastCommitted()).isEqualTo(committedBefore);
    return o.rejection().orElseThrow();
  }

  private static Subject parseSubject(String subject) {
    try {
      return Subject.parse(subject);
    } catch (RecordParseException e) {
      throw new AssertionError(e);
    }
  }
}
