package id.saksi.core.export;

import id.saksi.core.ParseException;
import id.saksi.core.entry.Timestamps;
import id.saksi.core.hash.Hash;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundle's {@code manifest.json} (docs/export.md, "manifest.json"): what the export covers,
 * against which checkpoint, how many entries, proofs and disclosure lines it holds, when it was
 * made, and the size and SHA-256 of every other member. Canonical JSON.
 *
 * <p>Nobody signs the manifest. A verifier trusts none of it: it re-derives every fact from the
 * members and the log's signature, and reports any difference as a failure, so that a bundle edited
 * after it was made (even harmlessly) is noticed.
 *
 * @param format always {@link ExportLayout#FORMAT}
 * @param origin the log's origin, as in the checkpoint
 * @param treeSize the checkpoint's tree size
 * @param rootHash the checkpoint's root hash
 * @param scope what the export covers
 * @param createdAt when the export was written, to the millisecond
 * @param entries number of lines of {@code entries.jsonl}
 * @param proofs number of inclusion proofs in {@code proofs/}
 * @param disclosures number of lines of {@code disclosures.jsonl}
 * @param members every member but the manifest, in the order of the ZIP
 */
public record Manifest(
    String format,
    String origin,
    long treeSize,
    Hash rootHash,
    ExportScope scope,
    Instant createdAt,
    long entries,
    long proofs,
    long disclosures,
    List<Member> members) {

  /**
   * One member as written.
   *
   * @param name its name in the ZIP
   * @param bytes its size, uncompressed
   * @param sha256 SHA-256 of its uncompressed bytes
   */
  public record Member(String name, long bytes, Hash sha256) {
    /** Rejects nulls and negative sizes. */
    public Member {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (bytes < 0) {
        throw new IllegalArgumentException("size must not be negative, got " + bytes);
      }
    }
  }

  /** Copies the list; truncates the time to the millisecond. */
  public Manifest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(scope, "scope");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    members = List.copyOf(members);
  }

  private static final Set<String> FIELDS =
      Set.of(
          "checkpoint",
          "createdAt",
          "disclosures",
          "entries",
          "format",
          "members",
          "proofs",
          "scope");
  private static final Set<String> CHECKPOINT_FIELDS = Set.of("origin", "rootHash", "treeSize");
  private static final Set<String> MEMBER_FIELDS = Set.of("bytes", "name", "sha256");

  /** The canonical JSON of this manifest. */
  public byte[] toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode cp = root.putObject("checkpoint");
    cp.put("origin", origin);
    cp.put("rootHash", rootHash.base64());
    cp.put("treeSize", treeSize);
    root.put("createdAt", Timestamps.millis(createdAt));
    root.put("disclosures", disclosures);
    root.put("entries", entries);
    root.put("format", format);
    ArrayNode ms = root.putArray("members");
    for (Member m : members) {
      ms.addObject().put("bytes", m.bytes()).put("name", m.name()).put("sha256", m.sha256().hex());
    }
    root.put("proofs", proofs);
    ObjectNode s = root.putObject("scope");
    s.put("kind", scope.kind().wire());
    switch (scope.kind()) {
      case RANGE:
        s.put("start", scope.start());
        s.put("end", scope.end());
        break;
      case SUBJECT:
        s.put("subject", scope.subject());
        break;
      default:
        break;
    }
    return CanonicalJson.canonicalize(root);
  }

  /**
   * Reads a manifest, strictly: canonical JSON with exactly the fields above, and the format
   * identifier of this version.
   */
  public static Manifest parse(byte[] json) throws ExportFormatException {
    JsonNode root;
    try {
      CanonicalJson.requireCanonical(json);
      root = CanonicalJson.parse(json);
    } catch (JsonParseException | NotCanonicalException e) {
      throw new ExportFormatException(ExportLayout.MANIFEST + ": " + e.getMessage(), e);
    }
    requireFields(root, "", FIELDS);
    String format = text(root, "", "format");
    if (!format.equals(ExportLayout.FORMAT)) {
      throw problem(
          "/format",
          "is "
              + ExportLayout.quote(format)
              + "; this verifier reads "
              + ExportLayout.FORMAT
              + " (a newer verifier may read this export)");
    }
    JsonNode cp = root.get("checkpoint");
    requireFields(cp, "/checkpoint", CHECKPOINT_FIELDS);
    String origin = text(cp, "/checkpoint", "origin");
    long treeSize = count(cp, "/checkpoint", "treeSize");
    Hash rootHash;
    try {
      rootHash = Hash.fromBase64(text(cp, "/checkpoint", "rootHash"));
    } catch (ParseException e) {
      throw problem("/checkpoint/rootHash", e.getMessage());
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(text(root, "", "createdAt"));
    } catch (DateTimeParseException e) {
      throw problem("/createdAt", "is not an RFC 3339 time: " + e.getMessage());
    }
    ExportScope scope = scope(root.get("scope"));
    JsonNode ms = root.get("members");
    if (!ms.isArray()) {
      throw problem("/members", "must be an array");
    }
    if (ms.size() > ExportLayout.MAX_MEMBERS) {
      throw problem("/members", "lists more than " + ExportLayout.MAX_MEMBERS + " members");
    }
    List<Member> members = new ArrayList<>(ms.size());
    for (int i = 0; i < ms.size(); i++) {
      String at = "/members/" + i;
      JsonNode m = ms.get(i);
      requireFields(m, at, MEMBER_FIELDS);
      Hash sha;
      try {
        sha = Hash.fromHex(text(m, at, "sha256"));
      } catch (ParseException e) {
        throw problem(at + "/sha256", e.getMessage());
      }
      members.add(new Member(text(m, at, "name"), count(m, at, "bytes"), sha));
    }
    return new Manifest(
        format,
        origin,
        treeSize,
        rootHash,
        scope,
        createdAt,
        count(root, "", "entries"),
        count(root, "", "proofs"),
        count(root, "", "disclosures"),
        members);
  }

  private static ExportScope scope(JsonNode s) throws ExportFormatException {
    if (s == null || !s.isObject()) {
      throw problem("/scope", "must be an object");
    }
    String kind = text(s, "/scope", "kind");
    try {
      switch (kind) {
        case "ledger":
          requireFields(s, "/scope", Set.of("kind"));
          return ExportScope.ledger();
        case "range":
          requireFields(s, "/scope", Set.of("kind", "start", "end"));
          return ExportScope.range(count(s, "/scope", "start"), count(s, "/scope", "end"));
        case "subject":
          requireFields(s, "/scope", Set.of("kind", "subject"));
          return ExportScope.subject(text(s, "/scope", "subject"));
        default:
          throw problem(
              "/scope/kind",
              "is " + ExportLayout.quote(kind) + "; expected ledger, range or subject");
      }
    } catch (IllegalArgumentException e) {
      throw problem("/scope", e.getMessage());
    }
  }

  private static void requireFields(JsonNode n, String at, Set<String> fields)
      throws ExportFormatException {
    if (n == null || !n.isObject()) {
      throw problem(at.isEmpty() ? "(document)" : at, "must be a JSON object");
    }
    Set<String> missing = new TreeSet<>(fields);
    for (String name : n.propertyNames()) {
      if (!fields.contains(name)) {
        throw problem(at + "/" + name, "is not a field of the manifest");
      }
      missing.remove(name);
    }
    if (!missing.isEmpty()) {
      throw problem(at + "/" + missing.iterator().next(), "is missing");
    }
  }

  private static String text(JsonNode n, String at, String name) throws ExportFormatException {
    JsonNode v = n.get(name);
    if (!v.isString()) {
      throw problem(at + "/" + name, "must be a string");
    }
    return v.stringValue();
  }

  private static long count(JsonNode n, String at, String name) throws ExportFormatException {
    JsonNode v = n.get(name);
    if (!v.isIntegralNumber() || v.longValue() < 0) {
      throw problem(at + "/" + name, "must be a whole number, 0 or more");
    }
    return v.longValue();
  }

  private static ExportFormatException problem(String at, String what) {
    return new ExportFormatException(ExportLayout.MANIFEST + ": " + at + ": " + what);
  }
}
