package id.saksi.api.disclosure;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.write.WriteResult;
import id.saksi.core.domain.registry.EraseDisclosureCommand;
import id.saksi.core.domain.registry.ErasureReason;
import id.saksi.core.domain.registry.RecordDisclosureAccessCommand;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The restricted endpoints (SECURITY.md): an auditor reads the stored disclosures of an entry, each
 * read first recorded in the ledger as {@code disclosure.accessed}; an eraser erases them, recorded
 * as {@code disclosure.erased} in the transaction that deletes them. Who may call them is decided
 * by {@code SecurityConfiguration}; the caller's account name goes into the record.
 */
@RestController
public class DisclosureController {
  private static final Logger log = LoggerFactory.getLogger(DisclosureController.class);

  private final DisclosureStore store;
  private final ServiceRecords records;
  private final DisclosureAccessLog accessLog;
  private final ServiceKeys keys;

  DisclosureController(
      DisclosureStore store,
      ServiceRecords records,
      DisclosureAccessLog accessLog,
      ServiceKeys keys) {
    this.store = store;
    this.records = records;
    this.accessLog = accessLog;
    this.keys = keys;
  }

  /**
   * The disclosures stored with entry {@code index}: 200 once the access is in the ledger; 404 if
   * the entry has none, 410 if they were erased.
   */
  @GetMapping(path = "/disclosures/{index}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> read(
      @PathVariable("index") long index,
      @RequestParam(name = "purpose", required = false) String purpose,
      Principal auditor) {
    String why = requireText("purpose", purpose, RecordDisclosureAccessCommand.MAX_PURPOSE);
    List<String> fields = storedOrAnswer(index);

    // The access is durable in the ledger before a byte of personal data leaves the service; if
    // it cannot be appended, this throws and nothing is returned.
    WriteResult.Appended access = accessLog.recordAccess(auditor.getName(), index, fields, why);

    Map<String, String> values = store.read(index, fields);
    if (values.isEmpty()) {
      throw erased(index, store.erasedBy(index));
    }
    log.atInfo()
        .addKeyValue("auditor", auditor.getName())
        .addKeyValue("entry", index)
        .addKeyValue("record", access.entry().index())
        .log(
            "Auditor {} read the disclosures {} of entry {} (recorded as entry {})",
            auditor.getName(),
            values.keySet(),
            index,
            access.entry().index());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("entry", index);
    ArrayNode out = body.putArray("disclosures");
    for (Map.Entry<String, String> e : values.entrySet()) {
      out.addObject().put("field", e.getKey()).put("disclosure", e.getValue());
    }
    List<String> erased = store.erasedFields(index);
    if (!erased.isEmpty()) {
      // Said, so that an auditor does not take a missing field for a missing submission.
      ArrayNode gone = body.putArray("erased");
      erased.forEach(gone::add);
    }
    body.set("accessRecord", recordOf(access));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  /**
   * Erases the disclosures of entry {@code index} (all, or the {@code fields} given): 200 once the
   * erasure record and the deletion have committed together.
   */
  @PostMapping(path = "/disclosures/{index}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ObjectNode> erase(
      @PathVariable("index") long index,
      @RequestBody(required = false) JsonNode request,
      Principal officer) {
    if (request == null || !request.isObject()) {
      throw invalid(
          "send a JSON object {\"reason\", \"basis\", \"fields\"?}; reason is one of "
              + List.of(ErasureReason.values()));
    }
    for (String name : request.propertyNames()) {
      if (!Set.of("reason", "basis", "fields").contains(name)) {
        throw invalid("unknown member \"" + name + "\"; send reason, basis and fields");
      }
    }
    ErasureReason reason = reason(request.get("reason"));
    String basis =
        requireText(
            "basis",
            request.path("basis").isString() ? request.get("basis").asString() : null,
            EraseDisclosureCommand.MAX_BASIS);
    List<String> stored = storedOrAnswer(index);
    List<String> fields = requestedFields(index, request.get("fields"), stored);

    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("entry", index);
    ArrayNode names = record.putArray("fields");
    fields.forEach(names::add);
    record.put("officer", officer.getName());
    record.put("reason", reason.name());
    record.put("basis", basis);
    WriteResult.Appended erasure =
        records.append(EraseDisclosureCommand.TYPE, record, store.eraseStep(index, fields));

    log.atInfo()
        .addKeyValue("officer", officer.getName())
        .addKeyValue("entry", index)
        .addKeyValue("record", erasure.entry().index())
        .log(
            "{} erased the disclosures {} of entry {} ({}; recorded as entry {})",
            officer.getName(),
            fields,
            index,
            reason,
            erasure.entry().index());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("entry", index);
    ArrayNode out = body.putArray("erased");
    fields.forEach(out::add);
    body.set("erasureRecord", recordOf(erasure));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** The fields stored with the entry; answers 404 or 410 if there are none. */
  private List<String> storedOrAnswer(long index) {
    if (index < 0) {
      throw new ProblemException(
          ProblemType.NO_DISCLOSURES, "entry " + index + " does not exist; indexes start at 0");
    }
    List<String> fields = store.fields(index);
    if (!fields.isEmpty()) {
      return fields;
    }
    Optional<Long> erasedBy = store.erasedBy(index);
    if (erasedBy.isPresent()) {
      throw erased(index, erasedBy);
    }
    if (!store.entryExists(index)) {
      throw new ProblemException(
          Problem.of(ProblemType.NO_DISCLOSURES, "entry " + index + " is not in the ledger")
              .with("entry", index));
    }
    throw new ProblemException(
        Problem.of(
                ProblemType.NO_DISCLOSURES,
                "entry " + index + " has no personal data stored with it")
            .with("entry", index));
  }

  private List<String> requestedFields(long index, JsonNode requested, List<String> stored) {
    if (requested == null) {
      return stored;
    }
    if (!requested.isArray() || requested.isEmpty()) {
      throw invalid("fields, if given, is a non-empty array of claim names such as reporter.name");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode f : requested) {
      if (!f.isString()) {
        throw invalid("fields holds claim names (strings), such as reporter.name");
      }
      out.add(f.asString());
    }
    List<String> absent = new ArrayList<>(out);
    absent.removeAll(stored);
    if (!absent.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.NO_DISCLOSURES,
                  "entry "
                      + index
                      + " stores no disclosure of "
                      + absent
                      + " (anymore); it stores "
                      + stored)
              .with("entry", index));
    }
    return List.copyOf(out);
  }

