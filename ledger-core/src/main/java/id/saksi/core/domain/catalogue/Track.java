package id.saksi.core.domain.catalogue;

/**
 * A legal track a proven violation follows: code of ethics, discipline, or statutory dismissal.
 *
 * @param code its code, such as {@code DISCIPLINE}
 * @param name its name
 * @param examinationRequired whether a sanction on this track needs an examination first
 * @param source the regulation
 * @param ref how rejections cite this entry
 */
public record Track(
    String code, String name, boolean examinationRequired, String source, String ref) {}
