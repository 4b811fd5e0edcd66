package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.note.NoteVerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sends submissions and keeps their receipts: one with {@code POST /statements}, a batch file in
 * chunks with {@code POST /statements/batch}. Each answer is checked ({@link ReceiptAnswers})
 * before its receipt is kept. A request that gets no answer, or a 503, is sent again as it was: the
 * ledger appends a statement at most once and answers a repeat with the same receipt.
 */
final class Submitter {
  /** Most submissions in one batch request (docs/protocol.md section 8). */
  static final int MAX_BATCH_ITEMS = 1000;

  /** Most bytes of submissions in one batch request, below the service's default 32 MB. */
  static final int MAX_BATCH_BYTES = 30 << 20;

  /** Longest wait before sending again, whatever the service asks. */
  static final long MAX_RETRY_WAIT_SECONDS = 30;

  /** What happened to the submissions of one command. */
  static final class Tally {
    int appended;
    int already;
    int refused;
    int badAnswers;
    boolean stopped;

    boolean allGood() {
      return refused == 0 && badAnswers == 0 && !stopped;
    }

    String summary(Path receipts) {
      return appended
          + " appended, "
          + already
          + " already in the ledger, "
          + refused
          + " refused, "
          + badAnswers
          + " with a receipt that does not check"
          + (stopped ? ", the rest not sent" : "")
          + "; receipts kept in "
          + receipts;
    }
  }

  private final LedgerHttp http;
  private final Optional<NoteVerifierKey> logKey;
  private final String origin;
  private final int retries;
  private final ReceiptsFile receipts;
  private final PrintStream out;
  private final PrintStream err;
  private final Tally tally = new Tally();
  private final List<byte[]> toKeep = new ArrayList<>();

  Submitter(
      LedgerHttp http,
      Optional<NoteVerifierKey> logKey,
      String origin,
      int retries,
      ReceiptsFile receipts,
      PrintStream out,
      PrintStream err) {
    this.http = http;
    this.logKey = logKey;
    this.origin = origin;
    this.retries = retries;
    this.receipts = receipts;
    this.out = out;
    this.err = err;
  }

  /** Sends one submission. */
  Tally submitOne(SignedSubmission s) throws IOException, InterruptedException {
    LedgerHttp.Answer a = send("/statements", s.canonicalBytes());
    String where = s.statement().type() + " " + s.statement().subject();
    if (a.status() == 200 || a.status() == 201) {
      JsonNode json = json(a.body());
      if (json == null) {
        tally.badAnswers++;
        out.println("FAILED    " + where + ": the answer is not JSON");
      } else {
        result(where, s, a.status(), json);
        keep();
      }
    } else {
      tally.refused++;
      out.println(
          "REFUSED   "
              + where
              + ": "
              + Problem.of(a.status(), a.body(), a.retryAfter()).describe());
    }
    return tally;
  }

  /** Sends every submission of a batch file, after reading it whole once to check it. */
  Tally submitBatch(Path file) throws IOException, InputFormatException, InterruptedException {
    int count = 0;
    try (SubmissionFiles.BatchReader r = SubmissionFiles.openBatch(file)) {
      while (r.next() != null) {
        count++;
      }
    }
    if (count == 0) {
      throw new InputFormatException(file.toString(), "holds no submission");
    }
    err.println("sending " + count + " submissions from " + file);
    List<SubmissionFiles.Item> chunk = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (SubmissionFiles.BatchReader r = SubmissionFiles.openBatch(file)) {
      SubmissionFiles.Item item;
      while ((item = r.next()) != null) {
        byte[] bytes = item.submission().canonicalBytes();
        if (!chunk.isEmpty()
            && (chunk.size() == MAX_BATCH_ITEMS || body.size() + bytes.length > MAX_BATCH_BYTES)) {
          if (!sendChunk(chunk, body)) {
            tally.stopped = true;
            return tally;
          }
          chunk.clear();
          body.reset();
        }
        body.write(chunk.isEmpty() ? '[' : ',');
        body.writeBytes(bytes);
        chunk.add(item);
      }
    }
    if (!sendChunk(chunk, body)) {
      tally.stopped = true;
    }
    return tally;
  }

