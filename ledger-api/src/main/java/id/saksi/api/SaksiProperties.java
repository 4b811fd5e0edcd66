package id.saksi.api;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings, under the {@code saksi.} prefix.
 *
 * @param home the data directory: the embedded database, the keys and log.vkey live under it
 * @param db settings of the embedded database (ignored when {@code spring.datasource.url} is set)
 * @param axon settings of the Axon aggregates
 * @param log the log's identity
 * @param keys where the log's and the registrar's private keys are
 * @param registrar the registrar the genesis entry registers
 * @param checkpoint when checkpoints are signed
 * @param api bounds on requests
 * @param write the write path's queue
 */
@ConfigurationProperties("saksi")
public record SaksiProperties(
    @DefaultValue("data") Path home,
    @DefaultValue Db db,
    @DefaultValue Axon axon,
    @DefaultValue Log log,
    @DefaultValue Keys keys,
    @DefaultValue Registrar registrar,
    @DefaultValue Checkpoint checkpoint,
    @DefaultValue Api api,
    @DefaultValue Write write) {

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

  /**
   * The log's identity.
   *
   * @param origin the first line of every checkpoint and receipt, and the name of the log's key: a
   *     schema-less URL such as {@code ledger.example.go.id/asn-neutrality}. Fixed at genesis; the
   *     default, {@code localhost/saksi}, says the log was never configured for publication.
   */
  public record Log(@DefaultValue("localhost/saksi") String origin) {}

  /**
   * Private keys, as PKCS#8 PEM files. A configured path must exist; left empty, the key is read
   * from {@code <home>/keys/}, where it is created on first start (owner-only permissions).
   *
   * @param log the log's key, which signs checkpoints and receipts
   * @param registrar the registrar's key, which signs the genesis and the first catalogue adoption
   */
  public record Keys(Path log, Path registrar) {}

  /**
   * The registrar, the ledger's root of trust, as the genesis entry registers it.
   *
   * @param code its agency code
   * @param name its name
   * @param catalogue a catalogue JSON file to adopt at position 1 instead of the newest bundled
   *     version
   */
  public record Registrar(
      @DefaultValue("REGISTRAR") String code,
      @DefaultValue("Registrar Saksi") String name,
      Path catalogue) {}

  /**
   * When checkpoints are signed.
   *
   * @param delay how long after an append the publisher waits to gather more appends before it
   *     signs; together with the signing, well under one second
   * @param interval how often the publisher looks at the database for appends it was not told of
   *     (other instances'); a checkpoint is signed whenever the committed size has grown
   */
  public record Checkpoint(
      @DefaultValue("200ms") Duration delay, @DefaultValue("60s") Duration interval) {}

  /**
   * Bounds on requests.
   *
   * @param maxBody largest body of {@code POST /statements}
   * @param maxBatchBody largest body of {@code POST /statements/batch}
   * @param maxBatchItems most statements in one batch
   * @param maxDisclosures most disclosures beside one statement
   */
  public record Api(
      @DefaultValue("1MB") DataSize maxBody,
      @DefaultValue("32MB") DataSize maxBatchBody,
      @DefaultValue("1000") int maxBatchItems,
      @DefaultValue("64") int maxDisclosures) {}

  /**
   * The queue of single statements, which are appended in groups (group commit).
   *
   * @param groupSize most queued statements appended in one transaction
   * @param queueCapacity most statements waiting; beyond, requests are refused (503)
   * @param timeout how long a request waits for its group to commit before it is answered 503
   */
  public record Write(
      @DefaultValue("256") int groupSize,
      @DefaultValue("10000") int queueCapacity,
      @DefaultValue("30s") Duration timeout) {}
}
