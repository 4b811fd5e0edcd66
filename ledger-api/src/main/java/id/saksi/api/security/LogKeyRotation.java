package id.saksi.api.security;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the log over to a new key (SECURITY.md, rotation of the log's key): a new Ed25519 key is
 * created beside the current one; in one transaction, with appends blocked by the ledger head's
 * lock, the checkpoint of the whole committed ledger is signed by both keys and stored (replacing
 * the one-signature note of that size: the same tree, the same checkpoint), the hand-over is
 * recorded in {@code log_key_rotation}, and the ledger's recorded key becomes the new one; then the
 * key files change places and the new {@code log.vkey} and the transition note are written under
 * the data directory for publication.
 *
 * <p>Run with every instance of the ledger stopped: an instance still running with the old key
 * would sign checkpoints the ledger no longer records as its own. If the process dies after the
 * commit and before the files are renamed, the next start refuses the old key with a message naming
 * the new one; rename {@code log-key.next.pem} over the configured log key to finish.
 */
public final class LogKeyRotation {
  /** The file the new key is created in, beside the current key, before it replaces it. */
  static final String NEXT = "log-key.next.pem";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ServiceKeys keys;

  /** A rotation of {@code keys}' log key on the ledger in {@code jdbc}'s database. */
  public LogKeyRotation(JdbcTemplate jdbc, TransactionTemplate transactions, ServiceKeys keys) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.keys = keys;
  }

  /**
   * What a rotation did.
   *
   * @param checkpoint the transition checkpoint
   * @param note its signed note, by the old key and then the new
   * @param oldKey the verifier key retired
   * @param newKey the verifier key in force from now on
   * @param noteFile where the note was written, for publication
   * @param retiredKeyFile where the old private key now is
   */
  public record Result(
      Checkpoint checkpoint,
      byte[] note,
      NoteVerifierKey oldKey,
      NoteVerifierKey newKey,
      Path noteFile,
      Path retiredKeyFile) {}

  /**
   * Rotates.
   *
   * @param home the data directory, where {@code log.vkey} and the transition note are written
   * @throws IllegalStateException if the ledger is empty, or its recorded key is not this
   *     instance's
   */
  public Result rotate(Path home) throws IOException {
    Path current = keys.logKeyFile().toAbsolutePath();
    Path next = current.resolveSibling(NEXT);
    Ed25519PrivateKey fresh;
    if (Files.exists(next)) {
      // Left by a rotation that did not reach its commit: reuse it rather than make another.
      fresh = readKey(next);
    } else {
      fresh = Ed25519PrivateKey.generate(new SecureRandom());
      // Durable before the database names it: the key outlives any crash from here on.
      fresh.writePemFile(next);
    }
    NoteSigner oldSigner = keys.logSigner();
    NoteSigner newSigner = NoteSigner.of(keys.origin(), fresh);
    NoteVerifierKey oldKey = oldSigner.verifierKey();
    NoteVerifierKey newKey = newSigner.verifierKey();

    Object[] done =
        transactions.execute(
            status -> {
              List<Object[]> head =
                  jdbc.query(
                      "SELECT size, root_hash FROM ledger_head WHERE id = 0 FOR UPDATE",
                      (r, n) -> new Object[] {r.getLong(1), r.getBytes(2)});
              long size = (Long) head.get(0)[0];
              if (size == 0) {
                throw new IllegalStateException(
                    "the ledger is empty: configure saksi.keys.log before the first start instead");
              }
              String recorded =
                  jdbc.queryForObject(
                      "SELECT log_vkey FROM ledger_meta WHERE id = 0", String.class);
              if (!oldKey.encode().equals(recorded)) {
                throw new IllegalStateException(
                    "the ledger's log key is "
                        + recorded
                        + ", not this instance's "
                        + oldKey.encode()
                        + "; configure saksi.keys.log as the ledger's instances do");
              }
              Checkpoint c = new Checkpoint(keys.origin(), size, Hash.of((byte[]) head.get(0)[1]));
              byte[] note = Checkpoints.sign(c, oldSigner, newSigner);
              List<byte[]> stored =
                  jdbc.query(
                      "SELECT root_hash FROM checkpoint WHERE size = ?",
                      (r, n) -> r.getBytes(1),
                      size);
              if (stored.isEmpty()) {
                jdbc.update(
                    "INSERT INTO checkpoint (size, root_hash, note) VALUES (?, ?, ?)",
                    size,
                    c.rootHash().bytes(),
                    note);
              } else {
                if (!Hash.of(stored.get(0)).equals(c.rootHash())) {
                  throw new IllegalStateException(
                      "the stored checkpoint of size "
                          + size
                          + " has another root than the tree: run verify-db before rotating");
                }
                // The same checkpoint with one more signature: consistent with everything
                // published, and now verifiable with either key.
                jdbc.update("UPDATE checkpoint SET note = ? WHERE size = ?", note, size);
              }
              jdbc.update(
                  "INSERT INTO log_key_rotation (size, old_vkey, new_vkey, note)"
                      + " VALUES (?, ?, ?, ?)",
                  size,
                  oldKey.encode(),
                  newKey.encode(),
                  note);
              jdbc.update("UPDATE ledger_meta SET log_vkey = ? WHERE id = 0", newKey.encode());
              return new Object[] {c, note};
            });
    // Commit point. From here the ledger's key is the new one; an instance with the old key
    // refuses to start until the files below are in place.
    Checkpoint checkpoint = (Checkpoint) done[0];
    byte[] note = (byte[]) done[1];
    Path retired = current.resolveSibling(current.getFileName() + ".retired-" + checkpoint.size());
    Files.move(current, retired, StandardCopyOption.ATOMIC_MOVE);
    Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
    Path noteFile = home.resolve("log-transition-" + checkpoint.size() + ".note");
    writeAtomically(home, noteFile, note);
    writeAtomically(
        home,
        home.resolve(ServiceKeys.VERIFIER_KEY_FILE + ".before-" + checkpoint.size()),
        (oldKey.encode() + "\n").getBytes(StandardCharsets.UTF_8));
    writeAtomically(
        home,
        home.resolve(ServiceKeys.VERIFIER_KEY_FILE),
        (newKey.encode() + "\n").getBytes(StandardCharsets.UTF_8));
    return new Result(checkpoint, note, oldKey, newKey, noteFile, retired);
  }

  private static Ed25519PrivateKey readKey(Path file) throws IOException {
    try {
      return Ed25519PrivateKey.readPemFile(file);
    } catch (id.saksi.core.crypto.KeyFormatException e) {
      throw new IOException(file + " is not an Ed25519 PKCS#8 PEM key: " + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
