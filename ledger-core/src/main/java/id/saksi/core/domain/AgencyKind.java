package id.saksi.core.domain;

/**
 * What an agency is, as the registrar registers it; the rules say which kinds may sign which
 * records.
 *
 * <p>The kinds are the bodies DOMAIN.md names. A body that the law creates later (the independent
 * oversight body that Constitutional Court ruling 121/PUU-XXII/2024 orders [S4]) already has its
 * kind, so that the catalogue can hand it the recommending authority without a code change.
 */
public enum AgencyKind {
  /** The ledger's root of trust: registers agencies and keys, adopts catalogues. */
  REGISTRAR,
  /** Badan Pengawas Pemilu, the election supervisory body, at any level. */
  BAWASLU,
  /** Badan Kepegawaian Negara, the civil service agency; neutrality oversight since 2024. */
  BKN,
  /** Komisi Aparatur Sipil Negara, the civil service commission, dissolved by UU 20/2023. */
  KASN,
  /** Kementerian PANRB, the ministry of administrative and bureaucratic reform. */
  KEMENPANRB,
  /** Kementerian Dalam Negeri, the ministry of home affairs (supervises regional heads). */
  KEMENDAGRI,
  /** Badan Pertimbangan ASN, which decides administrative appeals against dismissal. */
  BPASN,
  /** The independent ASN oversight body ordered by ruling 121/PUU-XXII/2024. */
  OVERSIGHT_BODY,
  /** A ministry or central institution employing civil servants (instansi pusat). */
  CENTRAL_AGENCY,
  /** A province, regency or city government (instansi daerah), led by a regional head. */
  REGIONAL_GOVERNMENT,
  /** A work unit inside an agency, such as a regional office or an OPD (dinas, badan). */
  UNIT,
  /** Komisi Pemilihan Umum, the election commission, at any level. */
  ELECTION_COMMISSION,
  /** Any other body that signs records, such as a court or the Ombudsman. */
  OTHER
}
