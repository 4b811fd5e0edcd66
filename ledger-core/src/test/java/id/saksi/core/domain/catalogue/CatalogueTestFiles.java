package id.saksi.core.domain.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** The catalogue fixtures under src/test/resources/domain/catalogue. */
public final class CatalogueTestFiles {
  private CatalogueTestFiles() {}

  /** The corrected version 2 fixture, as JSON. */
  public static JsonNode correctedV2Json() {
    try {
      return Catalogues.readJson(
          Path.of("src/test/resources/domain/catalogue/saksi-neutrality-v2-corrected.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (id.saksi.core.domain.RecordParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
