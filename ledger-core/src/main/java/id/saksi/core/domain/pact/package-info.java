/** Integrity pacts and neutrality pledges: one per signatory per election. */
package id.saksi.core.domain.pact;
