package id.saksi.core.note;

import java.util.List;

/**
 * Signs and opens checkpoints: a {@link Checkpoint}'s text as a signed note
 * (c2sp.org/tlog-checkpoint over c2sp.org/signed-note).
 */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * The signed note of {@code checkpoint}, signed by the log's key and any others (in order).
   *
   * <p>The spec recommends that the log's key name be the origin; this is not enforced, because
   * some logs (sum.golang.org) use another.
   */
  public static byte[] sign(Checkpoint checkpoint, NoteSigner logKey, NoteSigner... others) {
    NoteSigner[] all = new NoteSigner[1 + others.length];
    all[0] = logKey;
    System.arraycopy(others, 0, all, 1, others.length);
    return SignedNotes.sign(checkpoint.format(), List.of(all));
  }

  /**
   * Opens a signed checkpoint: the log's signature must verify, then the text must be a checkpoint
   * for {@code origin}.
   *
   * <p>Other signature lines (witness cosignatures, keys the caller does not know) are ignored. The
   * signature is checked before the text is read, because an unsigned text must not be interpreted
   * at all.
   *
   * @throws NoteFormatException if the note is malformed
   * @throws CheckpointFormatException if the signed text is not a checkpoint
   * @throws InvalidNoteSignatureException if the log's signature does not verify
   * @throws UnverifiedNoteException if the log did not sign it
   * @throws CheckpointOriginException if it is the checkpoint of another log
   */
  public static Checkpoint open(byte[] signedNote, NoteVerifierKey logKey, String origin)
      throws NoteFormatException,
          CheckpointFormatException,
          InvalidNoteSignatureException,
          UnverifiedNoteException,
          CheckpointOriginException {
    OpenedNote note = SignedNotes.open(signedNote, List.of(logKey));
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    if (!checkpoint.origin().equals(origin)) {
      throw new CheckpointOriginException(origin, checkpoint.origin());
    }
    return checkpoint;
  }
}
