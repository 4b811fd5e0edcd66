package id.saksi.core.domain.registry;

/** Why a key stopped being valid. */
public enum RevocationReason {
  /** Taken out of use in the ordinary course (rotation, staff change). */
  RETIRED,
  /** Its private key is known or suspected to be in other hands. */
  COMPROMISED,
  /** Its agency was dissolved. */
  AGENCY_DISSOLVED
}
