package id.saksi.core.export;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.disclosure.DisclosureFormatException;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of {@code disclosures.jsonl} (docs/export.md): the personal-data disclosures of the
 * entry at {@code index}, as canonical JSON {@code {"disclosures":["<base64url>",...],"index":N}}.
 *
 * @param index the entry the disclosures open fields of
 * @param disclosures one or more disclosures, each of a field the entry's body commits
 */
public record DisclosureLine(long index, List<Disclosure> disclosures) {
  /** Copies the list; it must not be empty. */
  public DisclosureLine {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    disclosures = List.copyOf(disclosures);
    if (disclosures.isEmpty()) {
      throw new IllegalArgumentException("a disclosure line holds at least one disclosure");
    }
  }

  /** The canonical JSON of this line, without the LF. */
  public byte[] encode() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ArrayNode a = n.putArray("disclosures");
    for (Disclosure d : disclosures) {
      a.add(d.encoded());
    }
    n.put("index", index);
    return CanonicalJson.canonicalize(n);
  }

  /**
   * Reads one line (without its LF).
   *
   * @param lineNo the line's number in the member, for messages
   */
  public static DisclosureLine parse(byte[] line, long lineNo) throws ExportFormatException {
    String at = ExportLayout.DISCLOSURES + " line " + lineNo + ": ";
    JsonNode n;
    try {
      CanonicalJson.requireCanonical(line);
      n = CanonicalJson.parse(line);
    } catch (JsonParseException | NotCanonicalException e) {
      throw new ExportFormatException(at + e.getMessage(), e);
    }
    if (!n.isObject() || n.size() != 2 || !n.has("index") || !n.has("disclosures")) {
      throw new ExportFormatException(
          at + "must be an object of exactly \"disclosures\" and \"index\"");
    }
    JsonNode index = n.get("index");
    JsonNode list = n.get("disclosures");
    if (!index.isIntegralNumber() || index.longValue() < 0) {
      throw new ExportFormatException(at + "\"index\" must be an entry index, 0 or more");
    }
    if (!list.isArray() || list.isEmpty()) {
      throw new ExportFormatException(at + "\"disclosures\" must be a non-empty array");
    }
    List<Disclosure> ds = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode d = list.get(i);
      if (!d.isString()) {
        throw new ExportFormatException(at + "disclosure " + i + " must be a string");
      }
      try {
        ds.add(Disclosure.parse(d.stringValue()));
      } catch (DisclosureFormatException e) {
        throw new ExportFormatException(at + "disclosure " + i + ": " + e.getMessage(), e);
      }
    }
    return new DisclosureLine(index.longValue(), ds);
  }
}
