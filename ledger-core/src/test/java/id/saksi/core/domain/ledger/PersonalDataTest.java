package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.validation.Nip;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Disclosures checked against a body's commitments, as the service does at submission. */
class PersonalDataTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Disclosure name = Disclosure.create("reported.name", "Siti Rahma", RANDOM);
  private final Disclosure nip = Disclosure.create("reported.nip", "198503302010122001", RANDOM);
  private final Disclosure place = Disclosure.create("place", "Lapangan Merdeka, Metro", RANDOM);
  private final Disclosure description =
      Disclosure.create("description", "Posted campaign photos with a candidate.\nTwice.", RANDOM);

  private ParsedRecord finding(Disclosure nipDisclosure) throws Exception {
    PersonRef ref =
        PersonRef.derive(
            "a test pseudonymisation key, 32+ bytes long".getBytes(StandardCharsets.UTF_8),
            Nip.parse("198503302010122001"));
    ObjectNode body =
        J.o(
            "election", "PEMILU-2024",
            "foundOn", "2024-01-05",
            "occurredOn", "2024-01-04",
            "place", place.digest().text(),
            "description", description.digest().text(),
            "candidateStage", "CANDIDATE",
            "reported",
                J.o(
                    "ref", ref.text(),
                    "unit", "PEMKOT-METRO",
                    "name", name.digest().text(),
                    "nip", nipDisclosure.digest().text()));
    return DomainModel.parse("case.found", "case/C-1", body);
  }

  @Test
  void check_allDisclosuresMatch_passes() throws Exception {
    PersonalData.check(finding(nip), List.of(name, nip, place, description), true);
  }

  @Test
  void check_someMissing_allowedAfterErasure() throws Exception {
    PersonalData.check(finding(nip), List.of(place), false);
  }

  @Test
  void check_someMissingAtSubmission_namesTheField() {
    assertThatThrownBy(() -> PersonalData.check(finding(nip), List.of(name, nip, place), true))
        .isInstanceOf(PersonalDataException.class)
        .hasMessage(
            "personal data field \"description\": is committed in the body but not disclosed;"
                + " send its disclosure");
  }

  @Test
  void check_disclosureOfAnotherValue_mismatch() {
    Disclosure other = Disclosure.create("reported.nip", "198503302010122002", RANDOM);

    assertThatThrownBy(
            () -> PersonalData.check(finding(nip), List.of(name, other, place, description), true))
        .hasMessageStartingWith(
            "personal data field \"reported.nip\": disclosure of \"reported.nip\" does not match"
                + " its digest");
  }

  @Test
  void check_uncommittedField_rejected() {
    Disclosure nik = Disclosure.create("reported.nik", "3174011503850001", RANDOM);

    assertThatThrownBy(() -> PersonalData.check(finding(nip), List.of(nik), false))
        .hasMessage(
            "personal data field \"reported.nik\": the case.found body commits no such field;"
                + " committed fields: [description, place, reported.name, reported.nip]");
  }

  @Test
  void check_sameFieldTwice_rejected() {
    assertThatThrownBy(() -> PersonalData.check(finding(nip), List.of(nip, nip), false))
        .hasMessage(
            "personal data field \"reported.nip\": is disclosed twice; send one disclosure per"
                + " field");
  }

  @Test
  void check_invalidNip_namesTheWrongPart() {
    Disclosure bad = Disclosure.create("reported.nip", "198503302010133001", RANDOM);

    assertThatThrownBy(() -> PersonalData.check(finding(bad), List.of(bad), false))
        .hasMessage(
            "personal data field \"reported.nip\": NIP is not valid: appointment year and month"
                + " (digits 9-14) 201013: month 13 is not 01-12; gender (digit 15) 3 must be 1"
                + " (male) or 2 (female)");
  }

  @Test
  void checkValue_nameWithNewline_rejected() {
    assertThatThrownBy(() -> PersonalData.checkValue("reporter.name", "Siti\nRahma"))
        .hasMessage(
            "personal data field \"reporter.name\": has a control character at position 5; write"
                + " it on one line");
  }

  @Test
  void checkValue_invalidNikInACorrection_rejected() {
    assertThatThrownBy(() -> PersonalData.checkValue("changes.reporter.nik", "123"))
        .hasMessage(
            "personal data field \"changes.reporter.nik\": NIK has 3 characters; a NIK is exactly"
                + " 16 digits with no spaces");
  }
}
