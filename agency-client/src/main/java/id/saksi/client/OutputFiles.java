package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;

/**
 * Writes signed submissions where the user asked: a new JSON file, or one more line of an NDJSON
 * file or row of a CSV file. A file created here is readable by its owner only, because the
 * disclosures beside a statement are personal data.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** How {@code file} is written, by the ending of its name. */
  enum Kind {
    JSON,
    NDJSON,
    CSV
  }

  static Kind kindOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Kind.CSV;
    }
    if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      return Kind.NDJSON;
    }
    return Kind.JSON;
  }

  /**
   * Writes {@code s} to {@code file}: a JSON file must not exist yet; NDJSON and CSV files are
   * appended to (a CSV file gets its header first when new or empty).
   *
   * @throws java.nio.file.FileAlreadyExistsException for an existing JSON file
   */
  static void write(Path file, SignedSubmission s) throws IOException {
    Kind kind = kindOf(file);
    String text;
    Set<OpenOption> options;
    if (kind == Kind.JSON) {
      text = new String(s.canonicalBytes(), UTF_8) + "\n";
      options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } else {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      text =
          kind == Kind.CSV
              ? (fresh ? SubmissionCsv.header() : "") + SubmissionCsv.row(s)
              : new String(s.canonicalBytes(), UTF_8) + "\n";
      options =
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    Path dir = file.toAbsolutePath().getParent();
    boolean posix =
        dir != null
            && Files.isDirectory(dir)
            && Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    try (FileChannel ch = FileChannel.open(file, options, attributes)) {
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }
}
