/**
 * The domain's facade for a ledger: {@link id.saksi.core.domain.ledger.DomainModel} reads and
 * decides one statement, {@link id.saksi.core.domain.ledger.LedgerState} replays a whole ledger,
 * {@link id.saksi.core.domain.ledger.PersonalData} checks disclosures at submission, and {@link
 * id.saksi.core.domain.ledger.DomainRules} lists every rule.
 */
package id.saksi.core.domain.ledger;
