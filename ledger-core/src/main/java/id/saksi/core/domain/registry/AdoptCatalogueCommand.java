package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.CatalogueCodec;
import tools.jackson.databind.JsonNode;

/**
 * {@code catalogue.adopted}: the registrar puts a catalogue version in force from the next position
 * on. The body carries the whole catalogue, so that a verifier replays every later record with
 * exactly the catalogue that judged it.
 *
 * <p>Body: {@code {"catalogue": {...the catalogue document...}}}.
 *
 * @param json the catalogue document as signed
 * @param catalogue the same, parsed
 */
public record AdoptCatalogueCommand(JsonNode json, Catalogue catalogue) implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "catalogue.adopted";

  /** Reads the body. */
  public static AdoptCatalogueCommand read(JsonFields b) throws RecordParseException {
    JsonNode json = b.raw("catalogue");
    Catalogue catalogue = CatalogueCodec.parse(b.object("catalogue"));
    b.end();
    return new AdoptCatalogueCommand(json, catalogue);
  }
}
