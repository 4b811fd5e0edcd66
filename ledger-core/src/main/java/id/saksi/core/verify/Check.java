package id.saksi.core.verify;

import java.util.Locale;

/** The checks a verification runs; each failure names the one that failed (docs/export.md). */
public enum Check {
  /** The checkpoint is signed by the log's key, for the expected origin. */
  CHECKPOINT,
  /** Each line is exactly the canonical JSON of an entry. */
  FORMAT,
  /** Indexes are dense (whole ledger, range) or ascending (entries with their own proofs). */
  ORDER,
  /** Each {@code prev} is the leaf hash of the entry before; recording times never go back. */
  CHAIN,
  /** Each agency signature verifies over its statement. */
  SIGNATURE,
  /** Each signing key is the agency's and valid at the entry's position. */
  KEY,
  /** Each record follows its schema and is a legal step of its subject. */
  DOMAIN,
  /** The Merkle tree of the entries is the tree the checkpoint signs: same size, same root. */
  TREE,
  /** Each inclusion proof and the range proof place their entries in the signed tree. */
  PROOF,
  /** Each disclosure opens a field its entry commits, and matches that field's digest. */
  DISCLOSURE,
  /** The checkpoint extends an older one: no rolled-back or rewritten history, no fork. */
  CONSISTENCY,
  /** The manifest describes the bundle as it is. */
  MANIFEST,
  /** Each receipt an agency holds is in the ledger at its index with its leaf hash. */
  RECEIPT,
  /**
   * Each entry of a live ledger has its event in the service's event store and each event its
   * entry, at the same position and with the same statement (verify-db; DESIGN.md invariant 1).
   */
  EVENTS;

  /** The lower-case name used in output and JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
