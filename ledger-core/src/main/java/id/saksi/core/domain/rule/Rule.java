package id.saksi.core.domain.rule;

/**
 * One rule a record must obey: a stable id (quoted by rejections, tests and docs/domain.md), its
 * source (regulation and article, a DOMAIN.md step, or the catalogue section it reads), and what it
 * says in one sentence.
 *
 * <p>Rules whose content is catalogue data name the section here; a rejection under them cites the
 * exact catalogue entry in force.
 */
public record Rule(String id, String source, String summary) {
  @Override
  public String toString() {
    return id;
  }
}
