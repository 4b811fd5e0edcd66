package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.LocalDate;

/**
 * {@code agency.dissolved}: the registrar records that an agency ceased to exist (as KASN did under
 * UU 20/2023); every key it still holds is revoked at this position.
 *
 * <p>Body: {@code {"code", "dissolvedOn", "basis"}}, the basis being the legal instrument.
 */
public record DissolveAgencyCommand(AgencyCode code, LocalDate dissolvedOn, String basis)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "agency.dissolved";

  /** Reads the body. */
  public static DissolveAgencyCommand read(JsonFields b) throws RecordParseException {
    DissolveAgencyCommand c =
        new DissolveAgencyCommand(
            b.agency("code"), b.date("dissolvedOn"), b.text("basis", JsonFields.SHORT_TEXT));
    b.end();
    return c;
  }
}
