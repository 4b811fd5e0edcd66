package id.saksi.core.domain.registry;

/** Why personal data was erased (UU 27/2022), as a code, so no free text can carry a name. */
public enum ErasureReason {
  /** The data subject asked for it (UU 27/2022 Pasal 8). */
  SUBJECT_REQUEST,
  /** Its retention period ended (UU 27/2022 Pasal 43-44). */
  RETENTION_ENDED,
  /** A court ordered it. */
  COURT_ORDER,
  /** It was processed unlawfully or recorded in error. */
  UNLAWFUL_PROCESSING,
  /** Another reason, stated in the legal basis. */
  OTHER
}
