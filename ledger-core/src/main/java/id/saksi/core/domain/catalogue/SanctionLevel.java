package id.saksi.core.domain.catalogue;

/**
 * A level of sanction within a track, such as {@code SEDANG} (medium) in PP 94/2021 Pasal 8.
 *
 * @param code its code
 * @param track the track it belongs to
 * @param name its name
 * @param rank its severity within the track, 1 the lightest
 * @param examinationTeamRequired whether the examination before it must be by a team
 * @param source the regulation
 * @param ref how rejections cite this entry
 */
public record SanctionLevel(
    String code,
    String track,
    String name,
    int rank,
    boolean examinationTeamRequired,
    String source,
    String ref) {}
