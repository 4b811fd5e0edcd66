/** Circulars and other instruments: issued, amended and revoked by records that reference them. */
package id.saksi.core.domain.instrument;
