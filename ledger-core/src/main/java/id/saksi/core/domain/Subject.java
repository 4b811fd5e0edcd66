package id.saksi.core.domain;

import id.saksi.core.domain.validation.Texts;

/**
 * The aggregate a statement is about, as its {@code subject} field names it: {@code registry},
 * {@code instrument/ID}, {@code pact/ELECTION/PERSON-REF} or {@code case/ID}.
 *
 * <p>An ID is 1 to 64 characters of letters, digits, '.', '_' and '-', starting with a letter or
 * digit; the agency that opens an aggregate chooses it (a UUID or its own register number) and must
 * not put personal data in it, since subjects are public. The prefix keeps the kinds apart, so a
 * case and an instrument can never share an identity.
 */
public record Subject(AggregateKind kind, String id) {
  /** The registry's one subject. */
  public static final Subject REGISTRY = new Subject(AggregateKind.REGISTRY, "");

  /** Longest ID accepted in any part of a subject. */
  public static final int MAX_ID_LENGTH = 64;

  public Subject {
    if (kind == AggregateKind.REGISTRY ? !id.isEmpty() : id.isEmpty()) {
      throw new IllegalArgumentException("subject of kind " + kind + " with id \"" + id + "\"");
    }
  }

  /** Parses a subject, naming what is wrong. */
  public static Subject parse(String text) throws RecordParseException {
    if (text.equals("registry")) {
      return REGISTRY;
    }
    int slash = text.indexOf('/');
    String prefix = slash < 0 ? text : text.substring(0, slash);
    String rest = slash < 0 ? "" : text.substring(slash + 1);
    switch (prefix) {
      case "instrument":
        checkId(text, rest, "instrument ID");
        return new Subject(AggregateKind.INSTRUMENT, rest);
      case "case":
        checkId(text, rest, "case ID");
        return new Subject(AggregateKind.CASE, rest);
      case "pact":
        int second = rest.indexOf('/');
        if (second < 0) {
          throw bad(text, "a pact subject is pact/ELECTION/PERSON-REF");
        }
        checkId(text, rest.substring(0, second), "election");
        checkId(text, rest.substring(second + 1), "person reference");
        return new Subject(AggregateKind.PACT, rest);
      default:
        throw bad(
            text,
            "a subject is \"registry\", \"instrument/ID\", \"pact/ELECTION/PERSON-REF\" or"
                + " \"case/ID\"");
    }
  }

  /** The subject of a case. */
  public static Subject ofCase(String id) {
    return of(AggregateKind.CASE, id);
  }

  /** The subject of an instrument. */
  public static Subject ofInstrument(String id) {
    return of(AggregateKind.INSTRUMENT, id);
  }

  /** The subject of one signatory's pact for one election. */
  public static Subject ofPact(String election, PersonRef signatory) {
    return of(AggregateKind.PACT, election + "/" + signatory.text());
  }

  private static Subject of(AggregateKind kind, String id) {
    try {
      return parse(prefix(kind) + "/" + id);
    } catch (RecordParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String prefix(AggregateKind kind) {
    switch (kind) {
      case INSTRUMENT:
        return "instrument";
      case PACT:
        return "pact";
      case CASE:
        return "case";
      default:
        return "registry";
    }
  }

  private static void checkId(String subject, String id, String what) throws RecordParseException {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw bad(
          subject, "the " + what + " has " + id.length() + " characters; 1 to 64 are allowed");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
        throw bad(
            subject,
            "the "
                + what
                + " may use letters, digits, '.', '_' and '-' and must start with a letter or"
                + " digit; found "
                + id.charAt(i)
                + " at position "
                + (i + 1));
      }
    }
  }

  private static RecordParseException bad(String subject, String why) {
    return new RecordParseException("subject", "\"" + Texts.quoteSafe(subject) + "\": " + why);
  }

  /** The text form, as a statement's {@code subject} field carries it. */
  public String text() {
    return kind == AggregateKind.REGISTRY ? "registry" : prefix(kind) + "/" + id;
  }

  @Override
  public String toString() {
    return text();
  }
}
