package id.saksi.verifier;

import id.saksi.core.export.ExportScope;
import id.saksi.core.hash.Hash;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.ReceiptCheck;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How reports are shown: plain text for people (what was checked, under which key and checkpoint,
 * the verdict, and each failure with expected and actual), and one line of JSON for machines (the
 * schema is in docs/export.md, "Verifier output").
 */
final class Render {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Render() {}

  /** The text report of a verification. */
  static String text(String what, VerificationReport r) {
    StringBuilder sb = new StringBuilder();
    line(sb, "Verified", what);
    line(
        sb,
        "Log key",
        r.logKey().keyRef() + " (the key given with --log-key; nothing else is trusted)");
    if (r.checkpoint().isPresent()) {
      Checkpoint cp = r.checkpoint().get();
      line(
          sb,
          "Checkpoint",
          cp.origin()
              + ", tree size "
              + cp.size()
              + ", root "
              + cp.rootHash().base64()
              + (r.failures().stream().anyMatch(f -> f.check() == Check.CHECKPOINT)
                  ? ""
                  : " (signature verified)"));
    } else {
      line(sb, "Checkpoint", "not the log's: nothing else was checked");
    }
    line(sb, "Scope", r.scope().describe());
    if (r.checkpoint().isPresent()) {
      VerificationReport.Counts c = r.counts();
      line(
          sb,
          "Checked",
          c.entries()
              + " entries: each line canonical JSON and its own leaf, in order, every prev linked");
      line(
          sb,
          "",
          c.signatures()
              + " agency signatures, each key valid for its agency at its entry's position");
      line(sb, "", c.records() + " records replayed through the domain's rules");
      line(
          sb,
          "",
          r.stoppedEarly()
              ? "(checking stopped at the failure below; the tree was not checked)"
              : tree(r));
      if (c.disclosures() > 0) {
        line(sb, "", c.disclosures() + " disclosures matched to their digests");
      }
    }
    if (r.since().isPresent()) {
      Checkpoint s = r.since().get();
      boolean failed = r.failures().stream().anyMatch(f -> f.check() == Check.CONSISTENCY);
      line(
          sb,
          "Since",
          "checkpoint of tree size "
              + s.size()
              + ", root "
              + s.rootHash().base64()
              + (failed
                  ? ": NOT extended by this one"
                  : r.stoppedEarly()
                      ? ": not compared (checking stopped at the failure below)"
                      : ": extended by this one"
                          + (r.consistencyProof().isEmpty()
                              ? ""
                              : " (consistency proof of "
                                  + r.consistencyProof().size()
                                  + " hashes, from the entries)")));
    }
    for (String note : r.notes()) {
      line(sb, "Note", note);
    }
    sb.append('\n');
    if (r.failures().isEmpty() && r.scope().kind() == ExportScope.Kind.LEDGER) {
      sb.append(
          "VALID: every entry is in the ledger the log signed, unaltered and in order, signed by"
              + " a key valid at its position, and a legal step of its case.\n");
    } else if (r.failures().isEmpty()) {
      sb.append(
          "VALID: every entry of this partial export is in the ledger the log signed, at its"
              + " index and unaltered, signed by a key valid at its position, and a legal step"
              + " wherever its history is in the export. A partial export cannot show that no"
              + " other entry exists.\n");
    } else {
      sb.append("INVALID: ")
          .append(r.failureCount())
          .append(r.failureCount() == 1 ? " failure" : " failures")
          .append(
              r.stoppedEarly()
                  ? r.failures().size() == 1
                      ? " (checking stopped at the first; --all lists every failure)"
                      : " (checking stopped after " + r.failures().size() + ")"
                  : "")
          .append('\n');
      for (Failure f : r.failures()) {
        sb.append("  ").append(f).append('\n');
        f.expected().ifPresent(e -> sb.append("    expected: ").append(e).append('\n'));
        f.actual().ifPresent(a -> sb.append("    actual:   ").append(a).append('\n'));
      }
    }
    return sb.toString();
  }

  private static String tree(VerificationReport r) {
    long proofs = r.counts().proofs();
    switch (r.scope().kind()) {
      case LEDGER:
        return "the Merkle root of the entries against the checkpoint's root";
      case RANGE:
        return "the range proof placing "
            + r.scope().describe()
            + " in the checkpoint's tree, and "
            + proofs
            + " inclusion proofs of the registry entries before it";
      default:
        return proofs + " inclusion proofs placing each entry in the checkpoint's tree";
    }
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append(
        String.format(
            java.util.Locale.ROOT, "%-11s %s%n", label.isEmpty() ? "" : label + ":", value));
  }

