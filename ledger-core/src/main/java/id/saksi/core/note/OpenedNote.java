package id.saksi.core.note;

import java.util.List;

/**
 * A note whose text is signed by at least one trusted key: the result of {@link SignedNotes#open}.
 *
 * <p>{@link #verified()} lists the signatures by trusted keys, each checked; {@link #unverified()}
 * lists the others (witness cosignatures, rotated keys), which were ignored as the spec requires.
 */
public final class OpenedNote {
  private final String text;
  private final List<NoteSignature> verified;
  private final List<NoteSignature> unverified;

  OpenedNote(String text, List<NoteSignature> verified, List<NoteSignature> unverified) {
    this.text = text;
    this.verified = List.copyOf(verified);
    this.unverified = List.copyOf(unverified);
  }

  /** The text, final newline included, signed by every key in {@link #verified()}. */
  public String text() {
    return text;
  }

  /** Signatures by trusted keys, each verified, in note order; one per key. */
  public List<NoteSignature> verified() {
    return verified;
  }

  /** Signatures by keys not trusted, not checked, in note order; exact duplicates dropped. */
  public List<NoteSignature> unverified() {
    return unverified;
  }
}
