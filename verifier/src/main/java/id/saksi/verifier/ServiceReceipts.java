package id.saksi.verifier;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.verify.ReceiptCheck.Result;
import id.saksi.core.verify.ReceiptCheck.Status;
import id.saksi.core.verify.ReceiptFiles;
import id.saksi.core.verify.UnusableInputException;
import id.saksi.core.verify.VerifyOptions;
import id.saksi.verifier.db.LogKeyChain;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code check-receipts --url}: proves each receipt against a running service, trusting only the
 * log key. It fetches the latest checkpoint ({@code GET /checkpoint}), and per receipt the entry's
 * leaf ({@code GET /entries?start=I&end=I+1}, NDJSON: exactly the leaf bytes and LF) and its
 * inclusion proof ({@code GET /proof/inclusion?index=I&size=N}, a C2SP tlog-proof). A receipt is
 * matched when the leaf's hash is the promised one and the proof, under a checkpoint the log key
 * signed and equal to the latest, places that hash at its index. Every response is bounded in size;
 * the service is never believed, only checked.
 */
final class ServiceReceipts {
  private static final int MAX_NOTE = 1 << 20;
  private static final int MAX_PROOF = (1 << 20) + 8192;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The service's latest checkpoint, opened with the log key, and each receipt's result. */
  record Outcome(Checkpoint checkpoint, List<Result> results) {}

  private final URI base;
  private final VerifyOptions options;
  private final LogKeyChain chain;
  private final HttpClient http;
  // The trusted key that signed the service's latest checkpoint, which signs its proofs too.
  private NoteVerifierKey checkpointKey;

