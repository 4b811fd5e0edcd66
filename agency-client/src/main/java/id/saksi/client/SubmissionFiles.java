package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads submissions from the files the client writes and sends: one submission JSON, or a batch
 * file of NDJSON (one submission per line; blank lines skipped) or CSV ({@link SubmissionCsv}),
 * told apart by the name's ending ({@code .csv}; anything else is read as JSON lines).
 */
public final class SubmissionFiles {
  /** Largest single submission file read: a largest statement with 64 disclosures. */
  public static final int MAX_SUBMISSION_BYTES = 4 << 20;

  /**
   * One submission of a batch file.
   *
   * @param where the file and line (or row) it was read from
   * @param submission the submission
   */
  public record Item(String where, SignedSubmission submission) {}

  /** Reads a batch file's submissions one at a time, in order. */
  public static final class BatchReader implements Closeable {
    private final Path file;
    private final BufferedReader reader;
    private final SubmissionCsv.Rows csv;
    private int line;

    private BatchReader(Path file) throws IOException, InputFormatException {
      this.file = file;
      this.reader =
          new BufferedReader(
              new InputStreamReader(
                  Files.newInputStream(file),
                  UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)));
      SubmissionCsv.Rows rows = null;
      if (isCsv(file)) {
        try {
          rows = new SubmissionCsv.Rows(reader, file.toString());
        } catch (CharacterCodingException e) {
          reader.close();
          throw new InputFormatException(file.toString(), "is not UTF-8 text", e);
        } catch (IOException | InputFormatException | RuntimeException e) {
          reader.close();
          throw e;
        }
      }
      this.csv = rows;
    }

    /** The next submission, or null after the last. */
    public Item next() throws IOException, InputFormatException {
      try {
        if (csv != null) {
          return csv.next();
        }
        String text;
        while ((text = reader.readLine()) != null) {
          line++;
          if (text.isBlank()) {
            continue;
          }
          String where = file + " line " + line;
          return new Item(where, SignedSubmission.parse(text.getBytes(UTF_8), where));
        }
        return null;
      } catch (CharacterCodingException e) {
        throw new InputFormatException(file.toString(), "is not UTF-8 text", e);
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private SubmissionFiles() {}

  /** Reads the one submission in {@code file}. */
  public static SignedSubmission readOne(Path file) throws IOException, InputFormatException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_SUBMISSION_BYTES + 1);
    }
    if (bytes.length > MAX_SUBMISSION_BYTES) {
      throw new InputFormatException(
          file.toString(), "is larger than " + MAX_SUBMISSION_BYTES + " bytes: not a submission");
    }
    return SignedSubmission.parse(bytes, file.toString());
  }

  /** True if {@code file} is read as CSV. */
  public static boolean isCsv(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** Opens a batch file. */
  public static BatchReader openBatch(Path file) throws IOException, InputFormatException {
    return new BatchReader(file);
  }
}
