package id.saksi.core.export;

import id.saksi.core.entry.Entry;
import id.saksi.core.note.SignedNotes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and limits of an export bundle (docs/export.md, "Members"): what a writer may put in
 * the ZIP and what a reader accepts. Every limit is far above what an honest export of its kind
 * needs and low enough that a hostile bundle cannot exhaust memory or time.
 */
public final class ExportLayout {
  /** The format identifier in the manifest; a reader refuses any other. */
  public static final String FORMAT = "saksi-export@v1";

  /** Plain-language instructions for a court clerk, in Bahasa Indonesia and English. */
  public static final String README = "README.txt";

  /** What the bundle holds, with the size and SHA-256 of every other member. */
  public static final String MANIFEST = "manifest.json";

  /** The log's signed checkpoint that the entries are proved against. */
  public static final String CHECKPOINT = "checkpoint";

  /** The log's verifier key, for reference only: a verifier uses the key it is given. */
  public static final String LOG_KEY = "log.vkey";

  /** The entries, one leaf per line, each followed by LF. */
  public static final String ENTRIES = "entries.jsonl";

  /** For a range export: what places a contiguous range of entries in the signed tree. */
  public static final String RANGE_PROOF = "range-proof";

  /** Optional personal-data disclosures, one line per entry that has some. */
  public static final String DISCLOSURES = "disclosures.jsonl";

  /** The folder of inclusion proofs, one per entry not covered by a range proof. */
  public static final String PROOFS_DIR = "proofs/";

  /** File name suffix of an inclusion proof in {@link #PROOFS_DIR}. */
  public static final String PROOF_SUFFIX = ".tlog-proof";

  /** Most members a bundle may have: the fixed ones plus one inclusion proof per entry. */
  public static final int MAX_MEMBERS = 100_000;

  /** Largest inflated size of any member, over its compressed size. */
  public static final int MAX_RATIO = 100;

  /** Bytes a member may always inflate to, whatever its ratio: small members compress badly. */
  public static final long RATIO_ALLOWANCE = 1 << 20;

  /** Longest line of {@link #DISCLOSURES}. */
  public static final int MAX_DISCLOSURE_LINE = 1 << 20;

  /** Largest {@link #ENTRIES} or {@link #DISCLOSURES} member: 1 TiB. */
  public static final long MAX_STREAM_BYTES = 1L << 40;

  private static final Pattern PROOF_NAME =
      Pattern.compile("proofs/(0|[1-9][0-9]{0,17})\\.tlog-proof");

  private static final List<String> FIXED =
      List.of(README, MANIFEST, CHECKPOINT, LOG_KEY, ENTRIES, RANGE_PROOF, DISCLOSURES);

  private ExportLayout() {}

  /** The members every bundle has. */
  public static List<String> required() {
    return List.of(README, MANIFEST, CHECKPOINT, LOG_KEY, ENTRIES);
  }

  /** The name of the inclusion proof of entry {@code index}. */
  public static String proofName(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    return PROOFS_DIR + index + PROOF_SUFFIX;
  }

  /** The entry index an inclusion proof's name gives, if {@code name} is one. */
  public static Optional<Long> proofIndex(String name) {
    Matcher m = PROOF_NAME.matcher(name);
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** Largest size of member {@code name}, which must be a known name. */
  public static long maxBytes(String name) {
    switch (name) {
      case README:
        return 64 * 1024;
      case MANIFEST:
        return 32 << 20;
      case CHECKPOINT:
        return SignedNotes.MAX_NOTE_BYTES;
      case LOG_KEY:
        return 1024;
      case RANGE_PROOF:
        return 16 * 1024;
      case ENTRIES:
      case DISCLOSURES:
        return MAX_STREAM_BYTES;
      default:
        if (proofIndex(name).isPresent()) {
          return SignedNotes.MAX_NOTE_BYTES + 8 * 1024;
        }
        throw new IllegalArgumentException("not a member name: " + name);
    }
  }

  /** Longest line of a line-based member. */
  static int maxLine(String name) {
    return name.equals(ENTRIES) ? Entry.MAX_BYTES : MAX_DISCLOSURE_LINE;
  }

  /**
   * Checks a member name read from a ZIP: it must be one of the format's names, and the message
   * says why if not (so that a path attack reads as one, not as an unknown file).
   */
  static void checkName(String name) throws UnsafeMemberNameException {
    if (name.isEmpty()) {
      throw new UnsafeMemberNameException(name, "has an empty name");
    }
    if (name.length() > 255) {
      throw new UnsafeMemberNameException(name, "has a name longer than 255 characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new UnsafeMemberNameException(name, "has a control character in its name");
      }
    }
    if (name.indexOf('\\') >= 0) {
      throw new UnsafeMemberNameException(name, "has a backslash in its name");
    }
    if (name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':')) {
      throw new UnsafeMemberNameException(name, "is an absolute path");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        throw new UnsafeMemberNameException(name, "climbs out of the export with '..'");
      }
    }
    if (!FIXED.contains(name) && proofIndex(name).isEmpty() && !name.equals(PROOFS_DIR)) {
      throw new UnsafeMemberNameException(
          name,
          "is not a member of a Saksi export (members: "
              + String.join(", ", FIXED)
              + ", "
              + PROOFS_DIR
              + "<index>"
              + PROOF_SUFFIX
              + ")");
    }
  }

  /** A name in quotes, with anything unprintable escaped, for messages. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    int n = Math.min(s.length(), 120);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > n) {
      sb.append("...");
    }
    return sb.append('"').toString();
  }
}
