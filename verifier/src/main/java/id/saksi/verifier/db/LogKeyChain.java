package id.saksi.verifier.db;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.ReceiptFiles;
import id.saksi.core.verify.UnusableInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The log's keys over its history, trusting only the key the user gives (SECURITY.md, rotation of
 * the log's key): which key signs the checkpoints of which tree sizes, derived from the ledger's
 * recorded rotations ({@code log_key_rotation}), each of which the verifier checks rather than
 * believes.
 *
 * <p>A rotation at tree size N hands the log over from an old key to a new one with a transition
 * checkpoint of size N signed by both. Trust runs backwards: when the new key is trusted, its
 * signature on the transition vouches for the old key's checkpoints up to size N (and everything
 * they sign is in the tree the trusted key signs, which the verification recomputes). It runs
 * forwards, from a trusted old key to the new one, only through a transition note the user gives
 * (as the operator published it): a note in the database with the old key's signature and another
 * proves nothing about the other key, since whoever holds any key can add its signature to a note
 * the old key signed. A key no accepted transition vouches for signs nothing the verifier accepts.
 */
public final class LogKeyChain {
  /**
   * One recorded rotation, as the database holds it: nothing in it is trusted yet.
   *
   * @param size the tree size of the transition checkpoint
   * @param oldKey the retired verifier key's text
   * @param newKey the new verifier key's text
   * @param note the transition checkpoint's signed note
   */
  public record Rotation(long size, String oldKey, String newKey, byte[] note) {
    public Rotation {
      note = note.clone();
    }

    @Override
    public byte[] note() {
      return note.clone();
    }
  }

  /**
   * A key and the tree sizes whose checkpoints it signs, both bounds included (a transition
   * checkpoint is signed by the keys on either side of it).
   *
   * @param why how the key came to be trusted, in words
   */
  record Epoch(NoteVerifierKey key, long from, long to, String why) {
    boolean covers(long size) {
      return size >= from && size <= to;
    }
  }

  private final NoteVerifierKey given;
  private final List<Epoch> epochs;
  private final List<Checkpoint> transitions;
  private final List<String> notes;
  // The rotations through which trust passed forwards, from the key given to a newer key, oldest
  // first: their transition checkpoints are what a newer key's history must extend.
  private final List<Rotation> forwards;

  private LogKeyChain(
      NoteVerifierKey given,
      List<Epoch> epochs,
      List<Checkpoint> transitions,
      List<String> notes,
      List<Rotation> forwards) {
    this.given = given;
    this.epochs = List.copyOf(epochs);
    this.transitions = List.copyOf(transitions);
    this.notes = List.copyOf(notes);
    this.forwards = List.copyOf(forwards);
  }

