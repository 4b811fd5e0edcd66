package id.saksi.api.security;

/** The roles an account may hold; SECURITY.md says what each allows. */
public enum Roles {
  /** Reads the stored disclosures of an entry, each read recorded in the ledger first. */
  AUDITOR,
  /** Erases the stored disclosures of an entry (UU 27/2022), recorded in the ledger. */
  ERASER;

  /** The authority name Spring Security matches, {@code ROLE_<name>}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
