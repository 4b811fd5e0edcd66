package id.saksi.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a line-based member ({@code entries.jsonl}, {@code disclosures.jsonl}), streamed:
 * each line's bytes without its LF, bounded in length. A line longer than the member allows stops
 * the reading with {@link MemberTooLargeException}; a last line without its LF is returned and
 * flagged, since for the entries that is a finding about the entry, not about the ZIP. Not
 * thread-safe; one reader per thread.
 */
public final class LineReader implements AutoCloseable {
  /** One line: its bytes without the LF, its number from 1, and whether an LF ended it. */
  public record Line(byte[] bytes, long number, boolean terminated) {}

  private final MemberInput in;
  private final int maxLine;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private long number;

  LineReader(MemberInput in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /**
   * The lines of entries from a stream that is not a bundle (a ledger's leaves read from its
   * database, each followed by LF), with the same bound on a line as {@code entries.jsonl}.
   *
   * @param name what the stream is, for messages
   */
  public static LineReader ofEntries(String name, InputStream in) {
    return new LineReader(
        new MemberInput(name, in, Long.MAX_VALUE), ExportLayout.maxLine(ExportLayout.ENTRIES));
  }

  /** The member's name. */
  public String member() {
    return in.name();
  }

  /** The next line, or {@code null} after the last. */
  public Line next() throws IOException, ExportFormatException {
    byte[] pending = null;
    int pendingLength = 0;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (pending == null) {
            return null;
          }
          return new Line(Arrays.copyOf(pending, pendingLength), ++number, false);
        }
      }
      int start = pos;
      int end = start;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      int chunk = end - start;
      if ((long) pendingLength + chunk > maxLine) {
        throw new MemberTooLargeException(in.name(), "line " + (number + 1), maxLine);
      }
      if (end < limit && pending == null) {
        pos = end + 1;
        return new Line(Arrays.copyOfRange(buf, start, end), ++number, true);
      }
      if (pending == null) {
        pending = new byte[Math.max(chunk * 2, 256)];
      } else if (pending.length < pendingLength + chunk) {
        pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + chunk));
      }
      System.arraycopy(buf, start, pending, pendingLength, chunk);
      pendingLength += chunk;
      if (end < limit) {
        pos = end + 1;
        return new Line(Arrays.copyOf(pending, pendingLength), ++number, true);
      }
      pos = limit;
    }
  }

  private boolean fill() throws IOException, ExportFormatException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      pos = 0;
      limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Number of lines returned so far. */
  public long lineCount() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
