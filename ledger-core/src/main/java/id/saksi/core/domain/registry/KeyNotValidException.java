package id.saksi.core.domain.registry;

import id.saksi.core.VerificationException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.validation.AgencyCode;

/**
 * A statement names a key that cannot sign it: unknown, another agency's, not yet valid, or revoked
 * at its position. Carries the facts.
 */
public final class KeyNotValidException extends VerificationException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the key. */
  public enum Reason {
    /** No key with this id was ever registered. */
    UNKNOWN,
    /** The key belongs to another agency. */
    OTHER_AGENCY,
    /** The entry is at or before the key's registration. */
    NOT_YET_VALID,
    /** The entry is after the key's revocation. */
    REVOKED
  }

  private final transient KeyId keyId;
  private final transient AgencyCode agency;
  private final transient Position position;
  private final Reason reason;

  public KeyNotValidException(
      KeyId keyId, AgencyCode agency, Position position, Reason reason, String detail) {
    super("entry " + position + ": key " + keyId + " cannot sign for " + agency + ": " + detail);
    this.keyId = keyId;
    this.agency = agency;
    this.position = position;
    this.reason = reason;
  }

  /** The key named. */
  public KeyId keyId() {
    return keyId;
  }

  /** The agency the statement claims to be. */
  public AgencyCode agency() {
    return agency;
  }

  /** The entry's position. */
  public Position position() {
    return position;
  }

  /** What is wrong. */
  public Reason reason() {
    return reason;
  }
}
