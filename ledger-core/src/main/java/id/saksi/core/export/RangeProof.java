package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.US_ASCII;

import id.saksi.core.ParseException;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.MerkleVerifier;
import id.saksi.core.merkle.ProofVerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Places a contiguous range of entries {@code [start, end)} in the tree a checkpoint signs
 * (docs/export.md, "range-proof"): the complete subtrees left of the range, and the RFC 9162
 * consistency proof from the tree of {@code end} leaves to the checkpoint's tree.
 *
 * <pre>
 * saksi-range-proof@v1
 * start 1000
 * end 2000
 * left &lt;base64 hash&gt;     the subtrees covering [0, start), largest first
 * right &lt;base64 hash&gt;    PROOF(end, D[size]), RFC 9162 section 2.1.4.1
 * </pre>
 *
 * <p>A verifier rebuilds the tree of {@code end} leaves from the left hashes and the range's own
 * leaf hashes, then checks the consistency proof from that root to the signed root. Nothing in the
 * proof is trusted: a wrong left hash gives a wrong root at {@code end}, which no consistency proof
 * joins to the signed one.
 *
 * @param start first index of the range
 * @param end last index of the range, exclusive
 * @param left the hashes of {@link CompactRange#frontier(long) frontier(start)}, in that order
 * @param right the consistency proof from {@code end} to the checkpoint's size
 */
public record RangeProof(long start, long end, List<Hash> left, List<Hash> right) {
  /** The first line. */
  public static final String HEADER = "saksi-range-proof@v1";

  /** Checks the sizes; copies the lists. */
  public RangeProof {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "a range needs 0 <= start < end, got start " + start + ", end " + end);
    }
    left = List.copyOf(left);
    right = List.copyOf(right);
    if (left.size() != Long.bitCount(start)) {
      throw new IllegalArgumentException(
          "the subtrees left of "
              + start
              + " are "
              + Long.bitCount(start)
              + " hashes, got "
              + left.size());
    }
    if (right.size() > 2 * 63) {
      throw new IllegalArgumentException("a consistency proof has at most 126 hashes");
    }
  }

  /** The frontier of the tree of {@code start} leaves, to which the range's leaves are appended. */
  public CompactRange leftFrontier() {
    return CompactRange.restore(start, left);
  }

  /**
   * Checks that {@code rangeRoot}, the root of the tree of {@code end} leaves rebuilt from {@link
   * #leftFrontier()} and the range's leaves, is a prefix of the checkpoint's tree.
   *
   * @throws ProofVerificationException if the consistency proof does not join the two roots
   */
  public void verify(Hash rangeRoot, long treeSize, Hash treeRoot)
      throws ProofVerificationException {
    MerkleVerifier.verifyConsistency(end, treeSize, right, rangeRoot, treeRoot);
  }

  /** The text form. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder(HEADER.length() + 40 + 52 * (left.size() + right.size()));
    sb.append(HEADER).append('\n');
    sb.append("start ").append(start).append('\n');
    sb.append("end ").append(end).append('\n');
    for (Hash h : left) {
      sb.append("left ").append(h.base64()).append('\n');
    }
    for (Hash h : right) {
      sb.append("right ").append(h.base64()).append('\n');
    }
    return sb.toString().getBytes(US_ASCII);
  }

  /** Reads the text form, strictly: every line in its place, ASCII, LF-terminated. */
  public static RangeProof parse(byte[] text) throws ExportFormatException {
    Objects.requireNonNull(text, "text");
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b == '\n') {
        lines.add(new String(text, start, i - start, US_ASCII));
        start = i + 1;
      } else if (b < 0x20 || b > 0x7e) {
        throw problem("byte " + i + " is not printable ASCII");
      }
    }
    if (start != text.length) {
      throw problem("the last line does not end with a newline");
    }
    if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
      throw problem("must start with the lines " + HEADER + ", start N, end N");
    }
    long s = number(lines.get(1), "start ");
    long e = number(lines.get(2), "end ");
    if (e <= s) {
      throw problem("end " + e + " is not after start " + s);
    }
    List<Hash> left = new ArrayList<>();
    List<Hash> right = new ArrayList<>();
    for (int i = 3; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean isLeft = line.startsWith("left ");
      if (!isLeft && !line.startsWith("right ")) {
        throw problem("line " + (i + 1) + " is neither 'left <hash>' nor 'right <hash>'");
      }
      if (isLeft && !right.isEmpty()) {
        throw problem("line " + (i + 1) + ": every left hash comes before the right ones");
      }
      try {
        (isLeft ? left : right).add(Hash.fromBase64(line.substring(isLeft ? 5 : 6)));
      } catch (ParseException ex) {
        throw problem("line " + (i + 1) + ": " + ex.getMessage());
      }
    }
    try {
      return new RangeProof(s, e, left, right);
    } catch (IllegalArgumentException ex) {
      throw problem(ex.getMessage());
    }
  }

  private static long number(String line, String prefix) throws ExportFormatException {
    if (!line.startsWith(prefix)
        || !line.substring(prefix.length()).matches("0|[1-9][0-9]{0,17}")) {
      throw problem("expected '" + prefix + "<decimal>', got " + ExportLayout.quote(line));
    }
    return Long.parseLong(line.substring(prefix.length()));
  }

  private static ExportFormatException problem(String what) {
    return new ExportFormatException(ExportLayout.RANGE_PROOF + ": " + what);
  }
}
