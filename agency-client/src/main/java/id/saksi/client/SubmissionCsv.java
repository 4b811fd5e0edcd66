package id.saksi.client;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed submissions as CSV rows (RFC 4180: comma-separated, a header row first, fields with a
 * comma, quote or line break in double quotes, a quote doubled), one submission per row. The
 * columns, in any order (docs/client.md):
 *
 * <pre>
 * type, agency, key, subject, issuedAt, nonce   the statement's members, as in its JSON
 * body                                          the body, a JSON object
 * sig                                           the signature by the statement's key (base64)
 * cosignatures                                  optional: KEYID:BASE64 pairs separated by spaces
 * disclosures                                   optional: the disclosures, separated by spaces
 * </pre>
 */
public final class SubmissionCsv {
  /** The columns, in the order {@link #header()} writes them. */
  public static final List<String> COLUMNS =
      List.of(
          "type",
          "agency",
          "key",
          "subject",
          "issuedAt",
          "nonce",
          "body",
          "sig",
          "cosignatures",
          "disclosures");

  private static final Set<String> OPTIONAL = Set.of("cosignatures", "disclosures");

  /** Longest row read, in characters: a largest statement with its disclosures. */
  static final int MAX_ROW_CHARS = 8 << 20;

  private SubmissionCsv() {}

  /** The header row, with its line break. */
  public static String header() {
    return String.join(",", COLUMNS) + "\r\n";
  }

