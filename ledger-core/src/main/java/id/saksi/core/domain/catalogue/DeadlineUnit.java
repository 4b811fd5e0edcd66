package id.saksi.core.domain.catalogue;

/** How a deadline counts. */
public enum DeadlineUnit {
  /** Calendar days. */
  DAYS,
  /** Working days: weekends, national holidays and cuti bersama are not counted. */
  WORKING_DAYS
}
