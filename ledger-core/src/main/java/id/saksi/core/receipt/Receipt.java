package id.saksi.core.receipt;

import id.saksi.core.ParseException;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Timestamps;
import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log's promise to an agency that its statement is entry {@code index} with this leaf hash: the
 * text of a signed note the log signs with its checkpoint key (docs/format.md, "Receipt").
 *
 * <pre>
 * saksi.example/log
 * receipt 42
 * leaf 3q2+7w...=
 * prev k1n4...=
 * recorded 2024-10-01T08:00:00.123Z
 * </pre>
 *
 * <p>With the previous leaf hash and the recorded time the agency recomputes the entry from its own
 * statement and signatures, and so checks that the leaf is really its statement before it keeps the
 * receipt. The second line can never be a tree size, so no receipt reads as a checkpoint.
 *
 * @param origin the log's origin, as in its checkpoints
 * @param index the entry's position
 * @param leafHash the entry's leaf hash
 * @param prev the leaf hash of the entry before ({@link Hash#ZERO} for entry 0)
 * @param recordedAt when the log appended the entry, to the millisecond
 */
public record Receipt(String origin, long index, Hash leafHash, Hash prev, Instant recordedAt) {
  private static final Pattern TEXT =
      Pattern.compile(
          "([^\\x00-\\x1f]+)\\n"
              + "receipt (0|[1-9][0-9]{0,17})\\n"
              + "leaf ([A-Za-z0-9+/]{43}=)\\n"
              + "prev ([A-Za-z0-9+/]{43}=)\\n"
              + "recorded ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z)\\n");

  /** Checks the fields; a negative index or a multi-line origin is a bug of the caller. */
  public Receipt {
    if (origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("origin must be one non-empty line");
    }
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The receipt for {@code entry} in the log named {@code origin}. */
  public static Receipt forEntry(String origin, Entry entry) {
    return new Receipt(origin, entry.index(), entry.leafHash(), entry.prev(), entry.recordedAt());
  }

  /** The note text the log signs. */
  public String format() {
    return origin
        + "\nreceipt "
        + index
        + "\nleaf "
        + leafHash.base64()
        + "\nprev "
        + prev.base64()
        + "\nrecorded "
        + Timestamps.millis(recordedAt)
        + "\n";
  }

  /** Reads a receipt note text; the whole text must be exactly the five lines above. */
  public static Receipt parse(String text) throws ParseException {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new ParseException(
          "not a receipt: expected the lines <origin>, receipt <index>, leaf <base64>,"
              + " prev <base64>, recorded <time>, each ending in a newline");
    }
    Instant recorded;
    try {
      recorded = Instant.parse(m.group(5));
    } catch (DateTimeParseException e) {
      throw new ParseException("not a receipt: " + e.getMessage(), e);
    }
    // Instant.parse also reads 24:00:00.000 and the leap second 23:59:60.000, as another spelling
    // of an instant that has its own; only the spelling format() writes is a receipt.
    if (!Timestamps.millis(recorded).equals(m.group(5))) {
      throw new ParseException("not a receipt: recorded time " + m.group(5) + " does not exist");
    }
    return new Receipt(
        m.group(1),
        Long.parseLong(m.group(2)),
        Hash.fromBase64(m.group(3)),
        Hash.fromBase64(m.group(4)),
        recorded);
  }

  /**
   * Checks that {@code entry} is the entry this receipt promises: same index, same leaf hash.
   *
   * @throws ReceiptMismatchException naming the index and both leaf hashes if it is not
   */
  public void requireMatches(Entry entry) throws ReceiptMismatchException {
    if (entry.index() != index || !entry.leafHash().equals(leafHash)) {
      throw new ReceiptMismatchException(this, entry.index(), entry.leafHash());
    }
  }
}
