package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.note.NoteVerifierKey;
import id.saksi.verifier.db.LogKeyChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rotations of the log's key as the operator publishes them (SECURITY.md, "The log's key"): a
 * folder with, for each rotation at tree size N, the transition note {@code log-transition-N.note}
 * and the retired verifier key {@code log.vkey.before-N}, and the key in force as {@code log.vkey},
 * the files {@code rotate-log-key} writes. Read for {@code check-receipts}, which has no database
 * to find them in; nothing here is trusted until {@link LogKeyChain} has checked it.
 */
final class PublishedRotations {
  private static final Pattern NOTE = Pattern.compile("log-transition-(\\d{1,19})\\.note");
  private static final Pattern BEFORE = Pattern.compile("log\\.vkey\\.before-(\\d{1,19})");

  /** The recorded rotations and the transition notes themselves (which carry trust forwards). */
  record Published(List<LogKeyChain.Rotation> rotations, List<byte[]> notes) {}

  private PublishedRotations() {}

  /**
   * Reads the folder {@code dir}, or a single transition note file (which names no keys: it then
   * only carries trust forwards from a retired key to keys found elsewhere).
   *
   * @param given the key given with --log-key, the key after the last rotation when the folder has
   *     no {@code log.vkey}
   */
  static Published read(Path dir, NoteVerifierKey given) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new Published(List.of(), List.of(Main.readSmall(dir)));
    }
    Map<Long, byte[]> notes = new TreeMap<>();
    Map<Long, String> before = new TreeMap<>();
    String current = null;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        Matcher n = NOTE.matcher(name);
        Matcher b = BEFORE.matcher(name);
        if (n.matches()) {
          notes.put(Long.parseLong(n.group(1)), Main.readSmall(f));
        } else if (b.matches()) {
          before.put(Long.parseLong(b.group(1)), new String(Main.readSmall(f), UTF_8).strip());
        } else if (name.equals("log.vkey")) {
          current = new String(Main.readSmall(f), UTF_8).strip();
        }
      }
    }
    List<LogKeyChain.Rotation> rotations = new ArrayList<>();
    List<Long> sizes = new ArrayList<>(notes.keySet());
    for (int i = 0; i < sizes.size(); i++) {
      long size = sizes.get(i);
      String old = before.get(size);
      if (old == null) {
        continue; // a note without its retired key: it can still carry trust forwards
      }
      String next =
          i + 1 < sizes.size() && before.containsKey(sizes.get(i + 1))
              ? before.get(sizes.get(i + 1))
              : current != null ? current : given.encode();
      rotations.add(new LogKeyChain.Rotation(size, old, next, notes.get(size)));
    }
    return new Published(rotations, new ArrayList<>(notes.values()));
  }
}