  /** One submission as a row, with its line break. */
  public static String row(SignedSubmission s) {
    Statement st = s.statement();
    List<String> cos = new ArrayList<>();
    for (StatementSignature sig : s.signatures().subList(1, s.signatures().size())) {
      cos.add(sig.key().hex() + ":" + sig.signatureBase64());
    }
    List<String> ds = new ArrayList<>();
    for (Disclosure d : s.disclosures()) {
      ds.add(d.encoded());
    }
    List<String> cells =
        List.of(
            st.type(),
            st.agency(),
            st.key().hex(),
            st.subject(),
            DateTimeFormatter.ISO_INSTANT.format(st.issuedAt()),
            st.nonce(),
            new String(CanonicalJson.canonicalize(st.body()), StandardCharsets.UTF_8),
            s.signatures().get(0).signatureBase64(),
            String.join(" ", cos),
            String.join(" ", ds));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(quote(cells.get(i)));
    }
    return b.append("\r\n").toString();
  }

  private static String quote(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  /** Reads the rows of a CSV file one at a time, after its header. */
  static final class Rows {
    private final RowReader rows;
    private final String file;
    private final List<String> header;
    private final Map<String, Integer> at = new HashMap<>();
    private int row;

    /** Reads the header of {@code in}, a CSV file named {@code file}. */
    Rows(Reader in, String file) throws IOException, InputFormatException {
      this.rows = new RowReader(in, file);
      this.file = file;
      List<String> h = rows.next();
      if (h == null) {
        throw new InputFormatException(file, "is empty; the first row names the columns");
      }
      if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
        h.set(0, h.get(0).substring(1));
      }
      for (int i = 0; i < h.size(); i++) {
        String name = h.get(i).strip();
        if (!COLUMNS.contains(name)) {
          throw new InputFormatException(
              file + " line 1", "unknown column \"" + name + "\"; the columns are " + COLUMNS);
        }
        if (at.put(name, i) != null) {
          throw new InputFormatException(
              file + " line 1", "column \"" + name + "\" is given twice");
        }
      }
      for (String c : COLUMNS) {
        if (!OPTIONAL.contains(c) && !at.containsKey(c)) {
          throw new InputFormatException(file + " line 1", "the column \"" + c + "\" is missing");
        }
      }
      this.header = h;
    }

    /** The next row's submission, or null after the last row. */
    SubmissionFiles.Item next() throws IOException, InputFormatException {
      while (true) {
        int line = rows.line();
        List<String> cells = rows.next();
        if (cells == null) {
          return null;
        }
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
          continue;
        }
        row++;
        String where = file + " row " + row + " (line " + line + ")";
        if (cells.size() != header.size()) {
          throw new InputFormatException(
              where, "has " + cells.size() + " fields; the header has " + header.size());
        }
        return new SubmissionFiles.Item(where, parseRow(cells, at, where));
      }
    }
  }

  private static SignedSubmission parseRow(
      List<String> cells, Map<String, Integer> at, String where) throws InputFormatException {
    ObjectNode st = JsonNodeFactory.instance.objectNode();
    st.put("v", Statement.VERSION);
    for (String c : List.of("type", "agency", "key", "subject", "issuedAt", "nonce")) {
      st.put(c, cells.get(at.get(c)));
    }
    JsonNode body;
    try {
      body = CanonicalJson.parse(cells.get(at.get("body")).getBytes(StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new InputFormatException(where, "column body is not JSON: " + e.getMessage(), e);
    }
    st.set("body", body);
    Statement statement;
    try {
      statement = Statement.fromTree(st, "");
    } catch (EntryFormatException e) {
      throw new InputFormatException(where, "column " + e.getMessage(), e);
    }
    List<StatementSignature> sigs = new ArrayList<>();
    byte[] sig = SignedSubmission.decodeSignature(cells.get(at.get("sig")).strip());
    if (sig == null) {
      throw new InputFormatException(
          where, "column sig must be the padded base64 of a 64-byte Ed25519 signature");
    }
    sigs.add(StatementSignature.of(statement.key(), sig));
    for (String pair : words(cells, at, "cosignatures")) {
      int colon = pair.indexOf(':');
      byte[] cs = colon < 0 ? null : SignedSubmission.decodeSignature(pair.substring(colon + 1));
      KeyId key;
      try {
        key = colon < 0 ? null : KeyId.parse(pair.substring(0, colon));
      } catch (ParseException e) {
        key = null;
      }
      if (cs == null || key == null) {
        throw new InputFormatException(
            where, "column cosignatures holds KEYID:BASE64 pairs separated by spaces");
      }
      sigs.add(StatementSignature.of(key, cs));
    }
    List<Disclosure> disclosures = new ArrayList<>();
    for (String d : words(cells, at, "disclosures")) {
      try {
        disclosures.add(Disclosure.parse(d));
      } catch (ParseException e) {
        throw new InputFormatException(where, "column disclosures: " + e.getMessage(), e);
      }
    }
    try {
      return SignedSubmission.of(statement, sigs, disclosures);
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(where, e.getMessage(), e);
    }
  }

  private static List<String> words(List<String> cells, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    if (i == null || cells.get(i).isBlank()) {
      return List.of();
    }
    return List.of(cells.get(i).strip().split(" +"));
  }

  /** Splits RFC 4180 text into rows of fields, counting lines for messages. */
  private static final class RowReader {
    private final Reader in;
    private final String file;
    private int line = 1;
    private int peeked = -2;

    RowReader(Reader in, String file) {
      this.in = in;
      this.file = file;
    }

    int line() {
      return line;
    }

    private int read() throws IOException {
      if (peeked != -2) {
        int c = peeked;
        peeked = -2;
        return c;
      }
      return in.read();
    }

    /** The next row's fields, or null at the end of the text. */
    List<String> next() throws IOException, InputFormatException {
      int c = read();
      if (c < 0) {
        return null;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      int chars = 0;
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (++chars > MAX_ROW_CHARS) {
          throw new InputFormatException(
              file + " line " + line, "a row is longer than " + MAX_ROW_CHARS + " characters");
        }
        if (quoted) {
          if (c < 0) {
            throw new InputFormatException(
                file + " line " + line, "a quoted field is not closed before the end of the file");
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              cell.append('"');
            } else {
              quoted = false;
              peeked = d;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append((char) c);
          }
        } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\r' || c == '\n' || c < 0) {
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              peeked = d;
            }
          }
          if (c >= 0) {
            line++;
          }
          cells.add(cell.toString());
          return cells;
        } else if (wasQuoted) {
          throw new InputFormatException(
              file + " line " + line, "text after a quoted field's closing quote");
        } else {
          cell.append((char) c);
        }
        c = read();
      }
    }
  }
}
