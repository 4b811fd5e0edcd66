package id.saksi.api.keys;

import id.saksi.api.ledger.AppendedEntry;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyFormatException;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's two private keys: the log's, which signs checkpoints and receipts under the log's
 * origin, and the registrar's, which signs the genesis entry, the first catalogue adoption and the
 * service's own records of access to and erasure of personal data (SECURITY.md).
 *
 * <p>Each is a PKCS#8 PEM file: read from the configured path, or from {@code <home>/keys/}, where
 * it is created on first start with owner-only permissions. Two instances starting at once on one
 * data directory both end up with the same key: creating a key file never replaces one, and the
 * loser of the race reads the winner's. Neither {@link #toString()} nor any log line shows key
 * material.
 */
public final class ServiceKeys {
  private static final Logger log = LoggerFactory.getLogger(ServiceKeys.class);

  /** File name of the log's key under {@code <home>/keys/}. */
  public static final String LOG_KEY_FILE = "log-key.pem";

  /** File name of the registrar's key under {@code <home>/keys/}. */
  public static final String REGISTRAR_KEY_FILE = "registrar-key.pem";

  /** File name of the log's verifier key under {@code <home>}. */
  public static final String VERIFIER_KEY_FILE = "log.vkey";

  private final String origin;
  private final NoteSigner logSigner;
  private final Path logKeyFile;
  private final Ed25519PrivateKey registrarKey;
  private final Path registrarKeyFile;

  private ServiceKeys(
      String origin,
      NoteSigner logSigner,
      Path logKeyFile,
      Ed25519PrivateKey registrarKey,
      Path registrarKeyFile) {
    this.origin = origin;
    this.logSigner = logSigner;
    this.logKeyFile = logKeyFile;
    this.registrarKey = registrarKey;
    this.registrarKeyFile = registrarKeyFile;
  }

  /**
   * Reads, or on first start creates, both keys.
   *
   * @param origin the log's origin, which is also its key's name
   * @param home the data directory
   * @param logKey the configured path of the log's key, or null for {@code <home>/keys/}
   * @param registrarKey the configured path of the registrar's key, or null for {@code
   *     <home>/keys/}
   * @throws IOException if a configured file is missing or a key cannot be read or written
   * @throws IllegalArgumentException if {@code origin} cannot name a note key (spaces, '+')
   */
  public static ServiceKeys load(String origin, Path home, Path logKey, Path registrarKey)
      throws IOException {
    Objects.requireNonNull(origin, "origin");
    Path keys = home.resolve("keys");
    Path logFile = logKey != null ? logKey : keys.resolve(LOG_KEY_FILE);
    Path registrarFile = registrarKey != null ? registrarKey : keys.resolve(REGISTRAR_KEY_FILE);
    Ed25519PrivateKey logPrivate = readOrCreate(logFile, logKey != null, "saksi.keys.log");
    Ed25519PrivateKey registrarPrivate =
        readOrCreate(registrarFile, registrarKey != null, "saksi.keys.registrar");
    NoteSigner signer;
    try {
      signer = NoteSigner.of(origin, logPrivate);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "saksi.log.origin \"" + origin + "\" cannot name the log's key: " + e.getMessage(), e);
    }
    return new ServiceKeys(origin, signer, logFile, registrarPrivate, registrarFile);
  }

  private static Ed25519PrivateKey readOrCreate(Path file, boolean configured, String property)
      throws IOException {
    if (configured) {
      if (!Files.isRegularFile(file)) {
        throw new IOException(
            property + " is " + file + ", which is not a file; give the path of a PKCS#8 PEM key");
      }
      return read(file);
    }
    if (Files.exists(file)) {
      return read(file);
    }
    createPrivateDirectory(file.toAbsolutePath().getParent());
    Ed25519PrivateKey created = Ed25519PrivateKey.generate(new SecureRandom());
    try {
      created.writePemFile(file);
      log.atInfo().addKeyValue("file", file).log("Created a new private key in {}", file);
      return created;
    } catch (FileAlreadyExistsException e) {
      // Another instance on this data directory created it first: use that one.
      return read(file);
    }
  }

  private static Ed25519PrivateKey read(Path file) throws IOException {
    warnIfReadableByOthers(file);
    try {
      return Ed25519PrivateKey.readPemFile(file);
    } catch (KeyFormatException e) {
      throw new IOException(file + " is not an Ed25519 PKCS#8 PEM key: " + e.getMessage(), e);
    }
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir);
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static void warnIfReadableByOthers(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> p = view.readAttributes().permissions();
    if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
      log.atWarn()
          .addKeyValue("file", file)
          .log("Private key file {} is readable by other users; chmod 600 it", file);
    }
  }

  /**
   * Writes the log's verifier key, one line in the signed-note form, to {@code <home>/log.vkey},
   * replacing it atomically; it is public.
   *
   * @return the file written
   */
  public Path writeVerifierKey(Path home) throws IOException {
    Files.createDirectories(home);
    Path target = home.resolve(VERIFIER_KEY_FILE);
    Path temp = Files.createTempFile(home, "." + VERIFIER_KEY_FILE + ".", ".tmp");
    try {
      Files.writeString(temp, logSigner.verifierKey().encode() + "\n", StandardCharsets.UTF_8);
      // If the process dies before the move, the old file (or none) stays and the next start
      // writes it again; after it, readers see the whole new file, never half of it.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** The log's origin. */
  public String origin() {
    return origin;
  }

  /** The log's signer (named after the origin). */
  public NoteSigner logSigner() {
    return logSigner;
  }

  /** The log's public verifier key. */
  public NoteVerifierKey logVerifierKey() {
    return logSigner.verifierKey();
  }

  /** Where the log's key is. */
  public Path logKeyFile() {
    return logKeyFile;
  }

  /** The registrar's key. */
  public Ed25519PrivateKey registrarKey() {
    return registrarKey;
  }

  /** Where the registrar's key is. */
  public Path registrarKeyFile() {
    return registrarKeyFile;
  }

  /** The log's signed receipt for {@code entry}, as signed-note text. */
  public String receipt(AppendedEntry entry) {
    Receipt receipt =
        new Receipt(origin, entry.index(), entry.leafHash(), entry.prev(), entry.recordedAt());
    return new String(Receipts.sign(receipt, logSigner), StandardCharsets.UTF_8);
  }

  /** Names the files, never the keys. */
  @Override
  public String toString() {
    return "ServiceKeys(log " + logKeyFile + ", registrar " + registrarKeyFile + ")";
  }
}
