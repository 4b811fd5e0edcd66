package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.CatalogueCodec;

/**
 * {@code catalogue.adopted}: the registrar puts a catalogue version in force from the next position
 * on. The body carries the whole catalogue, so that a verifier replays every later record with
 * exactly the catalogue that judged it.
 *
 * <p>Body: {@code {"catalogue": {...the catalogue document...}}}; {@link Catalogue#json()} keeps
 * the document as signed.
 */
public record AdoptCatalogueCommand(Catalogue catalogue) implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "catalogue.adopted";

  /** Reads the body. */
  public static AdoptCatalogueCommand read(JsonFields b) throws RecordParseException {
    Catalogue catalogue = CatalogueCodec.parse(b.object("catalogue"));
    b.end();
    return new AdoptCatalogueCommand(catalogue);
  }
}
