package id.saksi.core.domain.registry;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/**
 * {@code agency.registered}: the registrar registers an agency.
 *
 * <p>Body: {@code {"code", "name", "kind", "parent"?, "ppk"}}; {@code ppk} says whether the
 * agency's head is a PPK, the official who disciplines its civil servants and those of its units.
 */
public record RegisterAgencyCommand(
    AgencyCode code, String name, AgencyKind kind, Optional<AgencyCode> parent, boolean ppk)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "agency.registered";

  /** Reads the body. */
  public static RegisterAgencyCommand read(JsonFields b) throws RecordParseException {
    RegisterAgencyCommand c =
        new RegisterAgencyCommand(
            b.agency("code"),
            b.text("name", JsonFields.SHORT_TEXT),
            b.enumValue("kind", AgencyKind.class),
            b.optionalAgency("parent"),
            b.bool("ppk"));
    b.end();
    return c;
  }
}
