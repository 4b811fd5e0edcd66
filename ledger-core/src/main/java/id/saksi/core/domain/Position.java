package id.saksi.core.domain;

/**
 * A ledger position: the dense index of an entry, from 0 (genesis).
 *
 * <p>Records name earlier records by their position, key validity is an interval of positions, and
 * the catalogue in force is the one adopted at the latest position before the current one.
 */
public record Position(long value) implements Comparable<Position> {
  /** The genesis entry. */
  public static final Position GENESIS = new Position(0);

  public Position {
    if (value < 0) {
      throw new IllegalArgumentException("a position is 0 or more, got " + value);
    }
  }

  /** The position {@code value}. */
  public static Position of(long value) {
    return new Position(value);
  }

  /** Whether this position comes before {@code other}. */
  public boolean isBefore(Position other) {
    return value < other.value;
  }

  @Override
  public int compareTo(Position other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
