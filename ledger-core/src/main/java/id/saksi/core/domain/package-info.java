/**
 * The neutrality domain's vocabulary: positions, subjects, agencies as the registry knows them,
 * person references, keys, record logs, and the strict reader of record bodies. The aggregates live
 * in sub-packages (registry, instrument, pact, caseflow), each with pure decide and evolve
 * functions; the facade is {@link id.saksi.core.domain.ledger.DomainModel}.
 */
package id.saksi.core.domain;
