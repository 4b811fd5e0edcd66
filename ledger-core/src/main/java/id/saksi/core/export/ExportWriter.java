package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.CheckpointFormatException;
import id.saksi.core.note.NoteFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.note.TlogProof;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export bundle as one ZIP, streaming (docs/export.md): entries go straight from the
 * caller's iterator into the compressed member, so a ledger of any length exports in constant
 * memory (apart from the set of inclusion-proof indexes of a partial export, at most {@link
 * ExportLayout#MAX_MEMBERS}).
 *
 * <p>Call in this order: the constructor (writes {@code log.vkey} and {@code checkpoint}), {@link
 * #rangeProof} for a range export, {@link #inclusionProof} for each entry outside a range, {@link
 * #entry} or {@link #leaf} for every entry in ascending index order, {@link #disclosures} for each
 * entry with disclosures in ascending order, then {@link #finish} (writes {@code README.txt} and
 * {@code manifest.json}). The writer checks that what it is given makes a bundle a verifier can
 * check: the scope is covered, every entry outside a range has its proof, every proof is against
 * the bundle's checkpoint. A caller that breaks these rules has a bug and gets an {@link
 * IllegalStateException} or {@link IllegalArgumentException}; the ZIP is then unusable.
 *
 * <p>The output is deterministic: the same inputs and creation time give the same bytes. Not
 * thread-safe.
 */
public final class ExportWriter implements Closeable {
  private static final byte[] LF = {'\n'};

  private enum Stage {
    PROOFS,
    ENTRIES,
    DISCLOSURES,
    FINISHED
  }

  private final ZipOutputStream zip;
  private final ExportScope scope;
  private final byte[] signedCheckpoint;
  private final Checkpoint checkpoint;
  private final NoteVerifierKey logKey;
  private final Instant createdAt;
  private final List<Manifest.Member> members = new ArrayList<>();
  private final Set<Long> proofIndexes = new HashSet<>();
  private final MessageDigest sha256 = Hashing.newSha256();

  private Stage stage = Stage.PROOFS;
  private RangeProof rangeProof;
  private String open;
  private long openBytes;
  private long entries;
  private long lastIndex = -1;
  private long disclosureLines;
  private long lastDisclosureIndex = -1;

  /**
   * Starts a bundle on {@code out}, which {@link #close()} closes.
   *
   * @param scope what the bundle covers
   * @param signedCheckpoint the log's signed checkpoint note the entries are proved against
   * @param logKey the log's verifier key, written for reference
   * @param createdAt the creation time written in the manifest and README
   * @throws IllegalArgumentException if {@code signedCheckpoint} is not a signed checkpoint note
   */
  public ExportWriter(
      OutputStream out,
      ExportScope scope,
      byte[] signedCheckpoint,
      NoteVerifierKey logKey,
      Instant createdAt)
      throws IOException {
    this.scope = Objects.requireNonNull(scope, "scope");
    this.logKey = Objects.requireNonNull(logKey, "logKey");
    this.createdAt = createdAt;
    this.signedCheckpoint = signedCheckpoint.clone();
    try {
      this.checkpoint = Checkpoint.parse(SignedNote.parse(signedCheckpoint).text());
    } catch (NoteFormatException | CheckpointFormatException e) {
      throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
    }
    if (scope.kind() == ExportScope.Kind.RANGE && scope.end() > checkpoint.size()) {
      throw new IllegalArgumentException(
          "range " + scope.describe() + " is beyond the checkpoint's size " + checkpoint.size());
    }
    this.zip = new ZipOutputStream(out, UTF_8);
    writeMember(ExportLayout.LOG_KEY, (logKey.encode() + "\n").getBytes(UTF_8));
    writeMember(ExportLayout.CHECKPOINT, this.signedCheckpoint);
  }

  /** Writes the range proof of a range export; once, before anything else. */
  public void rangeProof(RangeProof proof) throws IOException {
    requireStage(Stage.PROOFS, "the range proof");
    if (scope.kind() != ExportScope.Kind.RANGE) {
      throw new IllegalStateException("only a range export has a range proof");
    }
    if (rangeProof != null) {
      throw new IllegalStateException("the range proof is already written");
    }
    if (proof.start() != scope.start() || proof.end() != scope.end()) {
      throw new IllegalArgumentException(
          "range proof for ["
              + proof.start()
              + ", "
              + proof.end()
              + ") in an export of "
              + scope.describe());
    }
    rangeProof = proof;
    writeMember(ExportLayout.RANGE_PROOF, proof.encode());
  }

  /** Writes the inclusion proof of one entry that no range proof covers. */
  public void inclusionProof(TlogProof proof) throws IOException {
    requireStage(Stage.PROOFS, "an inclusion proof");
    if (scope.kind() == ExportScope.Kind.LEDGER) {
      throw new IllegalStateException("a whole-ledger export needs no inclusion proofs");
    }
    if (!Arrays.equals(proof.signedCheckpoint(), signedCheckpoint)) {
      throw new IllegalArgumentException(
          "the inclusion proof of entry " + proof.index() + " is against another checkpoint");
    }
    if (proof.index() >= checkpoint.size() || inRange(proof.index())) {
      throw new IllegalArgumentException(
          "entry " + proof.index() + " needs no inclusion proof in " + scope.describe());
    }
    if (proofIndexes.size() >= ExportLayout.MAX_MEMBERS - 8) {
      throw new IllegalStateException("more than " + ExportLayout.MAX_MEMBERS + " members");
    }
    if (!proofIndexes.add(proof.index())) {
      throw new IllegalStateException("entry " + proof.index() + " has two inclusion proofs");
    }
    writeMember(ExportLayout.proofName(proof.index()), proof.encode());
  }

  /** Writes the next entry. */
  public void entry(Entry entry) throws IOException {
    leaf(entry.index(), entry.leafBytes());
  }

  /**
   * Writes the next entry given as its index and leaf bytes, as a ledger's store holds them; the
   * bytes are written as they are, followed by LF.
   */
  public void leaf(long index, byte[] leafBytes) throws IOException {
    if (stage == Stage.PROOFS) {
      if (scope.kind() == ExportScope.Kind.RANGE && rangeProof == null) {
        throw new IllegalStateException("a range export writes its range proof first");
      }
      startMember(ExportLayout.ENTRIES);
      stage = Stage.ENTRIES;
    }
    requireStage(Stage.ENTRIES, "an entry");
    if (index <= lastIndex) {
      throw new IllegalArgumentException(
          "entry " + index + " after entry " + lastIndex + ": entries go in ascending order");
    }
    long limit = scope.kind() == ExportScope.Kind.RANGE ? scope.end() : checkpoint.size();
    if (index >= limit) {
      throw new IllegalArgumentException(
          "entry "
              + index
              + " is beyond "
              + scope.describe()
              + " (tree size "
              + checkpoint.size()
              + ")");
    }
    if (scope.kind() == ExportScope.Kind.LEDGER || inRange(index)) {
      long expected = scope.kind() == ExportScope.Kind.LEDGER ? lastIndex + 1 : rangeNext();
      if (index != expected) {
        throw new IllegalArgumentException(
            "entry " + expected + " is missing: " + scope.describe() + " holds every entry");
      }
    } else if (!proofIndexes.contains(index)) {
      throw new IllegalArgumentException("entry " + index + " has no inclusion proof");
    }
    if (leafBytes.length == 0 || leafBytes.length > Entry.MAX_BYTES) {
      throw new IllegalArgumentException("entry " + index + " has " + leafBytes.length + " bytes");
    }
    for (byte b : leafBytes) {
      if (b == '\n') {
        throw new IllegalArgumentException("entry " + index + " has a newline in its leaf bytes");
      }
    }
    write(leafBytes);
    write(LF);
    lastIndex = index;
    entries++;
  }

  /** Writes the disclosures of one entry written before; lines go in ascending index order. */
  public void disclosures(DisclosureLine line) throws IOException {
    if (stage == Stage.ENTRIES) {
      closeMember();
      startMember(ExportLayout.DISCLOSURES);
      stage = Stage.DISCLOSURES;
    }
    requireStage(Stage.DISCLOSURES, "disclosures");
    if (line.index() <= lastDisclosureIndex || line.index() > lastIndex) {
      throw new IllegalArgumentException(
          "disclosures of entry "
              + line.index()
              + " out of order, or of an entry not written (last written "
              + lastIndex
              + ")");
    }
    write(line.encode());
    write(LF);
    lastDisclosureIndex = line.index();
    disclosureLines++;
  }

  /**
   * Checks that the scope is covered, writes {@code README.txt} and {@code manifest.json}, and
   * finishes the ZIP. The underlying stream stays open until {@link #close()}.
   */
  public void finish() throws IOException {
    if (stage == Stage.FINISHED) {
      return;
    }
    if (stage == Stage.PROOFS) {
      startMember(ExportLayout.ENTRIES);
    }
    closeMember();
    stage = Stage.FINISHED;
    long expectedEnd =
        scope.kind() == ExportScope.Kind.LEDGER
            ? checkpoint.size()
            : scope.kind() == ExportScope.Kind.RANGE ? scope.end() : lastIndex + 1;
    if (lastIndex + 1 != expectedEnd) {
      throw new IllegalStateException(
          "the export of " + scope.describe() + " ends at entry " + lastIndex);
    }
    if (scope.kind() == ExportScope.Kind.RANGE && rangeProof == null) {
      throw new IllegalStateException("a range export needs its range proof");
    }
    if (entries - inRangeCount() != proofIndexes.size()) {
      throw new IllegalStateException("an inclusion proof was written for an entry not exported");
    }
    Manifest draft = manifest();
    writeMember(ExportLayout.README, Readme.render(draft, logKey.keyRef()).getBytes(UTF_8));
    zip.putNextEntry(zipEntry(ExportLayout.MANIFEST));
    zip.write(manifest().toJson());
    zip.closeEntry();
    zip.finish();
  }

  /** The manifest as it stands: complete once {@link #finish()} has run. */
  public Manifest manifest() {
    return new Manifest(
        ExportLayout.FORMAT,
        checkpoint.origin(),
        checkpoint.size(),
        checkpoint.rootHash(),
        scope,
        createdAt,
        entries,
        proofIndexes.size(),
        disclosureLines,
        members);
  }

  /** Finishes the bundle if needed and closes the stream. */
  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      zip.close();
    }
  }

  private boolean inRange(long index) {
    return scope.kind() == ExportScope.Kind.RANGE && index >= scope.start() && index < scope.end();
  }

  private long rangeNext() {
    return lastIndex < scope.start() ? scope.start() : lastIndex + 1;
  }

  private long inRangeCount() {
    switch (scope.kind()) {
      case LEDGER:
        return entries;
      case RANGE:
        return scope.end() - scope.start();
      default:
        return 0;
    }
  }

  private void requireStage(Stage wanted, String what) {
    if (stage != wanted) {
      throw new IllegalStateException(
          what + " cannot be written now: the writer is at stage " + stage);
    }
  }

  private void writeMember(String name, byte[] content) throws IOException {
    startMember(name);
    write(content);
    closeMember();
  }

  private void startMember(String name) throws IOException {
    zip.putNextEntry(zipEntry(name));
    open = name;
    openBytes = 0;
    sha256.reset();
  }

  private void write(byte[] bytes) throws IOException {
    zip.write(bytes);
    sha256.update(bytes);
    openBytes += bytes.length;
  }

  private void closeMember() throws IOException {
    if (open == null) {
      return;
    }
    zip.closeEntry();
    members.add(new Manifest.Member(open, openBytes, Hash.of(sha256.digest())));
    open = null;
  }

  private ZipEntry zipEntry(String name) {
    ZipEntry e = new ZipEntry(name);
    // DOS time in UTC, not the machine's zone, so the same export is the same bytes everywhere.
    e.setTimeLocal(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    return e;
  }
}