  /** The JSON report of a verification. */
  static ObjectNode json(String command, String export, VerificationReport r) {
    ObjectNode n = F.objectNode();
    n.put("command", command);
    n.put("verdict", r.failures().isEmpty() ? "valid" : "invalid");
    n.put("export", export);
    n.put("logKey", r.logKey().keyRef());
    if (r.checkpoint().isPresent()) {
      n.set("checkpoint", checkpoint(r.checkpoint().get()));
    } else {
      n.putNull("checkpoint");
    }
    n.set("scope", scope(r.scope()));
    VerificationReport.Counts c = r.counts();
    n.putObject("counts")
        .put("entries", c.entries())
        .put("signatures", c.signatures())
        .put("records", c.records())
        .put("proofs", c.proofs())
        .put("disclosures", c.disclosures())
        .put("notJudged", c.notJudged());
    if (r.since().isPresent()) {
      ObjectNode s = checkpoint(r.since().get());
      ArrayNode proof = s.putArray("consistencyProof");
      for (Hash h : r.consistencyProof()) {
        proof.add(h.base64());
      }
      n.set("since", s);
    }
    ArrayNode fs = n.putArray("failures");
    for (Failure f : r.failures()) {
      ObjectNode o = fs.addObject();
      if (f.index().isPresent()) {
        o.put("index", f.index().getAsLong());
      } else {
        o.putNull("index");
      }
      o.put("check", f.check().wire());
      o.put("message", f.message());
      o.put("expected", f.expected().orElse(null));
      o.put("actual", f.actual().orElse(null));
    }
    n.put("failureCount", r.failureCount());
    n.put("stoppedEarly", r.stoppedEarly());
    ArrayNode notes = n.putArray("notes");
    r.notes().forEach(notes::add);
    return n;
  }

  /** The JSON of an input that could not be used. */
  static ObjectNode unusable(String command, String error) {
    ObjectNode n = F.objectNode();
    n.put("command", command);
    n.put("verdict", "unusable");
    n.put("error", error);
    return n;
  }

  /** The text report of a receipts check, after the export's. */
  static String receiptsText(List<ReceiptCheck.Result> results) {
    StringBuilder sb = new StringBuilder();
    long matched = results.stream().filter(r -> r.status() == ReceiptCheck.Status.MATCHED).count();
    sb.append("Receipts:   ")
        .append(results.size())
        .append(" checked, ")
        .append(matched)
        .append(" as promised\n");
    for (ReceiptCheck.Result r : results) {
      if (r.status() != ReceiptCheck.Status.MATCHED) {
        sb.append("  ")
            .append(r.status() == ReceiptCheck.Status.BROKEN ? "BROKEN " : "NOT COVERED ")
            .append(r.source())
            .append(": ")
            .append(r.message())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** The receipts' results in JSON. */
  static ArrayNode receiptsJson(List<ReceiptCheck.Result> results) {
    ArrayNode a = F.arrayNode();
    for (ReceiptCheck.Result r : results) {
      a.addObject()
          .put("source", r.source())
          .put("index", r.receipt().index())
          .put("leafHash", r.receipt().leafHash().base64())
          .put("status", r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .put("message", r.message());
    }
    return a;
  }

  /** The head of the text report of check-receipts --url. */
  static String serviceText(String url, VerifyOptions options, Checkpoint cp) {
    StringBuilder sb = new StringBuilder();
    line(sb, "Service", url + " (asked for entries and proofs; nothing it says is trusted)");
    line(
        sb,
        "Log key",
        options.logKey().keyRef() + " (the key given with --log-key; nothing else is trusted)");
    line(
        sb,
        "Checkpoint",
        cp.origin()
            + ", tree size "
            + cp.size()
            + ", root "
            + cp.rootHash().base64()
            + " (signature verified)");
    return sb.toString();
  }

  /**
   * The JSON report of check-receipts --url; {@code cp} is null if the service's was not the log's.
   */
  static ObjectNode serviceJson(
      String url, VerifyOptions options, Checkpoint cp, List<ReceiptCheck.Result> results) {
    ObjectNode n = F.objectNode();
    n.put("command", "check-receipts");
    n.put("service", url);
    n.put("logKey", options.logKey().keyRef());
    if (cp == null) {
      n.putNull("checkpoint");
    } else {
      n.set("checkpoint", checkpoint(cp));
    }
    n.set("receipts", receiptsJson(results));
    return n;
  }

  /** One line of canonical JSON and LF. */
  static String line(ObjectNode n) {
    return new String(CanonicalJson.canonicalize(n), StandardCharsets.UTF_8) + "\n";
  }

  private static ObjectNode checkpoint(Checkpoint cp) {
    ObjectNode o = F.objectNode();
    o.put("origin", cp.origin());
    o.put("size", cp.size());
    o.put("rootHash", cp.rootHash().base64());
    return o;
  }

  private static ObjectNode scope(ExportScope s) {
    ObjectNode o = F.objectNode();
    o.put("kind", s.kind().wire());
    if (s.kind() == ExportScope.Kind.RANGE) {
      o.put("start", s.start());
      o.put("end", s.end());
    } else if (s.kind() == ExportScope.Kind.SUBJECT) {
      o.put("subject", s.subject());
    }
    return o;
  }
}
