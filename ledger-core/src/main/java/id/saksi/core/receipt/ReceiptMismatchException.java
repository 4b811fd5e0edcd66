package id.saksi.core.receipt;

import id.saksi.core.VerificationException;
import id.saksi.core.hash.Hash;

/**
 * The log holds something else where a receipt it signed says an agency's entry is: the submission
 * was dropped or replaced, and the signed receipt proves it.
 */
public final class ReceiptMismatchException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final transient Receipt receipt;
  private final long actualIndex;
  private final transient Hash actualLeafHash;

  ReceiptMismatchException(Receipt receipt, long actualIndex, Hash actualLeafHash) {
    super(
        "receipt for entry "
            + receipt.index()
            + " promises leaf hash "
            + receipt.leafHash()
            + " but entry "
            + actualIndex
            + " has leaf hash "
            + actualLeafHash);
    this.receipt = receipt;
    this.actualIndex = actualIndex;
    this.actualLeafHash = actualLeafHash;
  }

  /** The receipt that was checked. */
  public Receipt receipt() {
    return receipt;
  }

  /** Index of the entry found. */
  public long actualIndex() {
    return actualIndex;
  }

  /** Leaf hash of the entry found. */
  public Hash actualLeafHash() {
    return actualLeafHash;
  }
}