  /** The chain of a log never rotated: {@code key} signs every checkpoint. */
  public static LogKeyChain single(NoteVerifierKey key) {
    return new LogKeyChain(
        key,
        List.of(new Epoch(key, 0, Long.MAX_VALUE, "the key given")),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * The chain from the given key through the recorded rotations; each rotation that does not check
   * out is a failure added to {@code findings}, and the keys only it would vouch for stay
   * untrusted.
   *
   * @param published transition notes the user gives, which carry trust forward from an old key
   */
  public static LogKeyChain build(
      NoteVerifierKey given,
      String origin,
      List<Rotation> recorded,
      Collection<byte[]> published,
      Consumer<Failure> findings) {
    if (recorded.isEmpty()) {
      return single(given);
    }
    List<Rotation> sorted = new ArrayList<>(recorded);
    sorted.sort(Comparator.comparingLong(Rotation::size));
    // Each rotation checked on its own: both keys parse and both sign the same checkpoint.
    List<NoteVerifierKey> olds = new ArrayList<>();
    List<NoteVerifierKey> news = new ArrayList<>();
    List<Checkpoint> checkpoints = new ArrayList<>();
    int n = sorted.size();
    boolean[] valid = new boolean[n];
    for (int i = 0; i < n; i++) {
      Rotation r = sorted.get(i);
      NoteVerifierKey oldKey = parseKey(r.oldKey());
      NoteVerifierKey newKey = parseKey(r.newKey());
      olds.add(oldKey);
      news.add(newKey);
      checkpoints.add(null);
      if (oldKey == null || newKey == null) {
        findings.accept(
            Failure.global(
                Check.CHECKPOINT,
                "the log key rotation recorded at tree size "
                    + r.size()
                    + " names a key that is not a verifier key",
                "name+id+key",
                oldKey == null ? r.oldKey() : r.newKey()));
        continue;
      }
      Checkpoint byOld;
      Checkpoint byNew;
      try {
        byOld = Checkpoints.open(r.note(), oldKey, origin);
      } catch (ParseException | VerificationException e) {
        findings.accept(
            rotationFailure(r, "is not signed by the retired key " + oldKey.keyRef(), e));
        continue;
      }
      try {
        byNew = Checkpoints.open(r.note(), newKey, origin);
      } catch (ParseException | VerificationException e) {
        findings.accept(rotationFailure(r, "is not signed by the new key " + newKey.keyRef(), e));
        continue;
      }
      if (!byOld.equals(byNew) || byOld.size() != r.size()) {
        findings.accept(
            Failure.global(
                Check.CHECKPOINT,
                "the transition checkpoint of the log key rotation recorded at tree size "
                    + r.size()
                    + " signs another tree size",
                r.size(),
                byOld.size()));
        continue;
      }
      if (i > 0 && news.get(i - 1) != null && !news.get(i - 1).equals(oldKey)) {
        findings.accept(
            Failure.global(
                Check.CHECKPOINT,
                "the log key rotation recorded at tree size "
                    + r.size()
                    + " hands over from another key than the one the rotation before it"
                    + " (tree size "
                    + sorted.get(i - 1).size()
                    + ") handed over to",
                news.get(i - 1).keyRef(),
                oldKey.keyRef()));
        continue;
      }
      checkpoints.set(i, byOld);
      valid[i] = true;
    }

    // Where the given key stands: the key after the last rotation, or a key some rotation
    // retired. The epochs are the key runs between rotations: epoch k is signed by the key
    // before rotation k (k < n), or the key after the last (k == n).
    List<NoteVerifierKey> keys = new ArrayList<>();
    for (int k = 0; k <= n; k++) {
      keys.add(k < n ? olds.get(k) : news.get(n - 1));
    }
    int at = -1;
    for (int k = n; k >= 0; k--) {
      if (given.equals(keys.get(k))) {
        at = k;
        break;
      }
    }
    List<Epoch> epochs = new ArrayList<>();
    List<Checkpoint> trustedTransitions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (at < 0) {
      // Not a key of this log's recorded history: the given key alone, which then signs nothing
      // stored, or the recorded rotations are forged; the checkpoints say which.
      epochs.add(new Epoch(given, 0, Long.MAX_VALUE, "the key given"));
      notes.add(
          "the log key given is none of the keys the ledger's "
              + n
              + " recorded log key rotations name; only it is trusted");
      return new LogKeyChain(given, epochs, List.of(), notes, List.of());
    }
    epochs.add(new Epoch(given, from(sorted, at), to(sorted, at, n), "the key given"));
    // Backwards: rotation k (0-based) vouches for the key before it when the key after it is
    // trusted, as long as every rotation in between checked out.
    for (int k = at - 1; k >= 0 && valid[k]; k--) {
      NoteVerifierKey old = keys.get(k);
      epochs.add(
          new Epoch(
              old,
              from(sorted, k),
              to(sorted, k, n),
              "vouched for by the transition checkpoint of tree size "
                  + sorted.get(k).size()
                  + ", signed by it and by "
                  + keys.get(k + 1).keyRef()));
      trustedTransitions.add(checkpoints.get(k));
      notes.add(
          "the log key was rotated at tree size "
              + sorted.get(k).size()
              + ": checkpoints up to it are signed by the retired key "
              + old.keyRef()
              + ", which the transition checkpoint signed by both keys vouches for");
    }
    // Forwards: only through a transition note the user gives.
    List<Rotation> forwards = new ArrayList<>();
    for (int k = at; k < n && valid[k]; k++) {
      Rotation r = sorted.get(k);
      NoteVerifierKey next = keys.get(k + 1);
      if (!publishedVouches(published, keys.get(k), next, checkpoints.get(k), origin)) {
        notes.add(
            "the log key was rotated at tree size "
                + r.size()
                + " to "
                + next.keyRef()
                + "; that key is not trusted, because no transition note given with"
                + " --transition is signed by both");
        break;
      }
      epochs.add(
          new Epoch(
              next,
              from(sorted, k + 1),
              to(sorted, k + 1, n),
              "vouched for by the transition note of tree size " + r.size() + " given"));
      trustedTransitions.add(checkpoints.get(k));
      forwards.add(r);
      notes.add(
          "the log key was rotated at tree size "
              + r.size()
              + ": checkpoints from it on are signed by the new key "
              + next.keyRef()
              + ", which the transition note given, signed by both keys, vouches for");
    }
    epochs.sort(Comparator.comparingLong(Epoch::from));
    trustedTransitions.sort(Comparator.comparingLong(Checkpoint::size));
    return new LogKeyChain(given, epochs, trustedTransitions, notes, forwards);
  }

  private static long from(List<Rotation> sorted, int k) {
    return k == 0 ? 0 : sorted.get(k - 1).size();
  }

  private static long to(List<Rotation> sorted, int k, int n) {
    return k == n ? Long.MAX_VALUE : sorted.get(k).size();
  }

  private static boolean publishedVouches(
      Collection<byte[]> published,
      NoteVerifierKey oldKey,
      NoteVerifierKey newKey,
      Checkpoint transition,
      String origin) {
    for (byte[] note : published) {
      try {
        Checkpoint byOld = Checkpoints.open(note, oldKey, origin);
        Checkpoint byNew = Checkpoints.open(note, newKey, origin);
        if (byOld.equals(transition) && byNew.equals(transition)) {
          return true;
        }
      } catch (ParseException | VerificationException e) {
        // Another rotation's note, or not one at all: the next.
      }
    }
    return false;
  }

  private static Failure rotationFailure(Rotation r, String what, Exception e) {
    return Failure.global(
        Check.CHECKPOINT,
        "the transition checkpoint of the log key rotation recorded at tree size "
            + r.size()
            + " "
            + what
            + ": "
            + e.getMessage()
            + " (a forged rotation, or the row changed in SQL)");
  }

  private static NoteVerifierKey parseKey(String text) {
    try {
      return NoteVerifierKey.parse(text == null ? "" : text.strip());
    } catch (NoteKeyFormatException e) {
      return null;
    }
  }

  /** The key the user gave. */
  public NoteVerifierKey given() {
    return given;
  }

  /** The trusted keys whose run of tree sizes includes {@code size}, newest first. */
  public List<NoteVerifierKey> keysAt(long size) {
    List<NoteVerifierKey> out = new ArrayList<>();
    for (int i = epochs.size() - 1; i >= 0; i--) {
      if (epochs.get(i).covers(size)) {
        out.add(epochs.get(i).key());
      }
    }
    return out;
  }

  /** Whether the log's key changed in the part of its history the chain trusts. */
  boolean rotated() {
    return epochs.size() > 1;
  }

  /** The transition checkpoints the chain accepted, by size: the tree must give their roots. */
  List<Checkpoint> transitions() {
    return transitions;
  }

  /**
   * The latest rotation into {@code key} through which trust passed forwards from the key given (a
   * transition note the user gave, signed by both keys), if {@code key} is trusted that way: its
   * transition checkpoint is the history that {@code key}'s checkpoints must extend.
   */
  public Optional<Rotation> forwardRotationInto(NoteVerifierKey key) {
    for (int i = forwards.size() - 1; i >= 0; i--) {
      Rotation r = forwards.get(i);
      if (key.equals(parseKey(r.newKey()))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** What the chain is, in words, for the report. */
  public List<String> notes() {
    return notes;
  }

  /**
   * Opens the signed checkpoint {@code note} of tree size {@code size} with the keys that sign at
   * that size.
   *
   * @throws UntrustedCheckpointException if none of them signed it, saying which keys were tried
   */
  public Checkpoint open(byte[] note, long size, String origin)
      throws ParseException, UntrustedCheckpointException {
    List<NoteVerifierKey> keys = keysAt(size);
    VerificationException last = null;
    for (NoteVerifierKey k : keys) {
      try {
        return Checkpoints.open(note, k, origin);
      } catch (VerificationException e) {
        last = e;
      }
    }
    throw new UntrustedCheckpointException(size, keys, epochs, last);
  }

  /**
   * The trusted key that signed the checkpoint {@code note}, which must sign at the tree size the
   * checkpoint names (a retired key only up to its rotation, a new key only from it on).
   *
   * @throws ParseException if the note is no checkpoint
   * @throws UntrustedCheckpointException if no key trusted at its size signed it
   */
  public NoteVerifierKey signerOf(byte[] note, String origin)
      throws ParseException, UntrustedCheckpointException {
    return signerAt(note, Checkpoint.parse(SignedNote.parse(note).text()).size(), origin);
  }

  /**
   * The trusted key that signed the checkpoint {@code note}, among the keys that sign at tree size
   * {@code size}.
   *
   * @throws ParseException if the note is no checkpoint
   * @throws UntrustedCheckpointException if none of them signed it, saying which keys were tried
   */
  public NoteVerifierKey signerAt(byte[] note, long size, String origin)
      throws ParseException, UntrustedCheckpointException {
    for (NoteVerifierKey k : keysAt(size)) {
      try {
        Checkpoints.open(note, k, origin);
        return k;
      } catch (VerificationException e) {
        // The next trusted key.
      }
    }
    // None: open's exception says which keys were tried.
    open(note, size, origin);
    throw new IllegalStateException("open accepted a checkpoint no key at its size signed");
  }

  /**
   * Opens one receipt with the trusted key that signed it, which must sign at its entry's position:
   * a retired key only receipts of entries before its rotation, a new key only those after.
   *
   * @throws UnusableInputException if the receipt is malformed or not signed by a key trusted at
   *     its entry: it is then no evidence of anything
   */
  public Receipt openReceipt(ReceiptFiles.Note n, String origin) throws UnusableInputException {
    VerificationException last = null;
    for (NoteVerifierKey k : keys()) {
      Receipt r;
      try {
        r = Receipts.open(n.bytes(), k, origin);
      } catch (ParseException e) {
        throw new UnusableInputException(
            "receipt "
                + n.source()
                + " is not a receipt signed by the log's key: "
                + e.getMessage(),
            e);
      } catch (VerificationException e) {
        last = e;
        continue;
      }
      long[] sizes = sizesOf(k).orElseThrow();
      long size = r.index() + 1;
      if (size < sizes[0] || size > sizes[1]) {
        throw new UnusableInputException(
            "receipt "
                + n.source()
                + " for entry "
                + r.index()
                + " is signed by the log key "
                + k.keyRef()
                + ", which signs only at tree sizes "
                + sizes[0]
                + " to "
                + (sizes[1] == Long.MAX_VALUE ? "now" : Long.toString(sizes[1]))
                + ": it is not the log's");
      }
      return r;
    }
    throw new UnusableInputException(
        "receipt "
            + n.source()
            + " is not a receipt signed by the log's key"
            + (keys().size() > 1
                ? " (nor by a retired key the transition checkpoints vouch for)"
                : "")
            + ": "
            + (last == null ? "no key" : last.getMessage()),
        last);
  }

  /** The tree sizes whose checkpoints and receipts {@code key} signs, if the chain trusts it. */
  public Optional<long[]> sizesOf(NoteVerifierKey key) {
    return epochs.stream()
        .filter(e -> e.key().equals(key))
        .findFirst()
        .map(e -> new long[] {e.from(), e.to()});
  }

  /** Every trusted key, newest first. */
  public List<NoteVerifierKey> keys() {
    List<NoteVerifierKey> out = new ArrayList<>();
    for (int i = epochs.size() - 1; i >= 0; i--) {
      out.add(epochs.get(i).key());
    }
    return out;
  }

  /** A checkpoint signed by no key the chain trusts at its size. */
  public static final class UntrustedCheckpointException extends VerificationException {
    private static final long serialVersionUID = 1L;

    UntrustedCheckpointException(
        long size, List<NoteVerifierKey> keys, List<Epoch> epochs, VerificationException cause) {
      super(message(size, keys, epochs, cause), cause);
    }

    private static String message(
        long size, List<NoteVerifierKey> keys, List<Epoch> epochs, VerificationException cause) {
      StringBuilder sb = new StringBuilder();
      if (keys.isEmpty()) {
        sb.append("no trusted log key signs checkpoints of tree size ").append(size);
      } else {
        sb.append("it is signed by no log key trusted at tree size ")
            .append(size)
            .append(" (")
            .append(String.join(", ", keys.stream().map(NoteVerifierKey::keyRef).toList()))
            .append(')');
      }
      if (epochs.size() > 1 || keys.isEmpty()) {
        sb.append("; the keys trusted are ");
        List<String> runs = new ArrayList<>();
        for (Epoch e : epochs) {
          runs.add(
              e.key().keyRef()
                  + " for tree sizes "
                  + e.from()
                  + " to "
                  + (e.to() == Long.MAX_VALUE ? "now" : Long.toString(e.to()))
                  + " ("
                  + e.why()
                  + ")");
        }
        sb.append(String.join("; ", runs));
      }
      sb.append(
          ": a checkpoint signed by a key that no transition checkpoint vouches for is not the"
              + " log's");
      if (cause != null && keys.size() == 1) {
        sb.append(" (").append(cause.getMessage()).append(')');
      }
      return sb.toString();
    }
  }

  @Override
  public String toString() {
    return "LogKeyChain" + Arrays.toString(epochs.toArray());
  }
}
