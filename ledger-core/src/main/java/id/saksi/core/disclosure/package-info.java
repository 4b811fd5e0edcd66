/**
 * Salted commitments to personal data: SD-JWT disclosures (RFC 9901 section 4.2) and their digests.
 * Statements carry digests; disclosures travel beside them to a restricted store, and erasing one
 * leaves every hash, signature and replay valid (docs/personal-data.md).
 */
package id.saksi.core.disclosure;
