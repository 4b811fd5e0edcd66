package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.verify.ReceiptFiles;
import id.saksi.core.verify.UnusableInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The file where the client keeps the receipts it received: signed receipt notes one after the
 * other, separated by blank lines, the format {@link ReceiptFiles} reads (docs/export.md, "Receipts
 * file"), so the verifier's {@code check-receipts} and this client's {@code check} read it. A
 * receipt already in the file is not written again, so resubmitting a file keeps one copy.
 */
public final class ReceiptsFile {
  private final Path path;
  private final Set<String> known = new HashSet<>();

  private ReceiptsFile(Path path) {
    this.path = path;
  }

  /** Opens {@code path}, reading the receipts it already holds; it need not exist. */
  public static ReceiptsFile open(Path path) throws IOException, InputFormatException {
    ReceiptsFile f = new ReceiptsFile(path);
    if (Files.exists(path) && Files.size(path) > 0) {
      try {
        for (ReceiptFiles.Note n : ReceiptFiles.read(path)) {
          f.known.add(new String(n.bytes(), UTF_8));
        }
      } catch (UnusableInputException e) {
        throw new InputFormatException(
            path.toString(), "is not a receipts file: " + e.getMessage(), e);
      }
    }
    return f;
  }

  /**
   * Appends {@code note} and forces it to disk, unless the file holds it already.
   *
   * @return whether it was appended
   */
  public boolean append(byte[] note) throws IOException {
    return appendAll(List.of(note)) == 1;
  }

  /**
   * Appends the notes the file does not hold yet, in order, and forces them to disk once.
   *
   * @return how many were appended
   */
  public int appendAll(List<byte[]> notes) throws IOException {
    StringBuilder records = new StringBuilder();
    Set<String> added = new LinkedHashSet<>();
    for (byte[] note : notes) {
      String text = new String(note, UTF_8);
      if (known.contains(text) || !added.add(text)) {
        continue;
      }
      records.append(text).append(text.endsWith("\n") ? "\n" : "\n\n");
    }
    if (added.isEmpty()) {
      return 0;
    }
    try (FileChannel ch =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(records.toString().getBytes(UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    known.addAll(added);
    return added.size();
  }

  /** Where the receipts are kept. */
  public Path path() {
    return path;
  }
}
