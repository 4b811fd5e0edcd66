package id.saksi.api.write;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.note.NoteVerifierKey;
import java.util.Objects;

/**
 * Who the log is, as the database records it with the genesis entry: its origin, the key it signs
 * checkpoints and receipts with, and the registrar's key. Every instance serving the database must
 * agree with it.
 *
 * @param origin the log's origin line
 * @param logKey the log's verifier key
 * @param registrarKey the id of the key the genesis registers for the registrar
 */
public record LedgerIdentity(String origin, NoteVerifierKey logKey, KeyId registrarKey) {
  /** Checks the fields. */
  public LedgerIdentity {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(registrarKey, "registrarKey");
  }
}
