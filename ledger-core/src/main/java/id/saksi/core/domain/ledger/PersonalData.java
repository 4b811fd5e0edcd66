package id.saksi.core.domain.ledger;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.disclosure.DisclosureMismatchException;
import id.saksi.core.domain.validation.InvalidValueException;
import id.saksi.core.domain.validation.Nik;
import id.saksi.core.domain.validation.Nip;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks on personal data that need the values themselves, and so run where the values are: on
 * the submitting side and in the service at submission, against the disclosures that travel beside
 * a statement. The ledger and the verifier see only digests; after an erasure they can still prove
 * that a disclosure they are given matches, but not re-check an erased value.
 *
 * <p>Each disclosure must open a field the body commits (its claim name is the field path, such as
 * {@code reported.nip}), match that field's digest, and hold a value that passes the field's check:
 * NIP and NIK part by part, names and texts by length.
 */
public final class PersonalData {
  private PersonalData() {}

  /** Longest free text (a description of the alleged act). */
  public static final int MAX_DESCRIPTION = 20_000;

  /**
   * Checks {@code disclosures} against {@code record}'s commitments.
   *
   * @param requireAll whether every committed field must be disclosed (at submission: yes; when
   *     verifying an export after erasures: no)
   */
  public static void check(ParsedRecord record, List<Disclosure> disclosures, boolean requireAll)
      throws PersonalDataException {
    Map<String, Digest> committed = record.commitments();
    Set<String> seen = new HashSet<>();
    for (Disclosure d : disclosures) {
      String field = d.claimName();
      Digest digest = committed.get(field);
      if (digest == null) {
        throw new PersonalDataException(
            field,
            "the "
                + record.type()
                + " body commits no such field; committed fields: "
                + new TreeSet<>(committed.keySet()));
      }
      if (!seen.add(field)) {
        throw new PersonalDataException(field, "is disclosed twice; send one disclosure per field");
      }
      try {
        d.verify(digest);
      } catch (DisclosureMismatchException e) {
        throw new PersonalDataException(field, e.getMessage(), e);
      }
      checkValue(field, d.value());
    }
    if (requireAll) {
      for (String field : new TreeSet<>(committed.keySet())) {
        if (!seen.contains(field)) {
          throw new PersonalDataException(
              field, "is committed in the body but not disclosed; send its disclosure");
        }
      }
    }
  }

  /** Checks one personal value by the field it belongs to. */
  public static void checkValue(String field, String value) throws PersonalDataException {
    String name = field.startsWith("changes.") ? field.substring("changes.".length()) : field;
    String leaf = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    try {
      if (leaf.equals("nip")) {
        Nip.parse(value);
        return;
      }
      if (leaf.equals("nik")) {
        Nik.parse(value);
        return;
      }
    } catch (InvalidValueException e) {
      throw new PersonalDataException(field, e.getMessage(), e);
    }
    int max = leaf.equals("description") ? MAX_DESCRIPTION : leaf.equals("place") ? 500 : 200;
    if (value.isBlank()) {
      throw new PersonalDataException(field, "is empty");
    }
    if (value.length() > max) {
      throw new PersonalDataException(
          field, "has " + value.length() + " characters; at most " + max + " are allowed");
    }
    boolean multiline = leaf.equals("description");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 || c == 0x7f;
      if (control && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        throw new PersonalDataException(
            field, "has a control character at position " + (i + 1) + "; write it on one line");
      }
    }
  }
}