  /** Sends one chunk; false if the service refused it as a whole. */
  private boolean sendChunk(List<SubmissionFiles.Item> chunk, ByteArrayOutputStream items)
      throws IOException, InterruptedException {
    ByteArrayOutputStream request = new ByteArrayOutputStream(items.size() + 16);
    request.writeBytes("{\"items\":".getBytes(UTF_8));
    request.writeBytes(items.toByteArray());
    request.writeBytes("]}".getBytes(UTF_8));
    LedgerHttp.Answer a = send("/statements/batch", request.toByteArray());
    String span = chunk.get(0).where() + " to " + chunk.get(chunk.size() - 1).where();
    if (a.status() != 200) {
      out.println(
          "REFUSED   the batch "
              + span
              + ": "
              + Problem.of(a.status(), a.body(), a.retryAfter()).describe());
      tally.refused += chunk.size();
      return false;
    }
    JsonNode json = json(a.body());
    JsonNode results = json == null ? null : json.get("results");
    if (results == null || !results.isArray() || results.size() != chunk.size()) {
      out.println(
          "FAILED    the batch "
              + span
              + ": the answer does not list one result per submission ("
              + chunk.size()
              + " sent)");
      tally.badAnswers += chunk.size();
      return false;
    }
    for (int i = 0; i < chunk.size(); i++) {
      SubmissionFiles.Item item = chunk.get(i);
      JsonNode r = results.get(i);
      JsonNode status = r.get("status");
      int code = status != null && status.canConvertToInt() ? status.intValue() : 0;
      if (code == 200 || code == 201) {
        result(item.where(), item.submission(), code, r);
      } else {
        tally.refused++;
        JsonNode problem = r.get("problem");
        Problem p =
            problem != null && problem.isObject()
                ? Problem.of(code, problem, Optional.empty())
                : new Problem(
                    code, "", "HTTP " + code, "(no explanation)", List.of(), Optional.empty());
        out.println("REFUSED   " + item.where() + ": " + p.describe());
      }
    }
    keep();
    return true;
  }

  private void result(String where, SignedSubmission s, int status, JsonNode answer)
      throws IOException {
    ReceiptAnswers.Checked c;
    try {
      c = ReceiptAnswers.check(s, answer, logKey, origin);
    } catch (AnswerCheckException e) {
      tally.badAnswers++;
      out.println("FAILED    " + where + ": " + e.getMessage() + "; the receipt is not kept");
      return;
    }
    toKeep.add(c.note());
    if (status == 201) {
      tally.appended++;
      out.println("appended  " + where + ": entry " + c.receipt().index());
    } else {
      tally.already++;
      out.println(
          "already   "
              + where
              + ": entry "
              + c.receipt().index()
              + " (appended before; same receipt)");
    }
  }

  /** Writes the receipts checked since the last call, with one flush to disk. */
  private void keep() throws IOException {
    receipts.appendAll(toKeep);
    toKeep.clear();
  }

  private LedgerHttp.Answer send(String path, byte[] body)
      throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      LedgerHttp.Answer a;
      try {
        a = http.postJson(path, body);
      } catch (IOException e) {
        if (attempt >= retries) {
          throw e;
        }
        err.println(
            "no answer from the service ("
                + e.getClass().getSimpleName()
                + "); sending the same again in 1 s (safe: the ledger appends a statement once)");
        Thread.sleep(1000);
        continue;
      }
      if (a.status() != 503 || attempt >= retries) {
        return a;
      }
      Problem p = Problem.of(a.status(), a.body(), a.retryAfter());
      long wait = Math.max(0, Math.min(p.retryAfterSeconds().orElse(1L), MAX_RETRY_WAIT_SECONDS));
      err.println(
          "the service is unavailable ("
              + p.describe()
              + "); sending the same again in "
              + wait
              + " s");
      Thread.sleep(wait * 1000);
    }
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode n = CanonicalJson.parse(body);
      return n.isObject() ? n : null;
    } catch (JsonParseException e) {
      return null;
    }
  }
}
