/**
 * Rules and their outcomes: {@link id.saksi.core.domain.rule.Rule} (id, source, summary), the
 * {@link id.saksi.core.domain.rule.Context} a ledger supplies to decide, and {@link
 * id.saksi.core.domain.rule.Decision}: events or a {@link id.saksi.core.domain.rule.Rejection}.
 */
package id.saksi.core.domain.rule;
