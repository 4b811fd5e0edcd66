package id.saksi.core.domain;

import id.saksi.core.domain.validation.AgencyCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The records of one aggregate, in ledger order: each one's position, record type and signing
 * agency. References between records ("amends 17", "corrects 42", "appeals the decision at 88") are
 * checked against it, and it is what an export of one aggregate lists.
 *
 * <p>Immutable and compact (three parallel arrays), since every open case holds one.
 */
public final class RecordLog {
  /** The log of an aggregate with no records. */
  public static final RecordLog EMPTY =
      new RecordLog(new long[0], new String[0], new AgencyCode[0]);

  private final long[] positions;
  private final String[] types;
  private final AgencyCode[] authors;

  private RecordLog(long[] positions, String[] types, AgencyCode[] authors) {
    this.positions = positions;
    this.types = types;
    this.authors = authors;
  }

  /** One record of the log. */
  public record Entry(Position position, String type, AgencyCode author) {}

  /**
   * This log with one more record.
   *
   * @throws IllegalArgumentException if {@code position} is not after the last one: records are
   *     appended in ledger order, so anything else is a bug in the caller
   */
  public RecordLog append(Position position, String type, AgencyCode author) {
    int n = positions.length;
    if (n > 0 && position.value() <= positions[n - 1]) {
      throw new IllegalArgumentException(
          "position " + position + " is not after the last record at " + positions[n - 1]);
    }
    long[] p = Arrays.copyOf(positions, n + 1);
    String[] t = Arrays.copyOf(types, n + 1);
    AgencyCode[] a = Arrays.copyOf(authors, n + 1);
    p[n] = position.value();
    t[n] = type;
    a[n] = author;
    return new RecordLog(p, t, a);
  }

  /** The record at {@code position}, if it belongs to this aggregate. */
  public Optional<Entry> find(Position position) {
    int i = Arrays.binarySearch(positions, position.value());
    return i < 0 ? Optional.empty() : Optional.of(entry(i));
  }

  /** The first record, if any. */
  public Optional<Entry> first() {
    return positions.length == 0 ? Optional.empty() : Optional.of(entry(0));
  }

  /** The most recent record of {@code type}, if any. */
  public Optional<Entry> last(String type) {
    for (int i = positions.length - 1; i >= 0; i--) {
      if (types[i].equals(type)) {
        return Optional.of(entry(i));
      }
    }
    return Optional.empty();
  }

  /** How many records. */
  public int size() {
    return positions.length;
  }

  /** All records, in order. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>(positions.length);
    for (int i = 0; i < positions.length; i++) {
      out.add(entry(i));
    }
    return Collections.unmodifiableList(out);
  }

  private Entry entry(int i) {
    return new Entry(new Position(positions[i]), types[i], authors[i]);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordLog)) {
      return false;
    }
    RecordLog other = (RecordLog) o;
    return Arrays.equals(positions, other.positions)
        && Arrays.equals(types, other.types)
        && Arrays.equals(authors, other.authors);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(positions);
  }

  @Override
  public String toString() {
    return entries().toString();
  }
}
