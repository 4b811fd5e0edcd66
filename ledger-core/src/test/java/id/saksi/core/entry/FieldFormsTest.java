package id.saksi.core.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope's field checks are direct character tests; here they are held to the regular
 * expressions they replaced (the format's definition in docs/format.md), on random strings built
 * from the characters that matter and on near misses of valid values.
 */
class FieldFormsTest {
  private static final int SAMPLES = 50_000;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
  private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,88}");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final Pattern MILLIS_TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  private static final String ALPHABET = "aqz09AZ.-_:/ T\u00e9\u0660\uff10+~";

  /** Mostly the characters of one form, so that the random strings often are of that form. */
  private static final String[] ALPHABETS = {
    ALPHABET, "az09-.", "az09-.", "aqzAZ09_-", "aZ09._-", "aZ09._:/-"
  };

  @Test
  void envelopeForms_agreeWithTheirRegularExpressions() {
    SplittableRandom r = new SplittableRandom(0x666f726dL);
    for (int i = 0; i < SAMPLES; i++) {
      String alphabet = ALPHABETS[r.nextInt(ALPHABETS.length)];
      String s = randomString(r, alphabet, r.nextInt(i % 2 == 0 ? 8 : 100));
      assertAgree(s, TYPE, Statement::isRecordType);
      assertAgree(s, AGENCY, Statement::isAgency);
      assertAgree(s, SUBJECT, Statement::isSubject);
      assertAgree(s, NONCE, Statement::isNonce);
    }
    for (String s :
        new String[] {
          "", "a", "a.b", "a.", ".a", "a..b", "a-.b", "case.reported", "a.b.c-1", "1.a", "a.1"
        }) {
      assertAgree(s, TYPE, Statement::isRecordType);
    }
  }

  @Test
  void timestamp_agreesWithTheParserItReplaced() {
    SplittableRandom r = new SplittableRandom(0x74696d65L);
    String[] valid = {
      "2024-10-01T08:00:00Z",
      "2024-02-29T23:59:59.999999999Z",
      "0000-01-01T00:00:00.000Z",
      "9999-12-31T23:59:59.999Z",
      "2023-02-28T12:30:45.1Z"
    };
    for (int i = 0; i < SAMPLES; i++) {
      char[] c = valid[r.nextInt(valid.length)].toCharArray();
      for (int k = r.nextInt(4); k > 0; k--) {
        int at = r.nextInt(c.length);
        c[at] = r.nextInt(3) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : digit(r);
      }
      String s = new String(c);
      if (r.nextInt(10) == 0) {
        s = r.nextBoolean() ? s.substring(0, r.nextInt(s.length() + 1)) : s + digit(r);
      }
      assertSameTimestamp(s, false);
      assertSameTimestamp(s, true);
    }
    for (String s :
        new String[] {
          "2024-10-01T24:00:00Z",
          "2024-10-01T24:00:00.000Z",
          "2016-12-31T23:59:60Z",
          "2016-12-31T23:59:60.000Z",
          "2023-02-29T00:00:00Z",
          "2024-02-30T00:00:00.000Z",
          "2024-04-31T00:00:00Z",
          "2024-13-01T00:00:00Z",
          "2024-00-01T00:00:00Z",
          "2024-01-00T00:00:00Z",
          "1900-02-29T00:00:00Z",
          "2000-02-29T00:00:00Z",
          "2024-10-01T08:60:00Z",
          "2024-10-01T08:00:00.1234567890Z"
        }) {
      assertSameTimestamp(s, false);
      assertSameTimestamp(s, true);
    }
  }

  private static void assertAgree(String s, Pattern p, Predicate<String> form) {
    assertThat(form.test(s)).as("%s on \"%s\"", p, s).isEqualTo(p.matcher(s).matches());
  }

  private static void assertSameTimestamp(String s, boolean millis) {
    ObjectNode n = JsonNodeFactory.instance.objectNode().put("t", s);
    Object expected = formerTimestamp(s, millis);
    Object actual;
    try {
      actual = Fields.timestamp(n, "", "t", millis);
    } catch (EntryFormatException e) {
      actual = e.getMessage();
    }
    assertThat(actual).as("\"%s\", millis %s", s, millis).isEqualTo(expected);
  }

  /** The former check: regular expression, then java.time, then a check that it reads back. */
  private static Object formerTimestamp(String s, boolean millis) {
    if (s.isEmpty()) {
      return "/t: must not be empty";
    }
    if (!(millis ? MILLIS_TIMESTAMP : TIMESTAMP).matcher(s).matches()) {
      return "/t: must be an RFC 3339 UTC time like "
          + (millis ? "2024-10-01T08:00:00.000Z" : "2024-10-01T08:00:00Z")
          + ", got \""
          + s
          + "\"";
    }
    String unreal = "/t: is not a real date and time: \"" + s + "\"";
    Instant t;
    try {
      t = Instant.parse(s);
    } catch (DateTimeParseException e) {
      return unreal;
    }
    if (!Timestamps.millis(t).startsWith(s.substring(0, 19))) {
      return unreal;
    }
    return t;
  }

  private static char digit(SplittableRandom r) {
    return (char) ('0' + r.nextInt(10));
  }

  private static String randomString(SplittableRandom r, String alphabet, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
