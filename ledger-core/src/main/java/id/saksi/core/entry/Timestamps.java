package id.saksi.core.entry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one spelling of a ledger time: RFC 3339, UTC, exactly three fraction digits, "Z". */
public final class Timestamps {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Formats {@code t}, truncated to the millisecond, e.g. {@code 2024-10-01T08:00:00.000Z}. */
  public static String millis(Instant t) {
    return MILLIS.format(t);
  }
}
