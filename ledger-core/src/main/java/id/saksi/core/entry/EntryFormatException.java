package id.saksi.core.entry;

import id.saksi.core.ParseException;

/**
 * A statement or entry that is valid JSON but not of the shape docs/format.md defines: a field is
 * missing, unknown, of the wrong type or out of bounds.
 *
 * <p>The message reads {@code <field>: <problem>}, with the field given as a JSON Pointer (RFC
 * 6901) from the root of the document that was being read, e.g. {@code /statement/issuedAt}.
 */
public final class EntryFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  EntryFormatException(String field, String problem) {
    super((field.isEmpty() ? "(document)" : field) + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  EntryFormatException(String context, ParseException cause) {
    super(context + ": " + cause.getMessage(), cause);
    this.field = "";
    this.problem = cause.getMessage();
  }

  /** JSON Pointer of the offending field; empty for the whole document. */
  public String field() {
    return field;
  }

  /** What was wrong with it. */
  public String problem() {
    return problem;
  }
}