  /**
   * Checks receipts against the service at {@code base}; {@code chain} says which keys, trusted
   * from the one given, sign the receipts and checkpoints of which tree sizes (receipts signed
   * before a rotation of the log's key are signed by the retired key).
   */
  ServiceReceipts(URI base, VerifyOptions options, LogKeyChain chain) {
    this.base = base;
    this.options = options;
    this.chain = chain;
    this.checkpointKey = options.logKey();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Checks every receipt.
   *
   * @throws UnusableInputException if a receipt is not the log's, or the service cannot be asked
   * @throws ServiceLiedException if the service's checkpoint is not signed by the log key
   */
  Outcome check(List<ReceiptFiles.Note> notes)
      throws IOException, InterruptedException, UnusableInputException, ServiceLiedException {
    List<Receipt> receipts = new ArrayList<>(notes.size());
    for (ReceiptFiles.Note n : notes) {
      receipts.add(chain.openReceipt(n, options.origin()));
    }
    Checkpoint checkpoint;
    try {
      byte[] note = get("/checkpoint", MAX_NOTE, false);
      checkpointKey = chain.signerOf(note, options.origin());
      checkpoint = Checkpoints.open(note, checkpointKey, options.origin());
    } catch (ParseException | VerificationException e) {
      throw new ServiceLiedException(
          "the service's checkpoint is not signed by the log key for "
              + options.origin()
              + ": "
              + e.getMessage());
    }
    long size = checkpoint.size();
    Instant lastRecorded = null;
    List<Result> results = new ArrayList<>(receipts.size());
    for (int i = 0; i < receipts.size(); i++) {
      Receipt r = receipts.get(i);
      String source = notes.get(i).source();
      if (r.index() >= size) {
        if (lastRecorded == null) {
          lastRecorded = recordedAt(size - 1);
        }
        results.add(
            lastRecorded != null && r.recordedAt().isBefore(lastRecorded)
                ? new Result(
                    source,
                    r,
                    Status.BROKEN,
                    "the log promised entry "
                        + r.index()
                        + ", recorded at "
                        + r.recordedAt()
                        + ", but its latest checkpoint ends at entry "
                        + (size - 1)
                        + ", recorded later at "
                        + lastRecorded
                        + ": the entry was dropped or the ledger rolled back")
                : new Result(
                    source,
                    r,
                    Status.NOT_COVERED,
                    "entry "
                        + r.index()
                        + " is not under the service's latest checkpoint (tree size "
                        + size
                        + ") yet: check again once a newer one is published"));
        continue;
      }
      String broken = prove(r, checkpoint);
      results.add(
          broken == null
              ? new Result(source, r, Status.MATCHED, "entry " + r.index() + " is as promised")
              : new Result(source, r, Status.BROKEN, broken));
    }
    return new Outcome(checkpoint, results);
  }

  /** Null if the service proves {@code r}; otherwise what it failed to prove. */
  private String prove(Receipt r, Checkpoint checkpoint) throws IOException, InterruptedException {
    long i = r.index();
    byte[] lines = get("/entries?start=" + i + "&end=" + (i + 1), Entry.MAX_BYTES + 1, true);
    if (lines == null) {
      return "the service says entry "
          + i
          + " does not exist, though its checkpoint of "
          + checkpoint.size()
          + " entries covers it";
    }
    if (lines.length < 2
        || lines[lines.length - 1] != '\n'
        || indexOf(lines, (byte) '\n') != lines.length - 1) {
      return "the service did not answer entry " + i + " as one line of leaf bytes";
    }
    Hash leafHash = Hashing.leafHash(Arrays.copyOf(lines, lines.length - 1));
    if (!leafHash.equals(r.leafHash())) {
      return "the log promised entry "
          + i
          + " with leaf hash "
          + r.leafHash()
          + " but the service holds leaf hash "
          + leafHash
          + " there: the submission was replaced or dropped";
    }
    byte[] proofBytes =
        get("/proof/inclusion?index=" + i + "&size=" + checkpoint.size(), MAX_PROOF, true);
    if (proofBytes == null) {
      return "the service has no inclusion proof of entry " + i;
    }
    try {
      TlogProof proof = TlogProof.parse(proofBytes);
      if (proof.index() != i) {
        return "the service's inclusion proof is for entry " + proof.index() + ", not " + i;
      }
      Checkpoint proved = proof.verify(r.leafHash(), checkpointKey, options.origin());
      if (proved.size() != checkpoint.size() || !proved.rootHash().equals(checkpoint.rootHash())) {
        return "the inclusion proof of entry "
            + i
            + " is against a checkpoint (tree size "
            + proved.size()
            + ", root "
            + proved.rootHash().base64()
            + ") other than the service's latest (tree size "
            + checkpoint.size()
            + ", root "
            + checkpoint.rootHash().base64()
            + "): a fork";
      }
    } catch (ParseException | VerificationException e) {
      return "the inclusion proof of entry " + i + " does not verify: " + e.getMessage();
    }
    return null;
  }

  /** When entry {@code index} was recorded, or null if the service does not say. */
  private Instant recordedAt(long index) throws IOException, InterruptedException {
    if (index < 0) {
      return null;
    }
    byte[] lines =
        get("/entries?start=" + index + "&end=" + (index + 1), Entry.MAX_BYTES + 1, true);
    if (lines == null || lines.length < 2 || lines[lines.length - 1] != '\n') {
      return null;
    }
    try {
      return Entry.parse(Arrays.copyOf(lines, lines.length - 1)).recordedAt();
    } catch (ParseException | VerificationException e) {
      return null;
    }
  }

  /**
   * The body of {@code GET path}, at most {@code max} bytes; null on 404 if {@code notFoundIsNull}.
   *
   * @throws IOException if the service cannot be reached or answers another status or too much
   */
  private byte[] get(String path, int max, boolean notFoundIsNull)
      throws IOException, InterruptedException {
    URI uri = base.resolve(path.substring(1));
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() == 404 && notFoundIsNull) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw new IOException(uri + " answered more than " + max + " bytes");
      }
      return body;
    }
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** The service answered with something the log did not sign: an integrity failure. */
  static final class ServiceLiedException extends Exception {
    private static final long serialVersionUID = 1L;

    ServiceLiedException(String message) {
      super(message);
    }
  }
}
