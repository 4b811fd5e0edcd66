package id.saksi.core.export;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * The inflated bytes of one member, read with the hostile-input defences: a size limit, a bound on
 * the ratio of inflated to compressed bytes (zip bombs), and, at the end, the size and CRC-32 that
 * the ZIP's central directory declares. It also computes the member's SHA-256 for the manifest
 * check. Not thread-safe.
 */
final class MemberInput implements AutoCloseable {
  private final String name;
  private final InputStream in;
  private final long limit;
  private final long ratioLimit;
  private final long compressed;
  private final long declaredSize;
  private final long declaredCrc;
  private final MessageDigest sha256 = Hashing.newSha256();
  private final CRC32 crc = new CRC32();
  private final Consumer<Manifest.Member> onEnd;
  private long count;
  private boolean ended;

  MemberInput(ZipEntry entry, InputStream in, long limit, Consumer<Manifest.Member> onEnd) {
    this.name = entry.getName();
    this.in = in;
    this.limit = limit;
    this.compressed = Math.max(0, entry.getCompressedSize());
    this.ratioLimit =
        Math.max(ExportLayout.RATIO_ALLOWANCE, multiplyCapped(compressed, ExportLayout.MAX_RATIO));
    this.declaredSize = entry.getSize();
    this.declaredCrc = entry.getCrc();
    this.onEnd = onEnd;
  }

  /**
   * The bytes of a stream that is not a ZIP member, such as a ledger's leaves read from its
   * database: only the size limit applies.
   */
  MemberInput(String name, InputStream in, long limit) {
    this.name = name;
    this.in = in;
    this.limit = limit;
    this.compressed = 0;
    this.ratioLimit = Long.MAX_VALUE;
    this.declaredSize = -1;
    this.declaredCrc = -1;
    this.onEnd = m -> {};
  }

  private static long multiplyCapped(long a, long b) {
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  String name() {
    return name;
  }

  /** Reads up to {@code len} bytes; -1 at the end, after checking size and CRC. */
  int read(byte[] buf, int off, int len) throws IOException, ExportFormatException {
    if (ended) {
      return -1;
    }
    int n;
    try {
      n = in.read(buf, off, len);
    } catch (ZipException | EOFException e) {
      // A damaged local header or deflate stream is the bundle's fault, not the disk's: refuse it
      // as a damaged bundle, as the size and CRC checks below do.
      throw new ExportFormatException(
          name + ": the ZIP data is damaged (" + e.getMessage() + ")", e);
    }
    if (n < 0) {
      end();
      return -1;
    }
    count += n;
    if (count > limit) {
      throw new MemberTooLargeException(name, "the member", limit);
    }
    if (count > ratioLimit) {
      throw new CompressionRatioException(name, compressed, ratioLimit);
    }
    sha256.update(buf, off, n);
    crc.update(buf, off, n);
    return n;
  }

  /** Reads the whole member; for the small ones. */
  byte[] readAll() throws IOException, ExportFormatException {
    byte[] buf = new byte[(int) Math.min(Math.max(declaredSize, 0) + 1, 64 * 1024)];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(buf.length);
    int n;
    while ((n = read(buf, 0, buf.length)) >= 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private void end() throws ExportFormatException {
    ended = true;
    if (declaredSize >= 0 && declaredSize != count) {
      throw new ExportFormatException(
          name
              + ": the ZIP declares "
              + declaredSize
              + " bytes but the member inflates to "
              + count
              + " (a damaged file)");
    }
    if (declaredCrc >= 0 && declaredCrc != crc.getValue()) {
      throw new ExportFormatException(
          name + ": the CRC-32 of the inflated bytes does not match the ZIP's (a damaged file)");
    }
    onEnd.accept(new Manifest.Member(name, count, Hash.of(sha256.digest())));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
