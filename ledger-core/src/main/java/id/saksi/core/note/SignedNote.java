package id.saksi.core.note;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A signed note as read, before any signature is checked: the text and its signature lines
 * (c2sp.org/signed-note).
 *
 * <p>Its text must not be trusted; {@link SignedNotes#open} is the way to a text that is. Parsing
 * is strict and bounded: at most {@link SignedNotes#MAX_NOTE_BYTES} bytes and {@link
 * SignedNotes#MAX_SIGNATURES} signature lines.
 */
public final class SignedNote {
  private static final byte[] PREFIX_BYTES = NoteSignature.PREFIX.getBytes(UTF_8);

  private final String text;
  private final byte[] textBytes;
  private final List<NoteSignature> signatures;

  private SignedNote(String text, byte[] textBytes, List<NoteSignature> signatures) {
    this.text = text;
    this.textBytes = textBytes;
    this.signatures = signatures;
  }

  /** A note from a text already checked by {@link #textProblem} and its signatures. */
  static SignedNote of(String text, byte[] textBytes, List<NoteSignature> signatures) {
    return new SignedNote(text, textBytes, List.copyOf(signatures));
  }

  /**
   * Reads a signed note: UTF-8 with no control character but newline; a text ending in a newline; a
   * blank line (the last one in the note); then one or more lines {@code — <name> <base64(key id ||
   * signature)>}, each ending in a newline.
   */
  public static SignedNote parse(byte[] note) throws NoteFormatException {
    if (note.length > SignedNotes.MAX_NOTE_BYTES) {
      throw new NoteFormatException(
          "note is "
              + note.length
              + " bytes, more than the limit of "
              + SignedNotes.MAX_NOTE_BYTES);
    }
    int[] bad = new int[1];
    String all = NoteTexts.decodeUtf8(note, note.length, bad);
    if (all == null) {
      throw new NoteFormatException("note is not valid UTF-8 at byte offset " + bad[0]);
    }
    int line = 1;
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20) {
        throw new NoteFormatException(
            "note has control character " + NoteTexts.codePoint(c) + " on line " + line);
      }
    }
    // The text ends at the last blank line: it may itself contain blank lines, and any
    // signature-looking line before that point is text, covered by the signatures after it.
    int split = lastBlankLine(note);
    if (split < 0) {
      throw new NoteFormatException("note has no blank line between its text and its signatures");
    }
    byte[] textBytes = Arrays.copyOf(note, split + 1);
    int sigStart = split + 2;
    if (sigStart == note.length) {
      throw new NoteFormatException("note has no signature lines after its last blank line");
    }
    if (note[note.length - 1] != '\n') {
      throw new NoteFormatException("note's last signature line does not end with a newline");
    }
    int count = 0;
    for (int i = sigStart; i < note.length; i++) {
      if (note[i] == '\n') {
        count++;
      }
    }
    if (count > SignedNotes.MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has "
              + count
              + " signature lines, more than the limit of "
              + SignedNotes.MAX_SIGNATURES);
    }
    List<NoteSignature> signatures = new ArrayList<>(count);
    int start = sigStart;
    for (int n = 1; n <= count; n++) {
      int end = indexOf(note, (byte) '\n', start);
      signatures.add(parseLine(note, start, end, n));
      start = end + 1;
    }
    String text = new String(textBytes, UTF_8);
    return new SignedNote(text, textBytes, List.copyOf(signatures));
  }

  private static NoteSignature parseLine(byte[] note, int start, int end, int n)
      throws NoteFormatException {
    String where = "signature line " + n;
    if (end - start < PREFIX_BYTES.length
        || !Arrays.equals(
            note, start, start + PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length)) {
      throw new NoteFormatException(
          where
              + " does not start with an em dash (U+2014) and a space: "
              + NoteTexts.quote(new String(note, start, end - start, UTF_8)));
    }
    String rest =
        new String(note, start + PREFIX_BYTES.length, end - start - PREFIX_BYTES.length, UTF_8);
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteFormatException(where + " has no space between the key name and the signature");
    }
    String name = rest.substring(0, space);
    String problem = NoteTexts.keyNameProblem(name);
    if (problem != null) {
      throw new NoteFormatException(where + ": " + problem);
    }
    String base64 = rest.substring(space + 1);
    byte[] payload = NoteTexts.decodeBase64(base64);
    if (payload == null) {
      throw new NoteFormatException(
          where + ": signature is not canonical, padded base64: " + NoteTexts.quote(base64));
    }
    if (payload.length < 5) {
      throw new NoteFormatException(
          where
              + ": signature is "
              + payload.length
              + " bytes, expected a 4-byte key id and at least one byte of signature");
    }
    return NoteSignature.wrap(
        name, KeyId.read(payload, 0), Arrays.copyOfRange(payload, 4, payload.length));
  }

  /** Index of the first newline of the last "\n\n" in {@code note}, or -1. */
  private static int lastBlankLine(byte[] note) {
    for (int i = note.length - 2; i >= 0; i--) {
      if (note[i] == '\n' && note[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why {@code text} cannot be a note text, or null if it can: it must be non-empty, end with a
   * newline, have no control character but newline and be valid Unicode.
   */
  static String textProblem(String text) {
    if (text.isEmpty()) {
      return "note text is empty";
    }
    if (text.charAt(text.length() - 1) != '\n') {
      return "note text does not end with a newline";
    }
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20) {
        return "note text has control character " + NoteTexts.codePoint(c) + " on line " + line;
      }
    }
    return null;
  }

  /** The text, final newline included, not yet verified. */
  public String text() {
    return text;
  }

  /** A copy of the text's UTF-8 bytes: what the signatures sign. */
  public byte[] textBytes() {
    return textBytes.clone();
  }

  byte[] internalTextBytes() {
    return textBytes;
  }

  /** The signature lines in order, unverified. */
  public List<NoteSignature> signatures() {
    return signatures;
  }

  /** The note's bytes: text, blank line, signature lines. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(textBytes.length + 128);
    out.writeBytes(textBytes);
    out.write('\n');
    for (NoteSignature s : signatures) {
      out.writeBytes(s.line().getBytes(UTF_8));
      out.write('\n');
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return new String(encode(), UTF_8);
  }
}
