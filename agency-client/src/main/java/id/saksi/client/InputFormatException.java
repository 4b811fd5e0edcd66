package id.saksi.client;

import id.saksi.core.ParseException;

/** A file the user gave the client is not what the command reads; the message says where. */
public final class InputFormatException extends ParseException {
  private static final long serialVersionUID = 1L;

  /** {@code where} names the file and, if known, the line or member. */
  public InputFormatException(String where, String problem) {
    super(where + ": " + problem);
  }

  /** As above, keeping the cause. */
  public InputFormatException(String where, String problem, Throwable cause) {
    super(where + ": " + problem, cause);
  }
}
