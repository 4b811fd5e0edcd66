package id.saksi.core.domain;

/** The kinds of aggregate a statement's {@code subject} can name; see {@link Subject}. */
public enum AggregateKind {
  /** The registrar's aggregate: agencies, keys and the catalogue in force; subject "registry". */
  REGISTRY,
  /** A circular or other instrument; subject "instrument/ID". */
  INSTRUMENT,
  /** One signatory's pact or pledge for one election; subject "pact/ELECTION/PERSON-REF". */
  PACT,
  /** A violation case; subject "case/ID". */
  CASE
}
