package id.saksi.api.read;

import id.saksi.core.domain.caseflow.CaseStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queries over the read models that {@link ReadModelProjection} keeps, answered as the JSON the
 * public endpoints serve (docs/protocol.md, section 16). Only workflow facts and counts: the tables
 * hold nothing else.
 */
public final class ReadModels {
  /** Dates are compared in Western Indonesia Time (UTC+7), where most agencies work. */
  static final ZoneOffset WIB = ZoneOffset.ofHours(7);

  /** The states in which a recommendation waits for the PPK's decision. */
  static final String AWAITING_PPK = "('RECOMMENDED', 'SUMMONED', 'EXAMINED')";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  /** Queries over {@code dataSource}; "today" (for overdue cases) by {@code clock}. */
  public ReadModels(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
  }

  /** The highest ledger position the read models have applied, -1 before the first. */
  public long position() {
    Long p = jdbc.queryForObject("SELECT position FROM read_progress WHERE id = 0", Long.class);
    return p == null ? -1 : p;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(WIB));
  }

  /** One case with its history, if the read models know it. */
  public Optional<ObjectNode> caseView(String subject) {
    LocalDate today = today();
    List<ObjectNode> found =
        jdbc.query(
            "SELECT * FROM read_case WHERE subject = ?", (rs, n) -> summary(rs, today), subject);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode c = found.get(0);
    ArrayNode history = c.putArray("history");
    jdbc.query(
        "SELECT position, type, agency, issued_at FROM read_case_step WHERE subject = ?"
            + " ORDER BY position",
        rs -> {
          ObjectNode step = history.addObject();
          step.put("position", rs.getLong(1));
          step.put("type", rs.getString(2));
          step.put("agency", rs.getString(3));
          step.put("issuedAt", rs.getTimestamp(4).toInstant().toString());
        },
        subject);
    return Optional.of(c);
  }

  /**
   * A page of cases, oldest opening first, optionally only those with {@code status}, those an
   * agency opened or must act on as PPK, and those of one election.
   */
  public ObjectNode cases(
      Optional<CaseStatus> status,
      Optional<String> agency,
      Optional<String> election,
      int page,
      int size) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (status.isPresent()) {
      where.append(" AND status = ?");
      args.add(status.get().name());
    }
    if (agency.isPresent()) {
      where.append(" AND (ppk = ? OR opened_by = ?)");
      args.add(agency.get());
      args.add(agency.get());
    }
    if (election.isPresent()) {
      where.append(" AND election = ?");
      args.add(election.get());
    }
    Long total =
        jdbc.queryForObject("SELECT count(*) FROM read_case" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    LocalDate today = today();
    ObjectNode out = page(page, size, total == null ? 0 : total);
    ArrayNode items = out.putArray("items");
    jdbc.query(
        "SELECT * FROM read_case" + where + " ORDER BY opened_at LIMIT ? OFFSET ?",
        rs -> {
          items.add(summary(rs, today));
        },
        pageArgs.toArray());
    return out;
  }

  /** An agency's overview, if the registry or any record knows it. */
  public Optional<ObjectNode> agencyOverview(String code) {
    List<ObjectNode> agency =
        jdbc.query(
            "SELECT name, kind, parent, ppk, dissolved_at FROM read_agency WHERE code = ?",
            (rs, n) -> {
              ObjectNode a = NODES.objectNode();
              a.put("agency", code);
              a.put("name", rs.getString(1));
              a.put("kind", rs.getString(2));
              a.put("parent", rs.getString(3));
              a.put("ppk", rs.getBoolean(4));
              a.put("dissolved", rs.getObject(5) != null);
              return a;
            },
            code);
    if (agency.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = agency.get(0);
    o.put(
        "pactsSigned",
        count("SELECT count(*) FROM read_pact WHERE signed_by = ? OR agency = ?", code, code));
    ObjectNode cases = o.putObject("cases");
    cases.put("opened", count("SELECT count(*) FROM read_case WHERE opened_by = ?", code));
    cases.put(
        "open", count("SELECT count(*) FROM read_case WHERE ppk = ? AND status <> 'CLOSED'", code));
    cases.put(
        "overdue",
        count(
            "SELECT count(*) FROM read_case WHERE ppk = ? AND status IN "
                + AWAITING_PPK
                + " AND due_on < ?",
            code,
            Date.valueOf(today())));
    cases.put(
        "recommendationsNotFollowedUp",
        count("SELECT count(*) FROM read_case WHERE ppk = ? AND status IN " + AWAITING_PPK, code));
    o.put("asOf", position());
    return Optional.of(o);
  }

  /** What statistics can be grouped by. */
  public enum Grouping {
    /** The PPK's regional government, or CENTRAL. */
    REGION,
    /** The election. */
    ELECTION,
    /** The violation form, alleged or proven. */
    FORM
  }

  /** A page of counts grouped by {@code by}. */
  public ObjectNode statistics(Grouping by, int page, int size) {
    String sql;
    String key;
    switch (by) {
      case REGION:
        key = "region";
        sql = caseCounts("region");
        break;
      case ELECTION:
        key = "election";
        sql =
            "SELECT g.election, coalesce(c.cases, 0), coalesce(c.open, 0), coalesce(c.closed, 0),"
                + " coalesce(c.violations, 0), coalesce(c.sanctions, 0),"
                + " coalesce(p.pacts, 0)"
                + " FROM (SELECT election FROM read_case UNION SELECT election FROM read_pact) g"
                + " LEFT JOIN ("
                + caseCounts("election")
                + ") c ON c.election = g.election"
                + " LEFT JOIN (SELECT election, count(*) AS pacts FROM read_pact GROUP BY election)"
                + " p ON p.election = g.election";
        break;
      default:
        key = "form";
        sql =
            "SELECT form, count(*) FILTER (WHERE NOT proven), count(*) FILTER (WHERE proven)"
                + " FROM read_case_form GROUP BY form";
        break;
    }
    Long total = jdbc.queryForObject("SELECT count(*) FROM (" + sql + ") t", Long.class);
    ObjectNode out = page(page, size, total == null ? 0 : total);
    out.put("by", key);
    out.put("asOf", position());
    ArrayNode rows = out.putArray("rows");
    jdbc.query(
        "SELECT * FROM (" + sql + ") t ORDER BY 1 LIMIT ? OFFSET ?",
        rs -> {
          ObjectNode row = rows.addObject();
          row.put(key, rs.getString(1));
          if (by == Grouping.FORM) {
            row.put("alleged", rs.getLong(2));
            row.put("proven", rs.getLong(3));
          } else {
            row.put("cases", rs.getLong(2));
            row.put("open", rs.getLong(3));
            row.put("closed", rs.getLong(4));
            row.put("violationsFound", rs.getLong(5));
            row.put("sanctionsDecided", rs.getLong(6));
            if (by == Grouping.ELECTION) {
              row.put("pactsSigned", rs.getLong(7));
            }
          }
        },
        size,
        (long) page * size);
    return out;
  }

  private static String caseCounts(String column) {
    return "SELECT "
        + column
        + ", count(*) AS cases, count(*) FILTER (WHERE status <> 'CLOSED') AS open,"
        + " count(*) FILTER (WHERE status = 'CLOSED') AS closed,"
        + " count(*) FILTER (WHERE outcome = 'VIOLATION') AS violations,"
        + " count(*) FILTER (WHERE sanction_decided) AS sanctions"
        + " FROM read_case GROUP BY "
        + column;
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static ObjectNode page(int page, int size, long total) {
    ObjectNode out = NODES.objectNode();
    out.put("page", page);
    out.put("size", size);
    out.put("total", total);
    return out;
  }

  /** A case's public summary: workflow facts only (docs/protocol.md, section 16). */
  private static ObjectNode summary(ResultSet rs, LocalDate today) throws SQLException {
    ObjectNode c = NODES.objectNode();
    String subject = rs.getString("subject");
    String status = rs.getString("status");
    c.put("subject", subject);
    c.put("id", subject.substring("case/".length()));
    c.put("election", rs.getString("election"));
    c.put("status", status);
    ObjectNode opened = c.putObject("opened");
    opened.put("type", rs.getString("opened_by_type"));
    opened.put("agency", rs.getString("opened_by"));
    opened.put("position", rs.getLong("opened_at"));
    opened.put("on", rs.getDate("opened_on").toLocalDate().toString());
    c.put("ppk", rs.getString("ppk"));
    c.put("region", rs.getString("region"));
    long recommendedAt = rs.getLong("recommended_at");
    if (!rs.wasNull()) {
      ObjectNode r = c.putObject("recommendation");
      r.put("position", recommendedAt);
      Date due = rs.getDate("due_on");
      r.put("dueOn", due.toLocalDate().toString());
      boolean waiting =
          status.equals(CaseStatus.RECOMMENDED.name())
              || status.equals(CaseStatus.SUMMONED.name())
              || status.equals(CaseStatus.EXAMINED.name());
      r.put("followedUp", rs.getBoolean("sanction_decided"));
      r.put("overdue", waiting && due.toLocalDate().isBefore(today));
    }
    c.put("personnelServicesBlocked", rs.getBoolean("blocked"));
    String closed = rs.getString("closed_reason");
    if (closed != null) {
      c.put("closedReason", closed);
    }
    c.put("lastPosition", rs.getLong("last_position"));
    return c;
  }
}
