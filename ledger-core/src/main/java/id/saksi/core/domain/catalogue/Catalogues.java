package id.saksi.core.domain.catalogue;

import id.saksi.core.domain.RecordParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads catalogues: the versions bundled with this build ({@code
 * catalogue/saksi-neutrality-vN.json} on the class path), or a file the operator supplies.
 *
 * <p>Loading is not adoption: a catalogue governs records only once the registrar has adopted it
 * into the ledger with a {@code catalogue.adopted} record carrying its whole JSON.
 */
public final class Catalogues {
  /** Class-path prefix of the bundled versions. */
  public static final String RESOURCE_PREFIX = "/catalogue/saksi-neutrality-v";

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Catalogues() {}

  /** The bundled version {@code version}. */
  public static Catalogue bundled(int version) {
    JsonNode json = bundledJson(version);
    try {
      return CatalogueCodec.parse(json);
    } catch (RecordParseException e) {
      throw new IllegalStateException("bundled catalogue v" + version + " is invalid", e);
    }
  }

  /** The newest bundled version. */
  public static Catalogue latestBundled() {
    return bundled(latestBundledVersion());
  }

  /** The number of the newest bundled version. */
  public static int latestBundledVersion() {
    int v = 1;
    while (Catalogues.class.getResource(RESOURCE_PREFIX + (v + 1) + ".json") != null) {
      v++;
    }
    return v;
  }

  /**
   * The JSON of bundled version {@code version}, as a {@code catalogue.adopted} body carries it.
   */
  public static JsonNode bundledJson(int version) {
    try (InputStream in =
        Catalogues.class.getResourceAsStream(RESOURCE_PREFIX + version + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled catalogue v" + version);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      throw new IllegalStateException("bundled catalogue v" + version + " is not JSON", e);
    }
  }

  /** Reads and parses an operator's catalogue file. */
  public static Catalogue load(Path file) throws IOException, RecordParseException {
    return CatalogueCodec.parse(readJson(file));
  }

  /** Reads an operator's catalogue file as JSON, rejecting duplicate keys and trailing data. */
  public static JsonNode readJson(Path file) throws IOException, RecordParseException {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readTree(in);
    } catch (JacksonException e) {
      throw new RecordParseException(
          "catalogue", "is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
