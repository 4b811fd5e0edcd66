package id.saksi.core.testing;

import static id.saksi.core.testing.SignedLedgerBuilder.J;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import id.saksi.core.export.ExportLayout;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.verify.Check;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tamper suite's bad exports, generated deterministically from the signed example ledger
 * ({@link SignedLedgerBuilder#wholeCase()}, 45 entries) rather than kept as files: each method is
 * named after the mutation it applies and says where it must be caught. Shared by the library's
 * tests and the command line's.
 *
 * <p>Some are an outsider's edits of an honest bundle (the manifest updated to match, as an
 * attacker would); others are what a dishonest log could sign (a record breaking a rule, a revoked
 * key, a fork, a rollback), built with the log's own key, so that only the verifier's replay or the
 * older checkpoint can catch them.
 */
public final class Tampers {
  private Tampers() {}

  /**
   * A bad export and where it must be caught.
   *
   * @param name the mutation
   * @param bundle the ZIP
   * @param since an older checkpoint to verify against, or {@code null}
   * @param index the entry the first failure is about, or empty for the whole
   * @param check the check that must fail first
   * @param message a part of the first failure's message
   */
  public record Tampered(
      String name, byte[] bundle, byte[] since, OptionalLong index, Check check, String message) {}

  /** Every mutation, in the order of the brief. */
  public static List<Tampered> all() {
    return List.of(
        editedFieldRecanonicalized(),
        editedRecordedAt(),
        deletedEntry(),
        duplicatedEntry(),
        swappedEntries(),
        truncatedTail(),
        appendedUnsignedEntry(),
        resignedWithAnotherAgencysKey(),
        signedWithKeyAfterRevocation(),
        keyRegisteredAfterItsUse(),
        domainRuleBrokenButSigned(),
        checkpointSizeTooSmall(),
        checkpointSizeTooLarge(),
        checkpointWrongRoot(),
        checkpointSignedByWrongKey(),
        fork(),
        rolledBack(),
        rewrittenHistory());
  }

  /** The example ledger, shared: building it signs 45 statements. */
  private static SignedLedgerBuilder honest;

  /** The honest example ledger. */
  public static synchronized SignedLedgerBuilder honest() {
    if (honest == null) {
      honest = SignedLedgerBuilder.wholeCase();
    }
    return honest;
  }

  private static Tampered at(String name, byte[] bundle, long index, Check check, String message) {
    return new Tampered(name, bundle, null, OptionalLong.of(index), check, message);
  }

  private static BundleEditor honestBundle() {
    return BundleEditor.of(honest().export());
  }

  /** A body field of entry 35 edited and the entry re-canonicalized: its signature breaks. */
  public static Tampered editedFieldRecanonicalized() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    Entry e = honest().entries().get(35);
    ObjectNode st = e.statement().toTree();
    ((ObjectNode) st.get("body")).put("outcome", "NO_VIOLATION");
    lines.set(35, rebuild(e, statement(st), e.signatures()).leafBytes());
    return at(
        "editedFieldRecanonicalized",
        b.lines(lines).zip(),
        35,
        Check.SIGNATURE,
        "does not verify over case.assessed case/LPG-2024-0001 by BAWASLU-LAMPUNG");
  }

  /** The ledger's own time of entry 35 moved: entry 36 no longer links to it. */
  public static Tampered editedRecordedAt() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    Entry e = honest().entries().get(35);
    Entry edited =
        Entry.create(
            e.index(), e.prev(), e.recordedAt().plusMillis(1), e.statement(), e.signatures());
    lines.set(35, edited.leafBytes());
    return at(
        "editedRecordedAt",
        b.lines(lines).zip(),
        36,
        Check.CHAIN,
        "prev is not the leaf hash of entry 35");
  }

  /** Entry 35 removed. */
  public static Tampered deletedEntry() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    lines.remove(35);
    return at(
        "deletedEntry",
        b.lines(lines).zip(),
        35,
        Check.ORDER,
        "is missing: found entry 36 in its place");
  }

  /** Entry 35 appears twice. */
  public static Tampered duplicatedEntry() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    lines.add(36, lines.get(35));
    return at(
        "duplicatedEntry",
        b.lines(lines).zip(),
        36,
        Check.ORDER,
        "found entry 35 in its place: an entry repeated or moved");
  }

  /** Entries 35 and 36 change places. */
  public static Tampered swappedEntries() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    byte[] l35 = lines.get(35);
    lines.set(35, lines.get(36));
    lines.set(36, l35);
    return at(
        "swappedEntries",
        b.lines(lines).zip(),
        35,
        Check.ORDER,
        "is missing: found entry 36 in its place");
  }

  /** The last three entries cut off. */
  public static Tampered truncatedTail() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    return at(
        "truncatedTail",
        b.lines(new ArrayList<>(lines.subList(0, 42))).zip(),
        42,
        Check.TREE,
        "is missing, and every entry after it: the export ends at entry 41 but the checkpoint's"
            + " tree has 45 entries");
  }

  /** An entry 45 added after the checkpoint's last, chained but with a made-up signature. */
  public static Tampered appendedUnsignedEntry() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    Entry last = honest().entries().get(44);
    Statement s = last.statement();
    StatementSignature fake = StatementSignature.of(s.key(), new byte[64]);
    lines.add(
        Entry.create(45, last.leafHash(), last.recordedAt().plusSeconds(1), s, List.of(fake))
            .leafBytes());
    return at(
        "appendedUnsignedEntry",
        b.lines(lines).zip(),
        45,
        Check.TREE,
        "is beyond the checkpoint's tree of 45 entries: the log has not signed it");
  }

  /** Entry 35 re-signed with BKN's key while it still claims to be Bawaslu Lampung's. */
  public static Tampered resignedWithAnotherAgencysKey() {
    BundleEditor b = honestBundle();
    List<byte[]> lines = b.lines();
    Entry e = honest().entries().get(35);
    Ed25519PrivateKey bkn = TestLedger.privateKey("BKN#1");
    ObjectNode st = e.statement().toTree();
    st.put("key", KeyId.of(bkn.publicKey()).hex());
    Statement s = statement(st);
    lines.set(35, rebuild(e, s, List.of(Statements.sign(s, bkn))).leafBytes());
    return at(
        "resignedWithAnotherAgencysKey",
        b.lines(lines).zip(),
        35,
        Check.KEY,
        "cannot sign for BAWASLU-LAMPUNG: the key belongs to BKN");
  }

  /**
   * A dishonest log: Bawaslu Lampung gets a second key (45), its first is revoked (46), and then a
   * new case is reported with the revoked key (47), signed and in the log's tree.
   */
  public static Tampered signedWithKeyAfterRevocation() {
    SignedLedgerBuilder b = SignedLedgerBuilder.wholeCase();
    Ed25519PrivateKey first = b.keyOf("BAWASLU-LAMPUNG");
    b.append(
        "REGISTRAR",
        "key.added",
        "registry",
        J("agency", "BAWASLU-LAMPUNG", "publicKey", TestLedger.key("BAWASLU-LAMPUNG#2").base64()));
    b.append(
        "REGISTRAR",
        "key.revoked",
        "registry",
        J(
            "agency",
            "BAWASLU-LAMPUNG",
            "key",
            KeyId.of(first.publicKey()).hex(),
            "reason",
            "RETIRED"));
    b.appendUnchecked(
        "BAWASLU-LAMPUNG",
        "case.reported",
        "case/LPG-2024-0002",
        b.entries().get(31).statement().body());
    return at(
        "signedWithKeyAfterRevocation",
        b.export(),
        47,
        Check.KEY,
        "was revoked (RETIRED) at position 46 and signs nothing after it");
  }

  /**
   * A dishonest log: a new case reported (45) with a key that the registry only adds afterwards
   * (46). The final registry knows the key; the registry as of entry 45 does not.
   */
  public static Tampered keyRegisteredAfterItsUse() {
    SignedLedgerBuilder b = SignedLedgerBuilder.wholeCase();
    b.useKey("BAWASLU-LAMPUNG", TestLedger.privateKey("BAWASLU-LAMPUNG#2"));
    b.appendUnchecked(
        "BAWASLU-LAMPUNG",
        "case.reported",
        "case/LPG-2024-0002",
        b.entries().get(31).statement().body());
    b.append(
        "REGISTRAR",
        "key.added",
        "registry",
        J("agency", "BAWASLU-LAMPUNG", "publicKey", TestLedger.key("BAWASLU-LAMPUNG#2").base64()));
    return at("keyRegisteredAfterItsUse", b.export(), 45, Check.KEY, "no such key is registered");
  }

  /** A dishonest log: the closed case closed again (45), correctly signed by Metro. */
  public static Tampered domainRuleBrokenButSigned() {
    SignedLedgerBuilder b = SignedLedgerBuilder.wholeCase();
    b.appendUnchecked(
        "PEMKOT-METRO",
        "case.closed",
        "case/LPG-2024-0001",
        b.entries().get(44).statement().body());
    return at(
        "domainRuleBrokenButSigned",
        b.export(),
        45,
        Check.DOMAIN,
        "(case.closed case/LPG-2024-0001 by PEMKOT-METRO) is not a legal step");
  }

  /** The log signs a checkpoint of 44 entries over the 45 of the export. */
  public static Tampered checkpointSizeTooSmall() {
    byte[] cp = honest().checkpoint(44);
    return at(
        "checkpointSizeTooSmall",
        honestBundle().put(ExportLayout.CHECKPOINT, cp).zip(),
        44,
        Check.TREE,
        "is beyond the checkpoint's tree of 44 entries: the log has not signed it");
  }

  /** The log signs a checkpoint of 46 entries with the root of 45. */
  public static Tampered checkpointSizeTooLarge() {
    byte[] cp =
        Checkpoints.sign(
            new Checkpoint(SignedLedgerBuilder.ORIGIN, 46, honest().checkpointText().rootHash()),
            honest().logSigner());
    return at(
        "checkpointSizeTooLarge",
        honestBundle().put(ExportLayout.CHECKPOINT, cp).zip(),
        45,
        Check.TREE,
        "is missing, and every entry after it: the export ends at entry 44 but the checkpoint's"
            + " tree has 46 entries");
  }

  /** The log signs a checkpoint of the right size with another root. */
  public static Tampered checkpointWrongRoot() {
    Hash other = Hashing.sha256("another tree".getBytes(StandardCharsets.UTF_8));
    byte[] cp =
        Checkpoints.sign(
            new Checkpoint(SignedLedgerBuilder.ORIGIN, 45, other), honest().logSigner());
    return new Tampered(
        "checkpointWrongRoot",
        honestBundle().put(ExportLayout.CHECKPOINT, cp).zip(),
        null,
        OptionalLong.empty(),
        Check.TREE,
        "the Merkle root of the entries is not the root the checkpoint signs");
  }

  /** The checkpoint signed by a key of the same name that is not the log's. */
  public static Tampered checkpointSignedByWrongKey() {
    byte[] cp =
        Checkpoints.sign(honest().checkpointText(), SignedLedgerBuilder.logSigner("IMPOSTOR"));
    return new Tampered(
        "checkpointSignedByWrongKey",
        honestBundle().put(ExportLayout.CHECKPOINT, cp).zip(),
        null,
        OptionalLong.empty(),
        Check.CHECKPOINT,
        "the bundle's checkpoint is not the log's");
  }

  /**
   * A fork: a second ledger whose last entry differs, its own export and checkpoint of the same
   * size 45 valid on their own; verified with the first ledger's checkpoint as the older one.
   */
  public static Tampered fork() {
    SignedLedgerBuilder other = SignedLedgerBuilder.wholeCase(44);
    Entry last = honest().entries().get(44);
    other.append(
        last.statement().agency(),
        last.statement().type(),
        last.statement().subject(),
        last.statement().body(),
        last.statement().issuedAt().plusSeconds(60));
    return new Tampered(
        "fork",
        other.export(),
        honest().checkpoint(),
        OptionalLong.empty(),
        Check.CONSISTENCY,
        "the log signed two different trees of size 45");
  }

  /** A rollback: an export of the first 40 entries, checked against a checkpoint of 45. */
  public static Tampered rolledBack() {
    return new Tampered(
        "rolledBack",
        SignedLedgerBuilder.wholeCase(40).export(),
        honest().checkpoint(),
        OptionalLong.empty(),
        Check.CONSISTENCY,
        "is older than the one given with --since (tree size 45): the ledger was rolled back");
  }

  /**
   * A rewritten history: entries 40 to 44 replaced (restored from a backup, then re-appended
   * differently), checked against the checkpoint of 42 published before.
   */
  public static Tampered rewrittenHistory() {
    SignedLedgerBuilder other = SignedLedgerBuilder.wholeCase(40);
    for (Entry e : honest().entries().subList(40, 45)) {
      other.append(
          e.statement().agency(),
          e.statement().type(),
          e.statement().subject(),
          e.statement().body(),
          e.statement().issuedAt().plusSeconds(1));
    }
    return new Tampered(
        "rewrittenHistory",
        other.export(),
        honest().checkpoint(42),
        OptionalLong.empty(),
        Check.CONSISTENCY,
        "the tree of the first 42 entries is not the one the checkpoint given with --since signs");
  }

  private static Statement statement(ObjectNode tree) {
    try {
      return Statement.fromTree(tree, "");
    } catch (EntryFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Entry rebuild(Entry e, Statement s, List<StatementSignature> sigs) {
    return Entry.create(e.index(), e.prev(), e.recordedAt(), s, sigs);
  }
}
