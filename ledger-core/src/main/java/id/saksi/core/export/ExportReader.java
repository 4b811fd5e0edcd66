package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.note.TlogProof;
import id.saksi.core.note.TlogProofFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an export bundle from a ZIP file, treating it as hostile (docs/export.md, "Reading a
 * bundle"): every member name must be one of the format's, once; every member is read with a size
 * limit and a bound on its compression ratio; text members must be strict UTF-8; the size and CRC
 * the ZIP declares must hold. The small members are read when the bundle is opened; the entries and
 * disclosures are streamed line by line, so a bundle of any size is read in bounded memory.
 *
 * <p>The central directory is authoritative, as for the unzip tools a clerk would use. Reading
 * checks the format only; nothing read here is trusted until a verifier has checked it. The streams
 * of different members may be read from different threads.
 */
public final class ExportReader implements Closeable {
  private final ZipFile zip;
  private final Map<String, ZipEntry> members;
  private final NavigableSet<Long> proofIndexes;
  private final Map<String, Manifest.Member> read = new ConcurrentHashMap<>();
  private final Manifest manifest;
  private final byte[] checkpoint;
  private final String logKeyText;
  private final Optional<RangeProof> rangeProof;

  private ExportReader(ZipFile zip, Map<String, ZipEntry> members, NavigableSet<Long> proofs)
      throws IOException, ExportFormatException {
    this.zip = zip;
    this.members = members;
    this.proofIndexes = proofs;
    this.manifest = Manifest.parse(readSmall(ExportLayout.MANIFEST));
    this.checkpoint = readSmall(ExportLayout.CHECKPOINT);
    this.logKeyText = text(ExportLayout.LOG_KEY, readSmall(ExportLayout.LOG_KEY));
    text(ExportLayout.README, readSmall(ExportLayout.README));
    this.rangeProof =
        members.containsKey(ExportLayout.RANGE_PROOF)
            ? Optional.of(RangeProof.parse(readSmall(ExportLayout.RANGE_PROOF)))
            : Optional.empty();
  }

  /**
   * Opens the bundle at {@code path} and reads its small members.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file
   * @throws ExportFormatException if it is not a ZIP, or not an export bundle; the subclass and
   *     message say which defence refused it
   */
  public static ExportReader open(Path path) throws IOException, ExportFormatException {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile(), UTF_8);
    } catch (ZipException e) {
      throw new ExportFormatException(
          path + " is not a ZIP file (" + e.getMessage() + "); an export is one ZIP", e);
    } catch (IllegalArgumentException e) {
      throw new ExportFormatException(path + ": a member name is not valid UTF-8", e);
    }
    try {
      Map<String, ZipEntry> members = new LinkedHashMap<>();
      NavigableSet<Long> proofs = new TreeSet<>();
      Set<String> seen = new HashSet<>();
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        String name = e.getName();
        if (members.size() >= ExportLayout.MAX_MEMBERS) {
          throw new ExportFormatException(
              path + " has more than " + ExportLayout.MAX_MEMBERS + " members");
        }
        ExportLayout.checkName(name);
        if (!seen.add(name)) {
          throw new UnsafeMemberNameException(name, "appears twice in the ZIP");
        }
        if (name.equals(ExportLayout.PROOFS_DIR)) {
          if (!e.isDirectory() || e.getSize() > 0) {
            throw new UnsafeMemberNameException(name, "must be an empty folder");
          }
          continue;
        }
        if (e.isDirectory()) {
          throw new UnsafeMemberNameException(name, "is a folder");
        }
        ExportLayout.proofIndex(name).ifPresent(proofs::add);
        members.put(name, e);
      }
      for (String required : ExportLayout.required()) {
        if (!members.containsKey(required)) {
          throw new ExportFormatException(
              path + " has no member " + required + ": it is not a Saksi export bundle");
        }
      }
      return new ExportReader(zip, members, Collections.unmodifiableNavigableSet(proofs));
    } catch (IOException | ExportFormatException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** The manifest, as written (not trusted). */
  public Manifest manifest() {
    return manifest;
  }

  /** The bytes of the {@code checkpoint} member: a signed note, not yet checked. */
  public byte[] signedCheckpoint() {
    return checkpoint.clone();
  }

  /** The text of {@code log.vkey}, without its final newline: for reference only. */
  public String logKeyText() {
    return logKeyText.endsWith("\n")
        ? logKeyText.substring(0, logKeyText.length() - 1)
        : logKeyText;
  }

  /** The range proof, if the bundle has one. */
  public Optional<RangeProof> rangeProof() {
    return rangeProof;
  }

  /** Whether the bundle has {@code disclosures.jsonl}. */
  public boolean hasDisclosures() {
    return members.containsKey(ExportLayout.DISCLOSURES);
  }

  /** The indexes of the entries the bundle has an inclusion proof for, ascending. */
  public NavigableSet<Long> proofIndexes() {
    return proofIndexes;
  }

  /** The member names, in the order of the ZIP's central directory (the proofs folder left out). */
  public List<String> memberNames() {
    return new ArrayList<>(members.keySet());
  }

  /**
   * The inclusion proof of entry {@code index}, parsed but not checked.
   *
   * @throws IllegalArgumentException if the bundle has none for {@code index}
   */
  public TlogProof inclusionProof(long index) throws IOException, ExportFormatException {
    String name = ExportLayout.proofName(index);
    if (!members.containsKey(name)) {
      throw new IllegalArgumentException("no inclusion proof of entry " + index);
    }
    try {
      return TlogProof.parse(readSmall(name));
    } catch (TlogProofFormatException e) {
      throw new ExportFormatException(name + ": " + e.getMessage(), e);
    }
  }

  /** The lines of {@code entries.jsonl}, streamed; the caller closes the reader. */
  public LineReader entries() throws IOException {
    return lines(ExportLayout.ENTRIES);
  }

  /** The lines of {@code disclosures.jsonl}, if the bundle has it; the caller closes the reader. */
  public Optional<LineReader> disclosures() throws IOException {
    return hasDisclosures() ? Optional.of(lines(ExportLayout.DISCLOSURES)) : Optional.empty();
  }

  /**
   * The size and SHA-256 of every member but the manifest, in the ZIP's order, as they really are:
   * what the manifest's member list must equal. Members not read yet are read now.
   */
  public List<Manifest.Member> actualMembers() throws IOException, ExportFormatException {
    List<Manifest.Member> out = new ArrayList<>(members.size());
    for (String name : members.keySet()) {
      if (name.equals(ExportLayout.MANIFEST)) {
        continue;
      }
      if (!read.containsKey(name)) {
        try (MemberInput in = input(name)) {
          byte[] buf = new byte[64 * 1024];
          while (in.read(buf, 0, buf.length) >= 0) {
            // Reading to the end records the member's digest.
          }
        }
      }
      out.add(read.get(name));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  private LineReader lines(String name) throws IOException {
    return new LineReader(input(name), ExportLayout.maxLine(name));
  }

  private MemberInput input(String name) throws IOException {
    ZipEntry e = members.get(name);
    return new MemberInput(
        e, zip.getInputStream(e), ExportLayout.maxBytes(name), m -> read.put(m.name(), m));
  }

  private byte[] readSmall(String name) throws IOException, ExportFormatException {
    try (MemberInput in = input(name)) {
      return in.readAll();
    }
  }

  /** Decodes strict UTF-8 with no control characters but LF (and tab in the README). */
  private static String text(String name, byte[] bytes) throws MalformedTextException {
    String s;
    try {
      s =
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedTextException(name, "is not valid UTF-8 text");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == '\uFEFF') {
        throw new MalformedTextException(
            name,
            String.format(
                java.util.Locale.ROOT,
                "has character U+%04X at position %d; only printable text and LF are allowed",
                (int) c,
                i));
      }
    }
    return s;
  }
}
