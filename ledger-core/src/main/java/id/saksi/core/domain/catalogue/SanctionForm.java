package id.saksi.core.domain.catalogue;

import java.util.List;

/**
 * A form of sanction at a level, such as a 25% cut of the performance allowance.
 *
 * @param code its code
 * @param level the level it belongs to
 * @param name its name
 * @param durationsMonths the durations it may have, in months; empty if it has none
 * @param appeal how it can be challenged
 * @param source the regulation
 * @param ref how rejections cite this entry
 */
public record SanctionForm(
    String code,
    String level,
    String name,
    List<Integer> durationsMonths,
    AppealRoute appeal,
    String source,
    String ref) {
  public SanctionForm {
    durationsMonths = List.copyOf(durationsMonths);
  }
}
