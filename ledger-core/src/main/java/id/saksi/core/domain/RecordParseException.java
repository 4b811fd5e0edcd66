package id.saksi.core.domain;

import id.saksi.core.ParseException;

/**
 * A statement's body (or subject, or type) does not follow the schema of its record type: a field
 * is missing, unknown, of the wrong type, too long or malformed. The message names the field by its
 * path (such as {@code reported.unit}) and says what to write instead.
 */
public final class RecordParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public RecordParseException(String field, String problem) {
    super("field \"" + field + "\" " + problem);
    this.field = field;
  }

  public RecordParseException(String field, String problem, Throwable cause) {
    super("field \"" + field + "\" " + problem, cause);
    this.field = field;
  }

  /** The path of the field at fault, such as {@code reported.unit} or {@code forms[1]}. */
  public String field() {
    return field;
  }
}
