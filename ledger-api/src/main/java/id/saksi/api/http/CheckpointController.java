package id.saksi.api.http;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /checkpoint}: the latest signed checkpoint, exactly as stored (a signed note). */
@RestController
public class CheckpointController {
  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final CheckpointPublisher checkpoints;

  CheckpointController(CheckpointPublisher checkpoints) {
    this.checkpoints = checkpoints;
  }

  /** The latest checkpoint; 503 until the first is signed. */
  @GetMapping(path = "/checkpoint")
  public ResponseEntity<byte[]> latest() {
    byte[] note =
        checkpoints
            .latest()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NO_CHECKPOINT,
                        "no checkpoint has been signed yet; retry in a second"));
    return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(note);
  }
}
