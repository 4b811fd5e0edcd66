package id.saksi.core.domain.catalogue;

import java.time.LocalDate;

/**
 * An election that cases and pacts refer to.
 *
 * @param code its code, such as {@code PEMILU-2024}
 * @param kind general or regional
 * @param name its name
 * @param votingDay the voting day
 * @param source where its facts come from
 * @param ref how rejections cite this entry
 */
public record Election(
    String code, ElectionKind kind, String name, LocalDate votingDay, String source, String ref) {}
