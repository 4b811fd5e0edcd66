package id.saksi.core.note;

import id.saksi.core.ParseException;
import id.saksi.core.hash.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparency log checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size and the
 * RFC 6962 root hash at that size, and optional extension lines.
 *
 * <p>Its text is the note text a log signs:
 *
 * <pre>
 * example.com/behind-the-sofa
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * <p>A checkpoint read from text is not trusted until its note signature is; use {@link
 * Checkpoints#open} for that.
 *
 * @param origin the log's identity, first line; non-empty
 * @param size the number of leaves, decimal on the second line; 0 to 2^63-1
 * @param rootHash the Merkle tree hash of the first {@code size} leaves, base64 on the third line
 * @param extensions further lines, each non-empty; usually none (the spec discourages them)
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the origin is empty or has a newline or control character,
   *     the size is negative, or an extension line is empty or has one
   */
  public Checkpoint {
    checkLine("origin", origin);
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, got " + size);
    }
    if (rootHash == null) {
      throw new NullPointerException("rootHash");
    }
    extensions = List.copyOf(extensions);
    for (String extension : extensions) {
      checkLine("extension line", extension);
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, Hash rootHash) {
    this(origin, size, rootHash, List.of());
  }

  private static void checkLine(String what, String line) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20) {
        throw new IllegalArgumentException(
            what + " must not contain control character " + NoteTexts.codePoint(c));
      }
    }
  }

  /**
   * Reads a checkpoint note text: origin, size, root hash, extension lines, each ending in a
   * newline. The size has no sign and no leading zero; the root hash is canonical base64 of 32
   * bytes.
   */
  public static Checkpoint parse(String text) throws CheckpointFormatException {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new CheckpointFormatException("checkpoint text does not end with a newline");
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      lines.add(text.substring(start, nl));
      start = nl + 1;
    }
    if (lines.size() < 3) {
      throw new CheckpointFormatException(
          "checkpoint has "
              + lines.size()
              + " lines, expected at least 3 (origin, tree size, root hash)");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        throw new CheckpointFormatException("checkpoint line " + (i + 1) + " is empty");
      }
      for (int j = 0; j < line.length(); j++) {
        if (line.charAt(j) < 0x20) {
          throw new CheckpointFormatException(
              "checkpoint line "
                  + (i + 1)
                  + " has control character "
                  + NoteTexts.codePoint(line.charAt(j)));
        }
      }
    }
    String sizeLine = lines.get(1);
    long size = NoteTexts.parseDecimal(sizeLine);
    if (size == -1) {
      throw new CheckpointFormatException(
          "checkpoint tree size must be decimal digits, got " + NoteTexts.quote(sizeLine));
    } else if (size == -2) {
      throw new CheckpointFormatException(
          "checkpoint tree size has a leading zero: " + NoteTexts.quote(sizeLine));
    } else if (size < 0) {
      throw new CheckpointFormatException(
          "checkpoint tree size is larger than 2^63-1: " + NoteTexts.quote(sizeLine));
    }
    Hash root;
    try {
      root = Hash.fromBase64(lines.get(2));
    } catch (ParseException e) {
      throw new CheckpointFormatException("checkpoint root hash: " + e.getMessage(), e);
    }
    return new Checkpoint(lines.get(0), size, root, lines.subList(3, lines.size()));
  }

  /** The note text: origin, size, root hash and extension lines, each followed by a newline. */
  public String format() {
    StringBuilder sb = new StringBuilder(origin.length() + 80);
    sb.append(origin).append('\n');
    sb.append(size).append('\n');
    sb.append(rootHash.base64()).append('\n');
    for (String extension : extensions) {
      sb.append(extension).append('\n');
    }
    return sb.toString();
  }
}
