package id.saksi.core.json;

import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * A JSON document read strictly and found to be exactly canonical: its tree, and the bytes of each
 * member of its top-level object.
 *
 * <p>The bytes of a member's value are the canonical form of that value on its own: RFC 8785 writes
 * a value inside an object exactly as it writes it alone (no white space, members sorted, the same
 * string and number spellings at every depth), and the document's bytes were found equal to the
 * canonical writer's output, in which the writer marked where each value starts and ends. So a
 * signed member can be checked against its bytes in the document without writing it again.
 *
 * <p>The tree is the caller's to keep; it is not copied. Nor are the bytes the document was read
 * from: it is meant to be used at once, while the caller holds them unchanged.
 */
public final class CanonicalDocument {
  private final byte[] bytes;
  private final JsonNode tree;
  private final String[] keys;
  private final int[] starts;
  private final int[] ends;

  CanonicalDocument(byte[] bytes, JsonNode tree, CanonicalWriter written) {
    this.bytes = bytes;
    this.tree = tree;
    this.keys = written.topKeys();
    int n = keys == null ? 0 : keys.length;
    this.starts = new int[n];
    this.ends = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = written.topStart(i);
      ends[i] = written.topEnd(i);
    }
  }

  /** The tree read from the bytes, not a copy. */
  public JsonNode tree() {
    return tree;
  }

  /**
   * A copy of the canonical bytes of the value of the top-level member {@code name}.
   *
   * @throws IllegalArgumentException if the document is not an object or has no such member: the
   *     caller checks the tree's fields first, so this is a bug
   */
  public byte[] memberBytes(String name) {
    if (keys != null) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(name)) {
          return Arrays.copyOfRange(bytes, starts[i], ends[i]);
        }
      }
    }
    throw new IllegalArgumentException("the document has no top-level member " + name);
  }
}
