package id.saksi.api.http;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.read.ReadModels;
import id.saksi.api.read.ReadProperties;
import id.saksi.core.domain.caseflow.CaseStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read models (docs/protocol.md, section 16): cases, agency overviews and statistics. Public,
 * so they carry workflow facts and counts only, never personal data, digests or case details.
 */
@RestController
public class ReadModelController {
  /** Most pages a listing goes to; beyond, narrow the filter instead. */
  static final int MAX_PAGE = 100_000;

  private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
  private static final Pattern ELECTION = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private final ReadModels models;
  private final ReadProperties properties;

  ReadModelController(ReadModels models, ReadProperties properties) {
    this.models = models;
    this.properties = properties;
  }

  /** One case, {@code case/{id}}, with its history. */
  @GetMapping(path = "/cases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> oneCase(@PathVariable("id") String id) {
    if (!CASE_ID.matcher(id).matches()) {
      throw QueryParameters.bad(
          "id",
          "a case ID is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    String subject = "case/" + id;
    ObjectNode c =
        models
            .caseView(subject)
            .orElseThrow(
                () ->
                    notFound(
                        "no case %s is known as of ledger position %d; a case appended a moment"
                            + " ago appears within seconds",
                        subject));
    c.put("asOf", models.position());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(c);
  }

  /** A page of cases, filtered by status, agency (opener or PPK) and election. */
  @GetMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> cases(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "agency", required = false) String agency,
      @RequestParam(name = "election", required = false) String election,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "size", required = false) String size) {
    Optional<CaseStatus> s = Optional.empty();
    if (status != null) {
      try {
        s = Optional.of(CaseStatus.valueOf(status.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw QueryParameters.bad(
            "status", "status must be one of " + java.util.Arrays.toString(CaseStatus.values()));
      }
    }
    if (agency != null && (agency.length() > 32 || !AGENCY.matcher(agency).matches())) {
      throw QueryParameters.bad("agency", "agency must be an agency code such as PEMKOT-METRO");
    }
    if (election != null && !ELECTION.matcher(election).matches()) {
      throw QueryParameters.bad(
          "election", "election must be an election code such as PILKADA-2024");
    }
    int[] p = paging(page, size);
    ObjectNode out =
        models.cases(s, Optional.ofNullable(agency), Optional.ofNullable(election), p[0], p[1]);
    out.put("asOf", models.position());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
  }

  /** An agency's overview: pacts signed, cases open and overdue, recommendations waiting. */
  @GetMapping(path = "/agencies/{code}/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> agency(@PathVariable("code") String code) {
    if (code.length() > 32 || !AGENCY.matcher(code).matches()) {
      throw QueryParameters.bad("code", "an agency code is upper-case, such as PEMKOT-METRO");
    }
    ObjectNode o =
        models
            .agencyOverview(code)
            .orElseThrow(
                () -> notFound("no agency %s is registered as of ledger position %d", code));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(o);
  }

  /** Counts of cases (and pacts) by region, election or violation form. */
  @GetMapping(path = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> statistics(
      @RequestParam(name = "by", required = false) String by,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "size", required = false) String size) {
    if (by == null) {
      throw QueryParameters.bad(
          "by", "the query parameter by is required: region, election or form");
    }
    ReadModels.Grouping grouping;
    try {
      grouping = ReadModels.Grouping.valueOf(by.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QueryParameters.bad("by", "by must be region, election or form");
    }
    int[] p = paging(page, size);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(models.statistics(grouping, p[0], p[1]));
  }

  private int[] paging(String pageParam, String sizeParam) {
    OptionalLong page = QueryParameters.optional("page", pageParam);
    OptionalLong size = QueryParameters.optional("size", sizeParam);
    if (page.orElse(0) > MAX_PAGE) {
      throw QueryParameters.bad(
          "page", "page must be at most " + MAX_PAGE + "; narrow the listing with a filter");
    }
    long s = size.orElse(properties.defaultPageSize());
    if (s < 1 || s > properties.maxPageSize()) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.BAD_PARAMETER,
                  "size must be 1 to " + properties.maxPageSize() + ", got " + s)
              .with("parameter", "size")
              .with("limit", properties.maxPageSize()));
    }
    return new int[] {(int) page.orElse(0), (int) s};
  }

  /** A 404 naming {@code what} and the read models' position, read once for message and member. */
  private ProblemException notFound(String format, String what) {
    long asOf = models.position();
    return new ProblemException(
        Problem.of(ProblemType.NOT_FOUND, String.format(Locale.ROOT, format, what, asOf))
            .with("asOf", asOf));
  }
}
