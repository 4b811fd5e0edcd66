package id.saksi.core.domain.instrument;

/** What kind of instrument a record issues. */
public enum InstrumentKind {
  /** Surat edaran: a circular letter, such as a regional government's neutrality circular. */
  CIRCULAR,
  /** Surat keputusan bersama: a joint decree, such as SKB 2022 on ASN neutrality. */
  JOINT_DECREE,
  /** A decree of one official (keputusan). */
  DECREE,
  /** An instruction (instruksi). */
  INSTRUCTION,
  /** A regulation (peraturan). */
  REGULATION,
  /** Anything else an agency issues and wants on the record. */
  OTHER
}
