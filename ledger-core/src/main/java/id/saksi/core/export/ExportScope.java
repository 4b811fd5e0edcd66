package id.saksi.core.export;

import java.util.Objects;

/**
 * What an export covers (docs/export.md, "Scopes"): the whole ledger up to its checkpoint, a range
 * of entries {@code [start, end)}, or every entry of one subject (a case, an instrument, a pact).
 * Range and subject exports also carry the registry entries that their signatures are checked
 * against.
 *
 * @param kind which of the three
 * @param start first index of a range, inclusive; 0 otherwise
 * @param end last index of a range, exclusive; 0 otherwise
 * @param subject the subject of a subject export, such as {@code case/LPG-2024-0001}; empty
 *     otherwise
 */
public record ExportScope(Kind kind, long start, long end, String subject) {
  /** The three kinds of export. */
  public enum Kind {
    /** Every entry from 0 to the checkpoint's size. */
    LEDGER("ledger"),
    /** The entries {@code [start, end)}. */
    RANGE("range"),
    /** Every entry of one subject. */
    SUBJECT("subject");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    /** The name in the manifest. */
    public String wire() {
      return wire;
    }
  }

  /** Checks the fields against the kind. */
  public ExportScope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    if (kind == Kind.RANGE) {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "a range needs 0 <= start < end, got start " + start + ", end " + end);
      }
    } else if (start != 0 || end != 0) {
      throw new IllegalArgumentException("only a range has a start and an end");
    }
    if ((kind == Kind.SUBJECT) == subject.isEmpty()) {
      throw new IllegalArgumentException("a subject export, and only it, names a subject");
    }
  }

  /** The whole ledger. */
  public static ExportScope ledger() {
    return new ExportScope(Kind.LEDGER, 0, 0, "");
  }

  /** The entries {@code [start, end)}. */
  public static ExportScope range(long start, long end) {
    return new ExportScope(Kind.RANGE, start, end, "");
  }

  /** Every entry of {@code subject}. */
  public static ExportScope subject(String subject) {
    return new ExportScope(Kind.SUBJECT, 0, 0, subject);
  }

  /** In words, for reports: "the whole ledger", "entries 10 to 19", "subject case/X". */
  public String describe() {
    switch (kind) {
      case LEDGER:
        return "the whole ledger";
      case RANGE:
        return "entries " + start + " to " + (end - 1);
      default:
        return "every entry of " + subject;
    }
  }
}
