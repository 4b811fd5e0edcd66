package id.saksi.core.testing;

import id.saksi.core.ParseException;
import id.saksi.core.export.ExportFormatException;
import id.saksi.core.export.ExportLayout;
import id.saksi.core.export.Manifest;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.SignedNote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Takes an export bundle apart and puts it back together, for tamper tests: edit the lines of
 * {@code entries.jsonl}, replace or drop a member, then write a ZIP whose manifest is updated to
 * match (as an attacker who edits a bundle would), or left as it was.
 */
public final class BundleEditor {
  private final LinkedHashMap<String, byte[]> members = new LinkedHashMap<>();

  private BundleEditor() {}

  /** The members of {@code zip}, in order. */
  public static BundleEditor of(byte[] zip) {
    BundleEditor b = new BundleEditor();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        b.members.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b;
  }

  /** An independent copy, to edit without touching this one. */
  public BundleEditor copy() {
    BundleEditor b = new BundleEditor();
    b.members.putAll(members);
    return b;
  }

  /** A member's bytes. */
  public byte[] get(String name) {
    return members.get(name).clone();
  }

  /** Sets a member's bytes (a new name goes before the manifest). */
  public BundleEditor put(String name, byte[] bytes) {
    if (!members.containsKey(name) && members.containsKey(ExportLayout.MANIFEST)) {
      byte[] manifest = members.remove(ExportLayout.MANIFEST);
      members.put(name, bytes.clone());
      members.put(ExportLayout.MANIFEST, manifest);
    } else {
      members.put(name, bytes.clone());
    }
    return this;
  }

  /** Drops a member. */
  public BundleEditor remove(String name) {
    members.remove(name);
    return this;
  }

  /** The lines of {@code entries.jsonl}, without their LFs. */
  public List<byte[]> lines() {
    byte[] all = members.get(ExportLayout.ENTRIES);
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        out.add(Arrays.copyOfRange(all, start, i));
        start = i + 1;
      }
    }
    if (start < all.length) {
      out.add(Arrays.copyOfRange(all, start, all.length));
    }
    return out;
  }

  /** Replaces {@code entries.jsonl} with these lines, each followed by LF. */
  public BundleEditor lines(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] l : lines) {
      out.writeBytes(l);
      out.write('\n');
    }
    members.put(ExportLayout.ENTRIES, out.toByteArray());
    return this;
  }

  /** The ZIP with the manifest updated to the members as they now are. */
  public byte[] zip() {
    return zip(true);
  }

  /** The ZIP; with {@code fixManifest}, the manifest lists the members as they now are. */
  public byte[] zip(boolean fixManifest) {
    Map<String, byte[]> out = new LinkedHashMap<>(members);
    if (fixManifest && members.containsKey(ExportLayout.MANIFEST)) {
      out.put(ExportLayout.MANIFEST, fixedManifest());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> m : out.entrySet()) {
        // Stored, not deflated: tests write thousands of bundles.
        ZipEntry e = new ZipEntry(m.getKey());
        e.setMethod(ZipEntry.STORED);
        e.setSize(m.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(m.getValue());
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(m.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@link #zip()} to {@code path}. */
  public Path write(Path path) {
    try {
      Files.write(path, zip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  private byte[] fixedManifest() {
    Manifest m;
    try {
      m = Manifest.parse(members.get(ExportLayout.MANIFEST));
    } catch (ExportFormatException e) {
      throw new IllegalStateException(e);
    }
    List<Manifest.Member> list = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : members.entrySet()) {
      if (!e.getKey().equals(ExportLayout.MANIFEST)) {
        list.add(
            new Manifest.Member(e.getKey(), e.getValue().length, Hashing.sha256(e.getValue())));
      }
    }
    String origin = m.origin();
    long treeSize = m.treeSize();
    id.saksi.core.hash.Hash root = m.rootHash();
    try {
      // An attacker who swaps the checkpoint makes the manifest agree with it.
      Checkpoint cp =
          Checkpoint.parse(SignedNote.parse(members.get(ExportLayout.CHECKPOINT)).text());
      origin = cp.origin();
      treeSize = cp.size();
      root = cp.rootHash();
    } catch (ParseException | RuntimeException e) {
      // Leave the manifest's values.
    }
    long proofs =
        members.keySet().stream().filter(n -> ExportLayout.proofIndex(n).isPresent()).count();
    return new Manifest(
            m.format(),
            origin,
            treeSize,
            root,
            m.scope(),
            m.createdAt(),
            lines().size(),
            proofs,
            m.disclosures(),
            list)
        .toJson();
  }
}
