package id.saksi.core.crypto;

import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates secret files: owner-only from the first byte, complete or absent, never replacing. */
final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  private KeyFiles() {}

  /**
   * Creates {@code target} holding {@code content}.
   *
   * <p>The content goes to a temporary file in the same directory, created with mode rw------- (so
   * no other user can open it between creation and a chmod), flushed to disk, then hard-linked to
   * {@code target}. Linking fails if {@code target} exists, atomically, so an existing key is never
   * replaced; and a crash leaves either no {@code target} or a complete one (plus, at worst, a
   * stray temporary file). On a file system without hard links it falls back to a move, which
   * checks for an existing {@code target} first but not atomically.
   */
  static void createOwnerOnly(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw refuse(target);
    }
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", attributes);
    try {
      try (FileChannel channel = FileChannel.open(temp, WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.createLink(absolute, temp);
      } catch (FileAlreadyExistsException e) {
        throw refuse(target);
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.move(temp, absolute);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
  }

  private static FileAlreadyExistsException refuse(Path target) {
    return new FileAlreadyExistsException(
        target.toString(), null, "refusing to overwrite an existing key file");
  }

  /** Makes the new directory entry durable; not every platform can open a directory to sync. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the file's own content was forced above.
    }
  }
}
