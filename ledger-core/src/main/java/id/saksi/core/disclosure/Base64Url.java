package id.saksi.core.disclosure;

/** The URL-safe base64 alphabet of RFC 4648 section 5, without padding. */
final class Base64Url {
  private Base64Url() {}

  static boolean isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
