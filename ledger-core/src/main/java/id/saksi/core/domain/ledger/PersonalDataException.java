package id.saksi.core.domain.ledger;

import id.saksi.core.VerificationException;

/**
 * The disclosures beside a statement do not fit its commitments: one does not match its digest,
 * opens a field the body does not commit, repeats one, is missing, or holds a value that fails the
 * field's check (a NIP with a wrong part). The message names the field, never the value.
 */
public final class PersonalDataException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public PersonalDataException(String field, String message) {
    super("personal data field \"" + field + "\": " + message);
    this.field = field;
  }

  public PersonalDataException(String field, String message, Throwable cause) {
    super("personal data field \"" + field + "\": " + message, cause);
    this.field = field;
  }

  /** The field path, such as {@code reported.nip}. */
  public String field() {
    return field;
  }
}
