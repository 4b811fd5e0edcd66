package id.saksi.api.write;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.problem.ProblemException;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.registry.AdoptCatalogueCommand;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Statements;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives an empty ledger its first two entries, and checks that a ledger that has them is this
 * log's: entry 0, {@code registry.genesis}, registers the registrar with its key and is signed by
 * it; entry 1, {@code catalogue.adopted}, adopts the bundled catalogue (or the configured one),
 * signed by the registrar. Whether the ledger is empty is decided under the head's lock, so of
 * several instances starting at once on one empty database exactly one writes them.
 */
public final class LedgerBootstrap {
  private static final Logger log = LoggerFactory.getLogger(LedgerBootstrap.class);

  private final StatementSequencer sequencer;
  private final ServiceKeys keys;
  private final String registrarCode;
  private final String registrarName;
  private final Path catalogueFile;
  private final Clock clock;

  /**
   * A bootstrap for {@code sequencer}'s ledger.
   *
   * @param catalogueFile a catalogue to adopt instead of the newest bundled one, or null
   */
  public LedgerBootstrap(
      StatementSequencer sequencer,
      ServiceKeys keys,
      String registrarCode,
      String registrarName,
      Path catalogueFile,
      Clock clock) {
    this.sequencer = sequencer;
    this.keys = keys;
    this.registrarCode = registrarCode;
    this.registrarName = registrarName;
    this.catalogueFile = catalogueFile;
    this.clock = clock;
  }

  /** What the bootstrap found or did. */
  public enum Outcome {
    /** This instance wrote the genesis and the catalogue adoption. */
    CREATED,
    /** The ledger already had its genesis, by this log. */
    EXISTING
  }

  /**
   * Writes the genesis if the ledger is empty, then checks the ledger's recorded identity against
   * this instance's keys.
   *
   * @throws IllegalStateException if the ledger belongs to another log key or origin, or the
   *     genesis was refused
   */
  public Outcome run() throws java.io.IOException {
    LedgerIdentity mine =
        new LedgerIdentity(
            keys.origin(), keys.logVerifierKey(), KeyId.of(keys.registrarKey().publicKey()));
    Optional<LedgerIdentity> recorded = sequencer.identity();
    Outcome outcome = Outcome.EXISTING;
    if (recorded.isEmpty()) {
      Optional<List<WriteResult>> written = sequencer.writeGenesis(genesisStatements(), mine);
      if (written.isPresent()) {
        for (WriteResult r : written.get()) {
          if (r instanceof WriteResult.Refused) {
            throw new IllegalStateException(
                "the ledger's first entries were refused: "
                    + ((WriteResult.Refused) r).problem().detail());
          }
        }
        outcome = Outcome.CREATED;
        log.atInfo()
            .addKeyValue("origin", mine.origin())
            .addKeyValue("registrar", registrarCode)
            .log("Wrote the genesis of log {} and adopted the catalogue", mine.origin());
      }
      recorded = sequencer.identity();
    }
    LedgerIdentity found =
        recorded.orElseThrow(
            () -> new IllegalStateException("the ledger has no recorded identity"));
    if (!found.origin().equals(mine.origin()) || !found.logKey().equals(mine.logKey())) {
      throw new IllegalStateException(
          "this database holds the ledger of log \""
              + found.origin()
              + "\" with key "
              + found.logKey().keyRef()
              + ", but this instance is configured as \""
              + mine.origin()
              + "\" with key "
              + mine.logKey().keyRef()
              + "; configure saksi.log.origin and saksi.keys.log as for the ledger's other"
              + " instances");
    }
    if (!found.registrarKey().equals(mine.registrarKey())) {
      log.atInfo()
          .addKeyValue("genesisKey", found.registrarKey().hex())
          .log(
              "The registrar key configured here is not the one the genesis registered ({})",
              found.registrarKey().hex());
    }
    return outcome;
  }

  private List<SignedStatement> genesisStatements() throws java.io.IOException {
    Ed25519PublicKey registrar = keys.registrarKey().publicKey();
    ObjectNode genesis = JsonNodeFactory.instance.objectNode();
    genesis.put("code", registrarCode);
    genesis.put("name", registrarName);
    genesis.put("publicKey", registrar.base64());
    JsonNode catalogue;
    try {
      catalogue =
          catalogueFile != null
              ? Catalogues.readJson(catalogueFile)
              : Catalogues.bundledJson(Catalogues.latestBundledVersion());
    } catch (id.saksi.core.domain.RecordParseException e) {
      throw new IllegalStateException(
          "saksi.registrar.catalogue " + catalogueFile + " is not a catalogue: " + e.getMessage(),
          e);
    }
    ObjectNode adoption = JsonNodeFactory.instance.objectNode();
    adoption.set("catalogue", catalogue);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return List.of(
        signed(GenesisCommand.TYPE, genesis, now),
        signed(AdoptCatalogueCommand.TYPE, adoption, now));
  }

  private SignedStatement signed(String type, JsonNode body, Instant issuedAt) {
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    try {
      Statement statement =
          Statement.create(
              type,
              registrarCode,
              KeyId.of(keys.registrarKey().publicKey()),
              "registry",
              issuedAt,
              Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
              body);
      return SubmissionParser.check(
          statement, List.of(Statements.sign(statement, keys.registrarKey())), List.of());
    } catch (EntryFormatException | ProblemException e) {
      throw new IllegalStateException(
          "the registrar's " + type + " statement is malformed: " + e.getMessage(), e);
    }
  }
}
