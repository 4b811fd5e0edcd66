package id.saksi.core.export;

import id.saksi.core.ParseException;

/**
 * An export bundle that cannot be read as one (docs/export.md): not a ZIP, a member missing or of
 * the wrong form, a manifest that does not parse. Nothing in it was checked. Subclasses name the
 * hostile-input defences that fired; each message names the member.
 */
public class ExportFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  public ExportFormatException(String message) {
    super(message);
  }

  public ExportFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
