package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import java.util.List;

/**
 * {@code disclosure.erased}: the service records that the stored disclosures of an entry were
 * deleted (UU 27/2022), by whom, why and on what legal basis; signed by the registrar (the
 * service's key), in the transaction that deletes them. The entry itself, its digests and every
 * proof stay as they were.
 *
 * <p>Body: {@code {"entry", "fields": [claim names], "officer", "reason", "basis"}}.
 *
 * @param entry the position of the entry whose disclosures were erased
 * @param fields the claim names of the disclosures erased
 * @param officer the account name of the person who ordered the erasure
 * @param reason why, as a code
 * @param basis the legal basis, such as {@code UU 27/2022 Pasal 8} (at most 300 characters)
 */
public record EraseDisclosureCommand(
    Position entry, List<String> fields, String officer, ErasureReason reason, String basis)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "disclosure.erased";

  /** Longest legal basis. */
  public static final int MAX_BASIS = 300;

  /** Copies the fields. */
  public EraseDisclosureCommand {
    fields = List.copyOf(fields);
  }

  /** Reads the body. */
  public static EraseDisclosureCommand read(JsonFields b) throws RecordParseException {
    EraseDisclosureCommand c =
        new EraseDisclosureCommand(
            b.position("entry"),
            DisclosureFields.fields(b, "fields"),
            DisclosureFields.actor(b, "officer"),
            b.enumValue("reason", ErasureReason.class),
            b.text("basis", MAX_BASIS));
    b.end();
    return c;
  }
}
