package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import java.util.List;

/**
 * {@code disclosure.accessed}: the service records, before it returns them, that an auditor read
 * the stored disclosures of an entry, and why; signed by the registrar (the service's key).
 *
 * <p>Body: {@code {"entry", "fields": [claim names], "auditor", "purpose"}}. It carries no personal
 * data: the entry's position, the names of the fields read, the auditor's account name and the
 * stated purpose (at most 500 characters, one line; a rule of use, as for every free label, says no
 * name goes in it).
 *
 * @param entry the position of the entry whose disclosures were read
 * @param fields the claim names of the disclosures returned
 * @param auditor the account name of the auditor who read them
 * @param purpose why, as the auditor stated it
 */
public record RecordDisclosureAccessCommand(
    Position entry, List<String> fields, String auditor, String purpose)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "disclosure.accessed";

  /** Longest purpose. */
  public static final int MAX_PURPOSE = 500;

  /** Copies the fields. */
  public RecordDisclosureAccessCommand {
    fields = List.copyOf(fields);
  }

  /** Reads the body. */
  public static RecordDisclosureAccessCommand read(JsonFields b) throws RecordParseException {
    RecordDisclosureAccessCommand c =
        new RecordDisclosureAccessCommand(
            b.position("entry"),
            DisclosureFields.fields(b, "fields"),
            DisclosureFields.actor(b, "auditor"),
            b.text("purpose", MAX_PURPOSE));
    b.end();
    return c;
  }
}
