package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.read.LedgerReader;
import id.saksi.api.read.ReadProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /entries?start=S&end=E}: the leaf bytes of entries {@code [S, E)}, one per line
 * (NDJSON), at most {@code saksi.read.max-entries} per answer, streamed from the database. When the
 * answer stops before the range asked for (or, without {@code end}, before the ledger's size), the
 * header {@value #NEXT_START} gives the {@code start} of the next request.
 */
@RestController
public class EntriesController {
  /** The header that says where the next page starts; absent on the last page. */
  public static final String NEXT_START = "Saksi-Next-Start";

  /** The header with the ledger's size when the answer was made. */
  public static final String TREE_SIZE = "Saksi-Tree-Size";

  /** NDJSON; the lines are UTF-8 canonical JSON. */
  public static final String NDJSON = "application/x-ndjson";

  private static final Logger log = LoggerFactory.getLogger(EntriesController.class);

  private final LedgerReader reader;
  private final ReadProperties properties;

  EntriesController(LedgerReader reader, ReadProperties properties) {
    this.reader = reader;
    this.properties = properties;
  }

  /** Streams the entries; checks the range before the first byte is written. */
  @GetMapping(path = "/entries")
  public void entries(
      @RequestParam(name = "start", required = false) String startParam,
      @RequestParam(name = "end", required = false) String endParam,
      HttpServletResponse response)
      throws IOException {
    long start = QueryParameters.required("start", startParam);
    OptionalLong end = QueryParameters.optional("end", endParam);
    if (end.isPresent() && end.getAsLong() < start) {
      throw QueryParameters.bad(
          "end", "end (" + end.getAsLong() + ") must not be less than start (" + start + ")");
    }
    long size = reader.size();
    if (start >= size) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.BEYOND_SIZE,
                  "the ledger has "
                      + size
                      + " entries (indexes 0 to "
                      + (size - 1)
                      + "); start must be less than "
                      + size
                      + ": ask again later for entries from "
                      + start)
              .with("size", size));
    }
    long wanted = Math.min(end.orElse(size), size);
    long last = Math.min(wanted, start + Math.min(properties.maxEntries(), size - start));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(NDJSON);
    response.setHeader(TREE_SIZE, Long.toString(size));
    if (last < wanted) {
      response.setHeader(NEXT_START, Long.toString(last));
    }
    OutputStream out = response.getOutputStream();
    try {
      reader.writeEntries(start, last, out);
    } catch (UncheckedIOException e) {
      // The client went away; the headers are sent, so there is nobody to answer.
      log.atDebug().log("A client stopped reading entries [{}, {})", start, last);
      return;
    }
    out.flush();
  }
}
