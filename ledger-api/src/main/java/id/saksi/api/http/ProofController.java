package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.read.LedgerReader;
import id.saksi.api.read.StoredCheckpoint;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.TlogProof;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proofs from the stored Merkle tree (docs/protocol.md): {@code GET /proof/inclusion} answers a
 * c2sp.org/tlog-proof of one entry against a stored, signed checkpoint; {@code GET
 * /proof/consistency} the RFC 9162 consistency proof between two tree sizes. Each reads O(log n)
 * nodes in one query.
 */
@RestController
public class ProofController {
  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final LedgerReader reader;

  ProofController(LedgerReader reader) {
    this.reader = reader;
  }

  /**
   * The tlog-proof of entry {@code index} against the stored checkpoint of {@code size} entries, or
   * the latest checkpoint when {@code size} is absent.
   */
  @GetMapping(path = "/proof/inclusion")
  public ResponseEntity<byte[]> inclusion(
      @RequestParam(name = "index", required = false) String indexParam,
      @RequestParam(name = "size", required = false) String sizeParam) {
    long index = QueryParameters.required("index", indexParam);
    OptionalLong size = QueryParameters.optional("size", sizeParam);
    StoredCheckpoint checkpoint;
    if (size.isPresent()) {
      long n = size.getAsLong();
      if (index >= n) {
        throw notInTree(index, n);
      }
      checkpoint = reader.checkpoint(n).orElseThrow(() -> noCheckpoint(n));
    } else {
      checkpoint =
          reader
              .latestCheckpoint()
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.NO_CHECKPOINT,
                          "no checkpoint has been signed yet; retry in a second"));
      if (index >= checkpoint.size()) {
        throw notInTree(index, checkpoint.size());
      }
    }
    List<Hash> path = reader.inclusionPath(index, checkpoint.size());
    byte[] proof = TlogProof.of(index, path, checkpoint.note()).encode();
    // A proof against a named checkpoint never changes; one against "the latest" does.
    CacheControl cache =
        size.isPresent()
            ? CacheControl.maxAge(java.time.Duration.ofDays(365))
            : CacheControl.noCache();
    return ResponseEntity.ok().contentType(TEXT).cacheControl(cache).body(proof);
  }

  /**
   * The consistency proof from the tree of {@code from} entries to the tree of {@code to}: base64
   * hashes, one per line; an empty body when {@code from} is 0 or equals {@code to}.
   */
  @GetMapping(path = "/proof/consistency")
  public ResponseEntity<byte[]> consistency(
      @RequestParam(name = "from", required = false) String fromParam,
      @RequestParam(name = "to", required = false) String toParam) {
    long from = QueryParameters.required("from", fromParam);
    long to = QueryParameters.required("to", toParam);
    if (from > to) {
      throw QueryParameters.bad(
          "from", "from (" + from + ") must not be greater than to (" + to + ")");
    }
    long size = reader.size();
    if (to > size) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.BEYOND_SIZE,
                  "the ledger has "
                      + size
                      + " entries; to must be at most "
                      + size
                      + ": ask again later, or for a smaller tree size")
              .with("size", size));
    }
    StringBuilder body = new StringBuilder();
    for (Hash h : reader.consistencyProof(from, to)) {
      body.append(h.base64()).append('\n');
    }
    return ResponseEntity.ok()
        .contentType(TEXT)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)))
        .body(body.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private ProblemException notInTree(long index, long size) {
    Optional<StoredCheckpoint> latest = reader.latestCheckpoint();
    long latestSize = latest.map(StoredCheckpoint::size).orElse(0L);
    String advice =
        latestSize > index
            ? "ask for a checkpoint size greater than "
                + index
                + ", such as the latest, "
                + latestSize
            : "the latest checkpoint has size "
                + latestSize
                + "; ask again once a checkpoint covers the entry";
    return new ProblemException(
        Problem.of(
                ProblemType.BEYOND_SIZE,
                "entry "
                    + index
                    + " is not in the tree of size "
                    + size
                    + " (indexes 0 to "
                    + (size - 1)
                    + "): "
                    + advice)
            .with("size", size)
            .with("latestSize", latestSize));
  }

  private ProblemException noCheckpoint(long size) {
    OptionalLong below = reader.checkpointSizeBelow(size);
    OptionalLong above = reader.checkpointSizeAbove(size);
    Optional<StoredCheckpoint> latest = reader.latestCheckpoint();
    StringBuilder detail =
        new StringBuilder("no checkpoint of size ")
            .append(size)
            .append(" was signed; checkpoints are signed at the sizes the log had when it signed:");
    if (above.isPresent()) {
      detail.append(" ask for the next one, size ").append(above.getAsLong());
    } else {
      detail.append(" none is larger yet; ask for the latest");
    }
    detail.append(", or omit size for the latest");
    Problem p = Problem.of(ProblemType.CHECKPOINT_NOT_FOUND, detail.toString());
    if (below.isPresent()) {
      p = p.with("previousSize", below.getAsLong());
    }
    if (above.isPresent()) {
      p = p.with("nextSize", above.getAsLong());
    }
    if (latest.isPresent()) {
      p = p.with("latestSize", latest.get().size());
    }
    return new ProblemException(p);
  }
}
