package id.saksi.core.domain.pact;

/** In which capacity a signatory signed (DOMAIN.md, Documents [S44, S45, S46]). */
public enum SignatoryRole {
  /** The PPK of the agency. */
  PPK,
  /** A governor, regent or mayor. */
  REGIONAL_HEAD,
  /** A deputy governor, regent or mayor. */
  DEPUTY_REGIONAL_HEAD,
  /** The regional secretary (Sekda). */
  REGIONAL_SECRETARY,
  /** The head of a regional agency (kepala OPD). */
  HEAD_OF_OPD,
  /** A sub-district head (camat). */
  SUB_DISTRICT_HEAD,
  /** The chair of the election commission (KPU). */
  ELECTION_COMMISSION_CHAIR,
  /** The chair of the election supervisory body (Bawaslu). */
  BAWASLU_CHAIR,
  /** A civil servant on the staff. */
  STAFF,
  /** Any other capacity. */
  OTHER
}
