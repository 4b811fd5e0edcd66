package id.saksi.api.http;

import id.saksi.api.ledger.AppendedEntry;
import id.saksi.api.problem.Problem;
import id.saksi.core.entry.Timestamps;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of the write API (docs/protocol.md). */
final class Json {
  private Json() {}

  /** A receipt: where the entry is, and the log's signed promise of it. */
  static ObjectNode receipt(AppendedEntry entry, String signedReceipt) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("index", entry.index());
    o.put("leafHash", entry.leafHash().hex());
    o.put("prev", entry.prev().hex());
    o.put("recordedAt", Timestamps.millis(entry.recordedAt()));
    o.put("receipt", signedReceipt);
    return o;
  }

  /** A problem as an RFC 9457 object, for one item of a batch. */
  static ObjectNode problem(Problem p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", p.type().uri().toString());
    o.put("title", p.type().title());
    o.put("status", p.type().status());
    o.put("detail", p.detail());
    for (Map.Entry<String, Object> e : p.properties().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Number) {
        o.put(e.getKey(), ((Number) v).longValue());
      } else {
        o.put(e.getKey(), String.valueOf(v));
      }
    }
    return o;
  }
}
