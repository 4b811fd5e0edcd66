package id.saksi.api.read;

/** A checkpoint as stored and published: its tree size and its signed note, byte for byte. */
public final class StoredCheckpoint {
  private final long size;
  private final byte[] note;

  /** A checkpoint of {@code size} entries with its signed note (copied). */
  public StoredCheckpoint(long size, byte[] note) {
    this.size = size;
    this.note = note.clone();
  }

  /** The tree size the checkpoint commits to. */
  public long size() {
    return size;
  }

  /** A copy of the signed note (c2sp.org/tlog-checkpoint), UTF-8. */
  public byte[] note() {
    return note.clone();
  }
}
