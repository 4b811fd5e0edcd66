package id.saksi.api.read;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the read API, under {@code saksi.read.}.
 *
 * @param maxEntries most entries in one answer of {@code GET /entries}; a longer range is cut and
 *     the answer says where to go on
 * @param maxPageSize largest page of a read-model listing
 * @param defaultPageSize the page size of a listing that names none
 */
@ConfigurationProperties("saksi.read")
public record ReadProperties(
    @DefaultValue("1000") int maxEntries,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("20") int defaultPageSize) {
  /** Checks the bounds. */
  public ReadProperties {
    if (maxEntries < 1 || maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException(
          "saksi.read: max-entries and max-page-size must be positive and default-page-size 1 to"
              + " max-page-size");
    }
  }
}
