package id.saksi.api.problem;

import java.net.URI;

/**
 * Every kind of problem the service reports (RFC 9457 problem details), each with its HTTP status
 * and a stable type URI {@code urn:saksi:problem:<name>} that clients match on; docs/protocol.md
 * lists them with what to do about each. Titles never change with the occurrence; the detail does.
 */
public enum ProblemType {
  /** The body is not strict JSON (RFC 8259 with the core's extra rules: no duplicate names). */
  MALFORMED_JSON(400, "malformed-json", "The request body is not strict JSON"),
  /** The JSON does not have the shape of a submission (fields, types, lengths). */
  MALFORMED_SUBMISSION(400, "malformed-submission", "The submission does not follow the format"),
  /** The statement's envelope breaks docs/format.md (type, agency, key, subject, time, nonce). */
  MALFORMED_STATEMENT(400, "malformed-statement", "The statement does not follow the format"),
  /** The statement's type, subject or body does not follow the record type's schema. */
  INVALID_RECORD(400, "invalid-record", "The record's body does not follow its type's schema"),
  /** A signature does not verify over the statement's canonical bytes. */
  SIGNATURE_INVALID(403, "signature-invalid", "A signature does not verify"),
  /** The statement names a key the registry does not know. */
  KEY_UNKNOWN(403, "key-unknown", "The signing key is not registered"),
  /** The key is registered to another agency than the statement names. */
  KEY_OTHER_AGENCY(403, "key-other-agency", "The signing key belongs to another agency"),
  /** The key is registered only at or after the entry's position. */
  KEY_NOT_YET_VALID(403, "key-not-yet-valid", "The signing key is not valid yet"),
  /** The key was revoked before the entry's position. */
  KEY_REVOKED(403, "key-revoked", "The signing key was revoked"),
  /** The request needs an auditor's credentials (HTTP Basic); none, or wrong ones, were sent. */
  UNAUTHORIZED(401, "unauthorized", "Credentials are required"),
  /** The account is authenticated but lacks the role the endpoint needs. */
  FORBIDDEN(403, "forbidden", "The account may not do this"),
  /** A read of personal data without a valid purpose, or an erasure without reason or basis. */
  INVALID_ACCESS(400, "invalid-access", "The request does not say why"),
  /** The entry does not exist, or never had personal data stored with it. */
  NO_DISCLOSURES(404, "no-disclosures", "The entry has no stored personal data"),
  /** The entry's personal data was erased; the ledger records when and why. */
  DISCLOSURES_ERASED(410, "disclosures-erased", "The personal data was erased"),
  /** The agency already used this nonce for another statement. */
  NONCE_REUSED(409, "nonce-reused", "The nonce was already used for another statement"),
  /** The domain refused the record: an illegal step, a rule broken, a signer without the right. */
  REJECTED(422, "rejected", "The record breaks a rule of the domain"),
  /** The disclosures beside the statement do not match its commitments. */
  PERSONAL_DATA(422, "personal-data", "The personal-data disclosures do not match the statement"),
  /** The body is larger than the service accepts. */
  TOO_LARGE(413, "too-large", "The request is too large"),
  /**
   * The request's body arrived more slowly than the service waits for (saksi.limits.body-timeout).
   */
  REQUEST_TIMEOUT(408, "request-timeout", "The request arrived too slowly"),
  /**
   * This client sent more requests, or more refused ones, than the service accepts from one client.
   */
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests from this client"),
  /** The request is not JSON. */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON"),
  /** The service is starting, overloaded, or its database is unavailable; nothing was appended. */
  UNAVAILABLE(503, "unavailable", "The ledger cannot append right now"),
  /** A fault in the service; nothing was appended. */
  INTERNAL(500, "internal", "The service failed"),
  /** No checkpoint has been signed yet. */
  NO_CHECKPOINT(503, "no-checkpoint", "No checkpoint has been published yet"),
  /** A query parameter is missing, not a number, negative, or out of order with another. */
  BAD_PARAMETER(400, "bad-parameter", "A query parameter is missing or not valid"),
  /** The request names an entry or tree size the ledger (or the checkpoint asked for) lacks. */
  BEYOND_SIZE(416, "beyond-size", "The request reaches beyond the ledger's size"),
  /** No checkpoint of the tree size asked for was signed. */
  CHECKPOINT_NOT_FOUND(404, "checkpoint-not-found", "No checkpoint of that tree size is stored"),
  /** The case, agency or other thing the path names is not known to the read models. */
  NOT_FOUND(404, "not-found", "Nothing is known under that name"),
  /** An export's range is empty, negative or beyond the latest checkpoint. */
  EXPORT_RANGE_INVALID(400, "export-range-invalid", "The export's range is not in the ledger"),
  /** An export's subject is not a subject, or has no entry the latest checkpoint signs. */
  EXPORT_SUBJECT_UNKNOWN(404, "export-subject-unknown", "The ledger has no entry of that subject"),
  /** Disclosures of personal data were asked for by a requester not authorised to have them. */
  DISCLOSURES_FORBIDDEN(403, "disclosures-forbidden", "Disclosures need an authorised auditor");

  private static final String PREFIX = "urn:saksi:problem:";

  private final int status;
  private final String name;
  private final String title;

  ProblemType(int status, String name, String title) {
    this.status = status;
    this.name = name;
    this.title = title;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable type URI. */
  public URI uri() {
    return URI.create(PREFIX + name);
  }

  /** The short, fixed title. */
  public String title() {
    return title;
  }

  /** The last part of the type URI, such as {@code key-revoked}. */
  public String slug() {
    return name;
  }
}
