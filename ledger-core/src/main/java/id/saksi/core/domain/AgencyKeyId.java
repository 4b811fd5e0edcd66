package id.saksi.core.domain;

import id.saksi.core.ParseException;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;

/**
 * The identity of an agency's signing key, as a statement's {@code key} field names it: lower-case
 * hex SHA-256 of the raw 32-byte Ed25519 public key (64 digits).
 *
 * <p>A full SHA-256 rather than a short tag: key ids are looked up, never typed, and a full hash
 * cannot collide between two agencies' keys. It is unrelated to the 4-byte key id of C2SP signed
 * notes, which identifies the log's own key in checkpoints.
 */
public final class AgencyKeyId implements Comparable<AgencyKeyId> {
  private final Hash hash;

  private AgencyKeyId(Hash hash) {
    this.hash = hash;
  }

  /** The id of {@code key}. */
  public static AgencyKeyId of(PublicKeyBytes key) {
    return new AgencyKeyId(Hashing.sha256(key.bytes()));
  }

  /** Parses 64 lower-case hex digits. */
  public static AgencyKeyId parse(String text) throws ParseException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'F') {
        throw new ParseException("a key id is lower-case hex; got '" + c + "'");
      }
    }
    return new AgencyKeyId(Hash.fromHex(text));
  }

  /** The 64 hex digits. */
  public String hex() {
    return hash.hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgencyKeyId && hash.equals(((AgencyKeyId) o).hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public int compareTo(AgencyKeyId other) {
    return hash.compareTo(other.hash);
  }

  @Override
  public String toString() {
    return hash.hex();
  }
}
