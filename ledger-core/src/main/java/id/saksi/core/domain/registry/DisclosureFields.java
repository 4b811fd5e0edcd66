package id.saksi.core.domain.registry;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts the two disclosure records share: the field paths (claim names) they concern and the
 * name of the person who acted. Neither is personal data of a data subject: a claim name is the
 * path of a field in a body ({@code reporter.name}), and the actor is an auditor's account name.
 */
final class DisclosureFields {
  /** Most fields one record names: every personal field of one entry fits. */
  static final int MAX_FIELDS = 64;

  /** Longest field path (as personal_disclosure.field). */
  static final int MAX_FIELD = 200;

  /** Longest account name of an auditor or officer. */
  static final int MAX_ACTOR = 64;

  // A body path: names, dots and array indexes, as PersonalData's claim names are written.
  private static final Pattern FIELD =
      Pattern.compile(
          "[A-Za-z][A-Za-z0-9_-]*(\\[[0-9]{1,3}\\])?(\\.[A-Za-z][A-Za-z0-9_-]*(\\[[0-9]{1,3}\\])?)*");

  // An account name: no spaces, nothing that could carry a sentence.
  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

  private DisclosureFields() {}

  /** Reads {@code name}: 1 to 64 distinct field paths. */
  static List<String> fields(JsonFields b, String name) throws RecordParseException {
    List<String> fields = b.distinctTexts(name, 1, MAX_FIELDS, MAX_FIELD);
    for (int i = 0; i < fields.size(); i++) {
      if (!FIELD.matcher(fields.get(i)).matches()) {
        throw new RecordParseException(
            b.pathOf(name) + "[" + i + "]",
            "is not a field path; write the claim name, such as reporter.name or witnesses[0]");
      }
    }
    return fields;
  }

  /** Reads {@code name}: an account name of 1 to 64 letters, digits, '.', '_', '@' or '-'. */
  static String actor(JsonFields b, String name) throws RecordParseException {
    String actor = b.text(name, MAX_ACTOR);
    if (!ACTOR.matcher(actor).matches()) {
      throw new RecordParseException(
          b.pathOf(name),
          "is not an account name; use letters, digits, '.', '_', '@' and '-', starting with a"
              + " letter or digit");
    }
    return actor;
  }
}
