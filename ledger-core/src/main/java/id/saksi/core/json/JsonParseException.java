package id.saksi.core.json;

import id.saksi.core.ParseException;

/**
 * Bytes that are not strict JSON (RFC 8259 within the I-JSON limits that RFC 8785 requires), with
 * where and what.
 *
 * <p>The message reads {@code <problem> at line L, column C (byte B)}. Lines are counted from 1 and
 * end at each LF; columns are counted from 1 in Unicode characters (code points), not bytes; the
 * byte offset is counted from 0. The position is where the reader noticed the problem: the first
 * byte of a bad UTF-8 sequence, a duplicate key or a bad number, and otherwise the character at
 * which the input stopped making sense.
 */
public final class JsonParseException extends ParseException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final long byteOffset;
  private final long line;
  private final long column;

  JsonParseException(String problem, long byteOffset, long line, long column) {
    super(problem + " at line " + line + ", column " + column + " (byte " + byteOffset + ")");
    this.problem = problem;
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
  }

  /** What was wrong, in plain words, without the position. */
  public String problem() {
    return problem;
  }

  /** Offset of the offending byte, counted from 0. */
  public long byteOffset() {
    return byteOffset;
  }

  /** Line of the offending byte, counted from 1; lines end at LF. */
  public long line() {
    return line;
  }

  /** Column of the offending byte, counted from 1 in code points. */
  public long column() {
    return column;
  }
}
