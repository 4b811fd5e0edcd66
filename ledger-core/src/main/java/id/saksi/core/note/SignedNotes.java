package id.saksi.core.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs and opens notes per c2sp.org/signed-note, byte for byte as golang.org/x/mod/sumdb/note does
 * for Ed25519 keys.
 *
 * <p>A signed note is the text (ending in a newline), a blank line, and one line per signature:
 * {@code — <key name> <base64(4-byte key id || 64-byte Ed25519 signature over the text)>}.
 */
public final class SignedNotes {
  /**
   * Most signature lines a note may have. The spec asks for at least 16; Go's implementation stops
   * at 100, and so do we, so that a note cannot make a verifier spend unbounded work.
   */
  public static final int MAX_SIGNATURES = 100;

  /**
   * Largest note in bytes, 1 MiB: a checkpoint is under 300 bytes, and 100 signatures of the
   * largest post-quantum kind (about 5 KB each) still fit.
   */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  private SignedNotes() {}

  /**
   * Signs {@code text} with each signer, in order, and returns the signed note's bytes.
   *
   * <p>Ed25519 is deterministic, so the same text and keys always give the same bytes, identical to
   * golang.org/x/mod/sumdb/note's {@code Sign}.
   *
   * @throws IllegalArgumentException if {@code text} is not a valid note text (empty, no final
   *     newline, a control character, a lone surrogate), if there are no signers or more than
   *     {@link #MAX_SIGNATURES}, if two signers share name and key id, or if the note would exceed
   *     {@link #MAX_NOTE_BYTES}: the caller composed the text, so these are its bugs
   */
  public static byte[] sign(String text, List<NoteSigner> signers) {
    return signNote(text, signers).encode();
  }

  /** As {@link #sign(String, List)}, with signers as arguments. */
  public static byte[] sign(String text, NoteSigner... signers) {
    return sign(text, List.of(signers));
  }

  /** As {@link #sign(String, List)}, returning the note unencoded. */
  public static SignedNote signNote(String text, List<NoteSigner> signers) {
    String problem = SignedNote.textProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    byte[] textBytes = NoteTexts.encodeUtf8(text);
    if (textBytes == null) {
      throw new IllegalArgumentException("note text is not valid Unicode (lone surrogate)");
    }
    if (signers.isEmpty() || signers.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException(
          "a note needs 1 to " + MAX_SIGNATURES + " signers, got " + signers.size());
    }
    Set<String> seen = new HashSet<>();
    List<NoteSignature> signatures = new ArrayList<>(signers.size());
    for (NoteSigner signer : signers) {
      String ref = signer.verifierKey().keyRef();
      if (!seen.add(ref)) {
        throw new IllegalArgumentException("two signers are the same key " + ref);
      }
      signatures.add(signer.sign(textBytes));
    }
    SignedNote note = SignedNote.of(text, textBytes, signatures);
    byte[] encoded = note.encode();
    if (encoded.length > MAX_NOTE_BYTES) {
      throw new IllegalArgumentException(
          "signed note would be " + encoded.length + " bytes, more than " + MAX_NOTE_BYTES);
    }
    return note;
  }

  /**
   * Reads a signed note and checks it against the trusted keys.
   *
   * <p>A signature line by an unknown key (name and key id not both those of a trusted key) is
   * ignored, as the spec requires, even if it shares the name or the id. Every signature line by a
   * trusted key must verify, or the whole note is rejected. At least one must exist.
   *
   * @param trusted the keys to check signatures against; a key listed twice counts once
   * @throws NoteFormatException if the note is malformed or over the limits
   * @throws InvalidNoteSignatureException if a signature by a trusted key does not verify
   * @throws UnverifiedNoteException if no signature is by a trusted key
   * @throws IllegalArgumentException if two different trusted keys share a name and key id, which
   *     would make the choice of key ambiguous
   */
  public static OpenedNote open(byte[] note, Collection<NoteVerifierKey> trusted)
      throws NoteFormatException, InvalidNoteSignatureException, UnverifiedNoteException {
    Map<String, NoteVerifierKey> byRef = new HashMap<>();
    for (NoteVerifierKey key : trusted) {
      NoteVerifierKey previous = byRef.putIfAbsent(key.keyRef(), key);
      if (previous != null && !previous.equals(key)) {
        throw new IllegalArgumentException(
            "ambiguous trusted keys: two different keys are named " + key.keyRef());
      }
    }
    SignedNote parsed = SignedNote.parse(note);
    byte[] text = parsed.internalTextBytes();
    List<NoteSignature> verified = new ArrayList<>();
    Set<String> verifiedRefs = new HashSet<>();
    Set<NoteSignature> unverified = new LinkedHashSet<>();
    Set<NoteSignature> checked = new HashSet<>();
    for (NoteSignature signature : parsed.signatures()) {
      NoteVerifierKey key = byRef.get(signature.keyRef());
      if (key == null) {
        unverified.add(signature);
        continue;
      }
      // Unlike Go, which checks only the first line per key, every line by a trusted key is
      // checked: a bad one means someone altered the note, whatever the other lines say. A line
      // identical to one already checked is not checked again: each check hashes the whole text,
      // and 100 copies of one valid line would cost 100 times what the note is worth.
      if (!checked.add(signature)) {
        continue;
      }
      key.verify(text, signature);
      if (verifiedRefs.add(signature.keyRef())) {
        verified.add(signature);
      }
    }
    if (verified.isEmpty()) {
      List<String> signedBy = new ArrayList<>();
      for (NoteSignature s : unverified) {
        if (!signedBy.contains(s.keyRef())) {
          signedBy.add(s.keyRef());
        }
      }
      List<String> trustedRefs = new ArrayList<>(byRef.keySet());
      trustedRefs.sort(null);
      throw new UnverifiedNoteException(signedBy, trustedRefs);
    }
    return new OpenedNote(parsed.text(), verified, new ArrayList<>(unverified));
  }

  /** As {@link #open(byte[], Collection)}, with trusted keys as arguments. */
  public static OpenedNote open(byte[] note, NoteVerifierKey... trusted)
      throws NoteFormatException, InvalidNoteSignatureException, UnverifiedNoteException {
    return open(note, List.of(trusted));
  }
}
