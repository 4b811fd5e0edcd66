package id.saksi.api.ledger;

import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import java.util.List;

/**
 * The payload of a stored event that becomes a ledger entry: the entry's index and the signed
 * statement it records. Every event the event store stores must be one (DESIGN.md invariant 1: an
 * event is stored if and only if it has an entry).
 */
public interface LedgerRecord {
  /** The index the entry takes; assigned under the ledger head's lock before the event existed. */
  long index();

  /** The statement's subject, such as {@code case/LPG-2024-0001}. */
  String subject();

  /** The signed statement. */
  Statement statement();

  /** Its signatures, the statement's own key first. */
  List<StatementSignature> signatures();
}
