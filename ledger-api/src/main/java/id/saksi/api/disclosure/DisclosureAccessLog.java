package id.saksi.api.disclosure;

import id.saksi.api.write.WriteResult;
import id.saksi.core.domain.registry.RecordDisclosureAccessCommand;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records in the ledger that an account read the disclosures of an entry, before they are given
 * out: for every way personal data leaves the service (the disclosures endpoint; an export with
 * disclosures for an authorised auditor).
 */
public final class DisclosureAccessLog {
  private final ServiceRecords records;

  /** A log appending through {@code records}. */
  public DisclosureAccessLog(ServiceRecords records) {
    this.records = records;
  }

  /**
   * Appends {@code disclosure.accessed} and waits until it is durable.
   *
   * @param account the authenticated account name
   * @param entry the entry whose disclosures are read
   * @param fields their claim names
   * @param purpose why, as the account stated it (1 to 500 characters, one line)
   * @return the appended record
   * @throws id.saksi.api.problem.ProblemException if it was not appended: give nothing out then
   */
  public WriteResult.Appended recordAccess(
      String account, long entry, List<String> fields, String purpose) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("entry", entry);
    ArrayNode names = record.putArray("fields");
    fields.forEach(names::add);
    record.put("auditor", account);
    record.put("purpose", purpose);
    return records.append(RecordDisclosureAccessCommand.TYPE, record);
  }
}
