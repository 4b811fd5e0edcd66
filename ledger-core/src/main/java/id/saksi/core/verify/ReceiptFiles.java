package id.saksi.core.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the receipts an agency keeps (docs/export.md, "Receipts file"): a file of one or more
 * signed receipt notes one after the other, or a folder whose every regular file is such a file
 * (one receipt per file is the simplest case). A note ends after its signature lines, the lines
 * that begin with "— " (U+2014, space); blank lines between notes are allowed. Nothing is checked
 * here but the shape; {@code Receipts.open} checks each note.
 */
public final class ReceiptFiles {
  /** Largest receipts file read. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  /** Most receipts read in all. */
  public static final int MAX_RECEIPTS = 1_000_000;

  private static final String SIGNATURE_PREFIX = "\u2014 ";

  /** One receipt note and where it came from. */
  public record Note(String source, byte[] bytes) {}

  private ReceiptFiles() {}

  /** The receipt notes in {@code path}, a file or a folder of files, in name order. */
  public static List<Note> read(Path path) throws IOException, UnusableInputException {
    List<Note> out = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(path)) {
        for (Path p : dir) {
          if (Files.isRegularFile(p)) {
            files.add(p);
          }
        }
      }
      files.sort(null);
      for (Path p : files) {
        split(p, out);
      }
    } else {
      split(path, out);
    }
    if (out.isEmpty()) {
      throw new UnusableInputException(path + " holds no receipt");
    }
    return out;
  }

  private static void split(Path file, List<Note> out) throws IOException, UnusableInputException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new UnusableInputException(
          file + " is larger than " + MAX_FILE_BYTES + " bytes: not a receipts file");
    }
    String text = new String(bytes, UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new UnusableInputException(file + " does not end with a newline");
    }
    String[] lines = text.split("\n", -1);
    int n = lines.length - 1;
    int i = 0;
    int count = 0;
    while (i < n) {
      if (lines[i].isEmpty()) {
        i++;
        continue;
      }
      StringBuilder note = new StringBuilder();
      while (i < n && !lines[i].isEmpty()) {
        note.append(lines[i++]).append('\n');
      }
      note.append('\n');
      i++;
      int signatures = 0;
      while (i < n && lines[i].startsWith(SIGNATURE_PREFIX)) {
        note.append(lines[i++]).append('\n');
        signatures++;
      }
      count++;
      if (signatures == 0) {
        throw new UnusableInputException(
            file + ": receipt " + count + " has no signature line after its blank line");
      }
      if (out.size() >= MAX_RECEIPTS) {
        throw new UnusableInputException("more than " + MAX_RECEIPTS + " receipts");
      }
      out.add(
          new Note(
              file.getFileName() + (count > 1 ? " #" + count : ""),
              note.toString().getBytes(UTF_8)));
    }
  }
}
