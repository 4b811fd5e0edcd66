/**
 * Values that clerks type and the checks that explain, part by part, what is wrong with them: NIP,
 * NIK, dates, letter numbers and agency codes.
 */
package id.saksi.core.domain.validation;
