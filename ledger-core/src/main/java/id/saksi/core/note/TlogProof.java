package id.saksi.core.note;

import static java.nio.charset.StandardCharsets.US_ASCII;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.MerkleVerifier;
import id.saksi.core.merkle.ProofVerificationException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An offline-verifiable proof that an entry is in a log (c2sp.org/tlog-proof@v1): the entry's
 * index, the Merkle inclusion path from the leaf's sibling up to the root's child, optional opaque
 * extra data, and the log's signed checkpoint, verbatim.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;          (optional)
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;            (zero or more, one per line)
 *
 * &lt;signed checkpoint note&gt;
 * </pre>
 *
 * <p>Parsing is strict: every line in its place, decimal without leading zeros, canonical base64,
 * at most 63 path hashes, and a checkpoint that is a well-formed signed note. Reading a proof
 * checks nothing about the log; {@link #openCheckpoint} checks the log's signature, and the
 * inclusion of a leaf is then checked against the opened checkpoint's root.
 */
public final class TlogProof {
  /** The first line of every proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** Most path hashes: a tree of at most 2^63-1 leaves is at most 63 levels deep. */
  public static final int MAX_PATH = 63;

  /** Largest extra data accepted, in bytes. */
  public static final int MAX_EXTRA_BYTES = 64 * 1024;

  private static final String EXTRA = "extra ";
  private static final String INDEX = "index ";

  private final byte[] extra;
  private final long index;
  private final List<Hash> path;
  private final byte[] checkpoint;

  private TlogProof(byte[] extra, long index, List<Hash> path, byte[] checkpoint) {
    this.extra = extra;
    this.index = index;
    this.path = path;
    this.checkpoint = checkpoint;
  }

  /**
   * A proof for the entry at {@code index} with inclusion {@code path} under a signed checkpoint.
   *
   * @param signedCheckpoint the log's signed checkpoint note, as {@link Checkpoints#sign} returns
   * @throws IllegalArgumentException if the index is negative, the path has more than 63 hashes, or
   *     {@code signedCheckpoint} is not a well-formed signed note
   */
  public static TlogProof of(long index, List<Hash> path, byte[] signedCheckpoint) {
    return build(null, index, path, signedCheckpoint);
  }

  /**
   * As {@link #of}, with opaque extra data (not authenticated by anything in the proof).
   *
   * @throws IllegalArgumentException also if {@code extra} is empty or over {@link
   *     #MAX_EXTRA_BYTES}: omit it instead of passing it empty
   */
  public static TlogProof withExtra(
      byte[] extra, long index, List<Hash> path, byte[] signedCheckpoint) {
    if (extra.length == 0 || extra.length > MAX_EXTRA_BYTES) {
      throw new IllegalArgumentException(
          "extra data must be 1 to " + MAX_EXTRA_BYTES + " bytes, got " + extra.length);
    }
    return build(extra.clone(), index, path, signedCheckpoint);
  }

  private static TlogProof build(
      byte[] extra, long index, List<Hash> path, byte[] signedCheckpoint) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    if (path.size() > MAX_PATH) {
      throw new IllegalArgumentException(
          "an inclusion path has at most " + MAX_PATH + " hashes, got " + path.size());
    }
    try {
      SignedNote.parse(signedCheckpoint);
    } catch (NoteFormatException e) {
      throw new IllegalArgumentException("not a signed note: " + e.getMessage(), e);
    }
    return new TlogProof(extra, index, List.copyOf(path), signedCheckpoint.clone());
  }

  /** Reads a c2sp.org/tlog-proof@v1 proof. */
  public static TlogProof parse(byte[] proof) throws TlogProofFormatException {
    int maxBytes =
        SignedNotes.MAX_NOTE_BYTES + MAX_EXTRA_BYTES * 2 + (MAX_PATH + 4) * 64 + HEADER.length();
    if (proof.length > maxBytes) {
      throw new TlogProofFormatException(
          "proof is " + proof.length + " bytes, more than the limit of " + maxBytes);
    }
    int[] pos = {0};
    int lineNo = 1;
    String header = nextLine(proof, pos, lineNo);
    if (!header.equals(HEADER)) {
      throw new TlogProofFormatException(
          "line 1 must be " + HEADER + ", got " + NoteTexts.quote(header));
    }
    lineNo++;
    String line = nextLine(proof, pos, lineNo);
    byte[] extra = null;
    if (line.startsWith(EXTRA)) {
      String base64 = line.substring(EXTRA.length());
      extra = NoteTexts.decodeBase64(base64);
      if (extra == null) {
        throw new TlogProofFormatException(
            "line " + lineNo + ": extra data is not canonical, padded base64");
      }
      if (extra.length == 0) {
        throw new TlogProofFormatException(
            "line " + lineNo + ": extra line has no data (omit the line instead)");
      }
      if (extra.length > MAX_EXTRA_BYTES) {
        throw new TlogProofFormatException(
            "line "
                + lineNo
                + ": extra data is "
                + extra.length
                + " bytes, more than the limit of "
                + MAX_EXTRA_BYTES);
      }
      lineNo++;
      line = nextLine(proof, pos, lineNo);
    }
    if (!line.startsWith(INDEX)) {
      throw new TlogProofFormatException(
          "line " + lineNo + " must be 'index <decimal>', got " + NoteTexts.quote(line));
    }
    String decimal = line.substring(INDEX.length());
    long index = NoteTexts.parseDecimal(decimal);
    if (index == -1) {
      throw new TlogProofFormatException(
          "line " + lineNo + ": index must be decimal digits, got " + NoteTexts.quote(decimal));
    } else if (index == -2) {
      throw new TlogProofFormatException(
          "line " + lineNo + ": index has a leading zero: " + NoteTexts.quote(decimal));
    } else if (index < 0) {
      throw new TlogProofFormatException(
          "line " + lineNo + ": index is larger than 2^63-1: " + NoteTexts.quote(decimal));
    }
    List<Hash> path = new ArrayList<>();
    while (true) {
      lineNo++;
      line = nextLine(proof, pos, lineNo);
      if (line.isEmpty()) {
        break;
      }
      if (path.size() == MAX_PATH) {
        throw new TlogProofFormatException(
            "line " + lineNo + ": more than " + MAX_PATH + " inclusion path hashes");
      }
      try {
        path.add(Hash.fromBase64(line));
      } catch (ParseException e) {
        throw new TlogProofFormatException(
            "line " + lineNo + ": inclusion path hash: " + e.getMessage(), e);
      }
    }
    byte[] checkpoint = Arrays.copyOfRange(proof, pos[0], proof.length);
    if (checkpoint.length == 0) {
      throw new TlogProofFormatException(
          "proof has no checkpoint after the blank line on line " + lineNo);
    }
    try {
      SignedNote.parse(checkpoint);
    } catch (NoteFormatException e) {
      throw new TlogProofFormatException(
          "checkpoint (from line " + (lineNo + 1) + "): " + e.getMessage(), e);
    }
    return new TlogProof(extra, index, List.copyOf(path), checkpoint);
  }

  /**
   * The next line, without its newline, as ASCII; the proof's header lines are ASCII only.
   *
   * @throws TlogProofFormatException if there is no newline left or the line is not printable ASCII
   */
  private static String nextLine(byte[] proof, int[] pos, int lineNo)
      throws TlogProofFormatException {
    int start = pos[0];
    int end = start;
    while (end < proof.length && proof[end] != '\n') {
      byte b = proof[end];
      if (b < 0x20 || b > 0x7e) {
        throw new TlogProofFormatException(
            String.format(
                java.util.Locale.ROOT,
                "line %d has byte 0x%02x; lines before the checkpoint are printable ASCII",
                lineNo,
                b & 0xff));
      }
      end++;
    }
    if (end == proof.length) {
      throw new TlogProofFormatException(
          start == end
              ? "proof ends before line " + lineNo + ": no blank line and checkpoint"
              : "line " + lineNo + " does not end with a newline");
    }
    pos[0] = end + 1;
    return new String(proof, start, end - start, US_ASCII);
  }

  /** The proof's bytes: header, optional extra line, index line, path, blank line, checkpoint. */
  public byte[] encode() {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(checkpoint.length + 64 + path.size() * 45);
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    if (extra != null) {
      sb.append(EXTRA).append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    sb.append(INDEX).append(index).append('\n');
    for (Hash h : path) {
      sb.append(h.base64()).append('\n');
    }
    sb.append('\n');
    out.writeBytes(sb.toString().getBytes(US_ASCII));
    out.writeBytes(checkpoint);
    return out.toByteArray();
  }

  /** The opaque extra data, if any: not authenticated, never trust it implicitly. */
  public Optional<byte[]> extra() {
    return extra == null ? Optional.empty() : Optional.of(extra.clone());
  }

  /** Zero-based index of the entry in the log. */
  public long index() {
    return index;
  }

  /** Inclusion path hashes, from the leaf's sibling up to the root's child (RFC 6962 2.1.1). */
  public List<Hash> path() {
    return path;
  }

  /** A copy of the signed checkpoint note, verbatim. */
  public byte[] signedCheckpoint() {
    return checkpoint.clone();
  }

  /**
   * Opens the embedded checkpoint with the log's key and origin (tlog-proof's verification step 2);
   * see {@link Checkpoints#open}. The inclusion of a leaf must then be checked against the returned
   * checkpoint's size and root with this proof's {@link #index()} and {@link #path()}.
   */
  public Checkpoint openCheckpoint(NoteVerifierKey logKey, String origin)
      throws NoteFormatException,
          CheckpointFormatException,
          InvalidNoteSignatureException,
          UnverifiedNoteException,
          CheckpointOriginException {
    return Checkpoints.open(checkpoint, logKey, origin);
  }

  /**
   * Verifies the whole proof (tlog-proof's verification steps 2 to 4): the log signed the embedded
   * checkpoint for {@code origin}, and {@code leafHash} is the leaf at {@link #index()} of the tree
   * that checkpoint commits to (RFC 9162 section 2.1.3.2).
   *
   * @return the verified checkpoint, whose size and root the caller may record or compare
   * @throws ParseException if the embedded checkpoint is not a well-formed signed checkpoint
   * @throws VerificationException if the log's signature, the origin, the index or the path does
   *     not check out; the subclass says which, with expected and actual values
   */
  public Checkpoint verify(Hash leafHash, NoteVerifierKey logKey, String origin)
      throws ParseException, VerificationException {
    Checkpoint cp = openCheckpoint(logKey, origin);
    try {
      MerkleVerifier.verifyInclusion(index, cp.size(), leafHash, path, cp.rootHash());
    } catch (ProofVerificationException e) {
      throw new InclusionFailedException(index, cp, e);
    }
    return cp;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TlogProof)) {
      return false;
    }
    TlogProof other = (TlogProof) o;
    return index == other.index
        && Arrays.equals(extra, other.extra)
        && path.equals(other.path)
        && Arrays.equals(checkpoint, other.checkpoint);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + path.hashCode();
  }

  @Override
  public String toString() {
    return "TlogProof(index " + index + ", " + path.size() + " path hashes)";
  }
}
