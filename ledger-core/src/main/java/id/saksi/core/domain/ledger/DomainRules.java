package id.saksi.core.domain.ledger;

import id.saksi.core.domain.caseflow.CaseRules;
import id.saksi.core.domain.instrument.InstrumentRules;
import id.saksi.core.domain.pact.PactRules;
import id.saksi.core.domain.registry.RegistryRules;
import id.saksi.core.domain.rule.CommonRules;
import id.saksi.core.domain.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** Every rule of the domain; docs/domain.md's rule table lists exactly these. */
public final class DomainRules {
  private DomainRules() {}

  /** All rules, grouped by aggregate. */
  public static List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    out.addAll(CommonRules.ALL);
    out.addAll(RegistryRules.ALL);
    out.addAll(InstrumentRules.ALL);
    out.addAll(PactRules.ALL);
    out.addAll(CaseRules.ALL);
    return List.copyOf(out);
  }
}
