/**
 * The regulatory catalogue as data: violation forms, tracks, sanction levels and forms, deadlines,
 * recommending authorities by period, elections and the holiday calendar, each entry with its
 * source. Versioned, replaceable by the operator, adopted into the ledger by a registrar-signed
 * record; a correction is a new version.
 */
package id.saksi.core.domain.catalogue;
