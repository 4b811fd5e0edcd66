package id.saksi.api;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings, under the {@code saksi.} prefix.
 *
 * @param home the data directory: the embedded database, and later the keys, live under it
 * @param db settings of the embedded database (ignored when {@code spring.datasource.url} is set)
 * @param axon settings of the Axon aggregates
 */
@ConfigurationProperties("saksi")
public record SaksiProperties(
    @DefaultValue("data") Path home, @DefaultValue Db db, @DefaultValue Axon axon) {

  /** Where everything of this service lives on disk, as an absolute, normalised path. */
  public Path homeDirectory() {
    return home.toAbsolutePath().normalize();
  }

  /**
   * The embedded PostgreSQL started when no database URL is configured.
   *
   * @param embedded the embedded server's settings
   */
  public record Db(@DefaultValue Embedded embedded) {}

  /**
   * The embedded PostgreSQL's settings.
   *
   * @param port the TCP port on localhost; 0 picks a free one at each start
   * @param startupTimeout how long to wait for the server to accept connections, crash recovery
   *     included
   * @param database the database the service uses inside the server; created on first start
   */
  public record Embedded(
      @DefaultValue("0") int port,
      @DefaultValue("60s") Duration startupTimeout,
      @DefaultValue("saksi") String database) {}

  /**
   * How Axon loads aggregates.
   *
   * @param cacheSize aggregates kept in memory per service instance, most recently used first
   * @param snapshotThreshold events applied to one aggregate after which a snapshot is stored, so
   *     that loading it without a cache reads at most this many events after the snapshot
   */
  public record Axon(
      @DefaultValue("10000") int cacheSize, @DefaultValue("100") int snapshotThreshold) {}
}
