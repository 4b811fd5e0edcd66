package id.saksi.core.disclosure;

import id.saksi.core.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One personal value opened to whoever holds it: the SD-JWT disclosure of RFC 9901 section 4.2.1,
 * the base64url (unpadded) of the UTF-8 JSON array {@code [salt, claim name, value]}.
 *
 * <p>The statement carries only {@link #digest()}, SHA-256 of this base64url text (RFC 9901 section
 * 4.2.3: the text, not the JSON it decodes to). The random salt (at least 128 bits) makes the
 * digest useless for guessing the value: a NIP has few enough possibilities to enumerate, a salted
 * digest of it does not. Erasing the disclosure therefore erases the value, while the statement,
 * its hash and its signature stay valid.
 *
 * <p>Saksi commits only string values, and only object-property disclosures (three elements);
 * parsing rejects anything else with a message that says so. The encoded text is kept exactly as
 * received, since the digest is over it: two JSON spellings of one value are two different
 * disclosures.
 */
public final class Disclosure {
  /** Bytes of randomness in a salt that {@link #create} makes: 128 bits. */
  public static final int SALT_BYTES = 16;

  /** Shortest salt accepted: 22 base64url characters carry at least 128 bits. */
  public static final int MIN_SALT_CHARS = 22;

  /** Longest disclosure text accepted, so that parsing is bounded. */
  public static final int MAX_ENCODED_LENGTH = 65_536;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final String encoded;
  private final String salt;
  private final String claimName;
  private final String value;

  private Disclosure(String encoded, String salt, String claimName, String value) {
    this.encoded = encoded;
    this.salt = salt;
    this.claimName = claimName;
    this.value = value;
  }

  /**
   * A new disclosure of {@code value} under {@code claimName}, with a fresh 128-bit salt from
   * {@code random}.
   */
  public static Disclosure create(String claimName, String value, SecureRandom random) {
    checkClaimName(claimName);
    byte[] saltBytes = new byte[SALT_BYTES];
    random.nextBytes(saltBytes);
    String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes);
    String json = JSON.writeValueAsString(List.of(salt, claimName, value));
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return new Disclosure(encoded, salt, claimName, value);
  }

  private static void checkClaimName(String claimName) {
    if (claimName.isEmpty() || claimName.equals("_sd") || claimName.equals("...")) {
      throw new IllegalArgumentException(
          "claim name \"" + claimName + "\" is empty or reserved by RFC 9901");
    }
  }

  /** Parses a disclosure text, strictly. */
  public static Disclosure parse(String encoded) throws DisclosureFormatException {
    if (encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
      throw new DisclosureFormatException(
          "a disclosure has 1 to " + MAX_ENCODED_LENGTH + " characters, got " + encoded.length());
    }
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (!Base64Url.isAlphabet(c)) {
        throw new DisclosureFormatException(
            "a disclosure is unpadded base64url (A-Z a-z 0-9 - _); found "
                + (c == '=' ? "padding '='" : "'" + c + "'")
                + " at position "
                + (i + 1));
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new DisclosureFormatException(
          "a disclosure is not valid base64url: " + e.getMessage(), e);
    }
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(encoded)) {
      throw new DisclosureFormatException(
          "a disclosure must be canonical base64url; its last character has stray bits");
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DisclosureFormatException("a disclosure does not decode to UTF-8 text", e);
    }
    JsonNode array;
    try {
      array = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new DisclosureFormatException(
          "a disclosure does not decode to JSON: " + e.getOriginalMessage(), e);
    }
    if (array == null || !array.isArray()) {
      throw new DisclosureFormatException(
          "a disclosure decodes to a JSON array [salt, claim name, value]; got "
              + (array == null
                  ? "nothing"
                  : array.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    if (array.size() == 2) {
      throw new DisclosureFormatException(
          "a disclosure with 2 elements opens an array element; Saksi commits only named fields"
              + " [salt, claim name, value]");
    }
    if (array.size() != 3) {
      throw new DisclosureFormatException(
          "a disclosure has 3 elements [salt, claim name, value], got " + array.size());
    }
    String salt = stringAt(array, 0, "salt");
    String claimName = stringAt(array, 1, "claim name");
    String value = stringAt(array, 2, "value");
    if (salt.length() < MIN_SALT_CHARS) {
      throw new DisclosureFormatException(
          "a disclosure's salt has "
              + salt.length()
              + " characters; at least "
              + MIN_SALT_CHARS
              + " base64url characters (128 bits) are required");
    }
    for (int i = 0; i < salt.length(); i++) {
      if (!Base64Url.isAlphabet(salt.charAt(i))) {
        throw new DisclosureFormatException(
            "a disclosure's salt is base64url; found '" + salt.charAt(i) + "'");
      }
    }
    if (claimName.isEmpty() || claimName.equals("_sd") || claimName.equals("...")) {
      throw new DisclosureFormatException(
          "a disclosure's claim name \"" + claimName + "\" is empty or reserved by RFC 9901");
    }
    return new Disclosure(encoded, salt, claimName, value);
  }

  private static String stringAt(JsonNode array, int i, String what)
      throws DisclosureFormatException {
    JsonNode node = array.get(i);
    if (!node.isString()) {
      throw new DisclosureFormatException(
          "a disclosure's "
              + what
              + " (element "
              + (i + 1)
              + ") must be a JSON string; Saksi commits only text values, got "
              + node.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return node.stringValue();
  }

  /** SHA-256 of the base64url text, RFC 9901 section 4.2.3. */
  public Digest digest() {
    return Digest.of(Hashing.sha256(encoded.getBytes(StandardCharsets.US_ASCII)).bytes());
  }

  /** Checks that this disclosure opens {@code expected}: compute, then compare. */
  public void verify(Digest expected) throws DisclosureMismatchException {
    Digest actual = digest();
    if (!actual.equals(expected)) {
      throw new DisclosureMismatchException(claimName, expected, actual);
    }
  }

  /** The text as received or created; what the digest is over. */
  public String encoded() {
    return encoded;
  }

  /** The salt, as written in the disclosure. */
  public String salt() {
    return salt;
  }

  /** The name of the field this disclosure opens, such as {@code reported.nip}. */
  public String claimName() {
    return claimName;
  }

  /** The personal value. */
  public String value() {
    return value;
  }

  /** Names the field only: the value is personal data and must not reach a log. */
  @Override
  public String toString() {
    return "Disclosure[" + claimName + "]";
  }
}
