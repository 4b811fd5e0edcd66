package id.saksi.core.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strict PEM (RFC 7468) for one block with a known label.
 *
 * <p>Written here rather than taken from Bouncy Castle's PemReader because that reader skips text
 * it does not understand; a key file with a wrong label, headers, or data after the block must be
 * an error that says so, not a silently different key.
 */
final class Pem {
  private static final String DASHES = "-----";
  private static final int LINE_LENGTH = 64;

  private Pem() {}

  /** One PEM block: BEGIN line, base64 body wrapped at 64 characters, END line, final newline. */
  static String encode(String label, byte[] der) {
    String body = Base64.getEncoder().encodeToString(der);
    StringBuilder sb = new StringBuilder(body.length() + 2 * label.length() + 40);
    sb.append(DASHES).append("BEGIN ").append(label).append(DASHES).append('\n');
    for (int i = 0; i < body.length(); i += LINE_LENGTH) {
      sb.append(body, i, Math.min(body.length(), i + LINE_LENGTH)).append('\n');
    }
    sb.append(DASHES).append("END ").append(label).append(DASHES).append('\n');
    return sb.toString();
  }

  /**
   * Decodes the single PEM block labelled {@code label} that makes up all of {@code text}.
   *
   * <p>Accepted: LF or CRLF line ends, base64 lines of any length, blank lines after the END line.
   * Rejected, each with its own message: text before the BEGIN line, another label, headers
   * (encrypted PEM), a missing or mismatched END line, an empty or non-canonical base64 body, and
   * anything but blank lines after the END line.
   */
  static byte[] decode(String text, String label) throws KeyFormatException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      lines.add(line);
      start = end + 1;
    }
    if (lines.isEmpty() || (lines.get(0).isEmpty() && lines.size() == 1)) {
      throw new KeyFormatException("expected a PEM block labelled " + label + ", got empty input");
    }
    String first = lines.get(0);
    if (!first.startsWith(DASHES + "BEGIN ") || !first.endsWith(DASHES)) {
      // The line is not quoted: it may be a secret key pasted without its PEM armour.
      throw new KeyFormatException(
          "expected a PEM block labelled "
              + label
              + ": the first line must be "
              + DASHES
              + "BEGIN "
              + label
              + DASHES);
    }
    String gotLabel =
        first.substring(DASHES.length() + "BEGIN ".length(), first.length() - DASHES.length());
    if (!gotLabel.equals(label)) {
      String hint =
          gotLabel.equals("ENCRYPTED PRIVATE KEY")
              ? " (encrypted keys are not supported; decrypt it first, for example with"
                  + " 'openssl pkey -in encrypted.pem -out key.pem')"
              : "";
      throw new KeyFormatException(
          "wrong PEM label: expected " + label + ", got " + Texts.quote(gotLabel) + hint);
    }
    String endLine = DASHES + "END " + label + DASHES;
    int endIndex = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith(DASHES)) {
        endIndex = i;
        break;
      }
    }
    if (endIndex < 0) {
      throw new KeyFormatException("PEM block has no " + endLine + " line");
    }
    if (!lines.get(endIndex).equals(endLine)) {
      throw new KeyFormatException(
          "PEM block ends with " + Texts.quote(lines.get(endIndex)) + ", expected " + endLine);
    }
    for (int i = endIndex + 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        throw new KeyFormatException("trailing data after the " + endLine + " line");
      }
    }
    StringBuilder body = new StringBuilder();
    for (int i = 1; i < endIndex; i++) {
      String line = lines.get(i);
      if (line.indexOf(':') >= 0) {
        throw new KeyFormatException(
            "PEM headers are not supported (is the key encrypted?): " + Texts.quote(line));
      }
      body.append(line);
    }
    if (body.length() == 0) {
      throw new KeyFormatException("PEM block labelled " + label + " has no data");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("PEM body is not valid base64: " + e.getMessage(), e);
    }
    if (!Base64.getEncoder().encodeToString(der).contentEquals(body)) {
      throw new KeyFormatException("PEM body is not canonical, padded base64");
    }
    return der;
  }
}
