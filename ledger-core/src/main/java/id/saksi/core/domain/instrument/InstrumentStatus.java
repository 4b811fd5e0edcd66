package id.saksi.core.domain.instrument;

/** Where an instrument stands. */
public enum InstrumentStatus {
  /** Issued, possibly amended, in force. */
  IN_FORCE,
  /** Revoked; nothing more can be recorded about it. */
  REVOKED
}
