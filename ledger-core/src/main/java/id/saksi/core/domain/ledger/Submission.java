package id.saksi.core.domain.ledger;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The facts of one signed statement at its ledger position that the domain needs: its type, agency,
 * key, subject, issue time and body. The envelope (signature, nonce, canonical bytes) is the entry
 * layer's; by the time a submission reaches the domain its signature has been checked.
 */
public record Submission(
    Position position,
    String type,
    AgencyCode agency,
    KeyId key,
    String subject,
    Instant issuedAt,
    JsonNode body) {}