  private static ErasureReason reason(JsonNode n) {
    if (n != null && n.isString()) {
      for (ErasureReason r : ErasureReason.values()) {
        if (r.name().equals(n.asString())) {
          return r;
        }
      }
    }
    throw invalid("reason must be one of " + List.of(ErasureReason.values()));
  }

  static String requireText(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(
          name + " is required: say why, in 1 to " + max + " characters on one line (no names)");
    }
    if (value.length() > max) {
      throw invalid(
          name + " has " + value.length() + " characters; at most " + max + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw invalid(
            name
                + " has the control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + "; write it on one line");
      }
    }
    return value;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_ACCESS, detail);
  }

  private static ProblemException erased(long index, Optional<Long> by) {
    Problem p =
        Problem.of(
                ProblemType.DISCLOSURES_ERASED,
                "the personal data of entry "
                    + index
                    + " was erased"
                    + by.map(b -> " (recorded as entry " + b + ")").orElse("")
                    + "; the entry, its digests and proofs remain")
            .with("entry", index);
    return new ProblemException(by.isPresent() ? p.with("erasureRecord", by.get()) : p);
  }

  private ObjectNode recordOf(WriteResult.Appended a) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("index", a.entry().index());
    o.put("leafHash", a.entry().leafHash().hex());
    o.put("receipt", keys.receipt(a.entry()));
    return o;
  }
}
