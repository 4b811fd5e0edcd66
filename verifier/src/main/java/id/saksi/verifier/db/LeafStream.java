package id.saksi.verifier.db;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The leaves of {@code ledger_entry} as the bytes of an {@code entries.jsonl}: each row's {@code
 * leaf} followed by LF, pulled from an open cursor as the reader asks, so that a ledger of any
 * length is read in constant memory. The verifier parses the lines; nothing here is trusted.
 */
final class LeafStream extends InputStream {
  private final ResultSet rows;
  private byte[] current = new byte[0];
  // Past the end of the (empty) current row and its LF: the first read advances.
  private int position = 1;
  private boolean ended;
  private long rowsRead;

  /** Reads column 1 ({@code leaf}, bytea) of {@code rows}, which the caller closes. */
  LeafStream(ResultSet rows) {
    this.rows = rows;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (position == current.length + 1) {
      if (ended || !advance()) {
        return -1;
      }
    }
    int n = 0;
    while (n < len && position <= current.length) {
      if (position == current.length) {
        buf[off + n++] = '\n';
        position++;
        break;
      }
      int chunk = Math.min(len - n, current.length - position);
      System.arraycopy(current, position, buf, off + n, chunk);
      position += chunk;
      n += chunk;
    }
    return n;
  }

  private boolean advance() throws IOException {
    try {
      if (!rows.next()) {
        ended = true;
        return false;
      }
      byte[] leaf = rows.getBytes(1);
      current = leaf == null ? new byte[0] : leaf;
      position = 0;
      rowsRead++;
      return true;
    } catch (SQLException e) {
      throw new IOException("reading ledger_entry failed: " + e.getMessage(), e);
    }
  }

  /** Rows read so far. */
  long rowsRead() {
    return rowsRead;
  }
}
