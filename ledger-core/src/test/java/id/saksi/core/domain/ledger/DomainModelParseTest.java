package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.caseflow.RegisterCaseCommand;
import id.saksi.core.domain.testing.J;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The body codecs are strict: each failure names the field and says what to write. */
class DomainModelParseTest {
  private static final ObjectNode REGISTER =
      J.o("number", "001/PL/2024", "registeredOn", "2024-01-10");

  @Test
  void parse_validBody_givesTheTypedCommand() throws Exception {
    ParsedRecord r = DomainModel.parse("case.registered", "case/C-1", REGISTER);

    assertThat(r.type()).isEqualTo(RecordType.CASE_REGISTERED);
    assertThat(r.subject().kind()).isEqualTo(AggregateKind.CASE);
    assertThat(((RegisterCaseCommand) r.command()).number().text()).isEqualTo("001/PL/2024");
  }

  @Test
  void parse_unknownType_listsTheTypes() {
    assertThatThrownBy(() -> DomainModel.parse("case.opened", "case/C-1", REGISTER))
        .isInstanceOf(RecordParseException.class)
        .hasMessageStartingWith(
            "field \"type\" is \"case.opened\", not a record type; types: [registry.genesis,"
                + " agency.registered,");
  }

  @Test
  void parse_subjectOfTheWrongKind_saysWhichKind() {
    assertThatThrownBy(() -> DomainModel.parse("case.registered", "instrument/X", REGISTER))
        .hasMessage(
            "field \"subject\" is instrument/X, but a case.registered record is about a case/ID");
  }

  @Test
  void parse_malformedSubject_namesThePart() {
    assertThatThrownBy(() -> DomainModel.parse("case.registered", "case/has space", REGISTER))
        .hasMessage(
            "field \"subject\" \"case/has space\": the case ID may use letters, digits, '.', '_'"
                + " and '-' and must start with a letter or digit; found   at position 4");
  }

  @Test
  void parse_unknownField_namesItAndTheKnownOnes() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.registered", "case/C-1", J.with(REGISTER, "registerdOn", "x")))
        .hasMessage(
            "field \"registerdOn\" is not a field of this record; the fields are number,"
                + " registeredOn");
  }

  @Test
  void parse_missingField_saysWhatToGive() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.registered", "case/C-1", J.with(REGISTER, "registeredOn", null)))
        .hasMessage("field \"registeredOn\" is missing; give a date as YYYY-MM-DD");
  }

  @Test
  void parse_nullField_rejected() {
    ObjectNode body = REGISTER.deepCopy();
    body.putNull("registeredOn");

    assertThatThrownBy(() -> DomainModel.parse("case.registered", "case/C-1", body))
        .hasMessage("field \"registeredOn\" is null; give a date as YYYY-MM-DD");
  }

  @Test
  void parse_wrongType_saysTheType() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.registered", "case/C-1", J.with(REGISTER, "registeredOn", 20240110)))
        .hasMessage("field \"registeredOn\" must be a date string YYYY-MM-DD, got number");
  }

  @Test
  void parse_overLongText_saysTheLimit() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.discipline-recorded",
                    "case/C-1",
                    J.o("recordedOn", "2024-01-10", "registerEntry", "x".repeat(65))))
        .hasMessage("field \"registerEntry\" has 65 characters; at most 64 are allowed");
  }

  @Test
  void parse_controlCharacterInText_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.discipline-recorded",
                    "case/C-1",
                    J.o("recordedOn", "2024-01-10", "registerEntry", "a\nb")))
        .hasMessage(
            "field \"registerEntry\" has the control character U+000A at position 2; write it on"
                + " one line");
  }

  @Test
  void parse_personalDataInClear_refused() {
    ObjectNode body =
        J.o(
            "election", "PEMILU-2024",
            "foundOn", "2024-01-05",
            "occurredOn", "2024-01-04",
            "place", J.digest("p"),
            "description", J.digest("d"),
            "candidateStage", "CANDIDATE",
            "reported",
                J.o(
                    "ref",
                    "A".repeat(43),
                    "unit",
                    "PEMKOT-METRO",
                    "name",
                    J.digest("n"),
                    "nip",
                    "198503302010122001"));

    assertThatThrownBy(() -> DomainModel.parse("case.found", "case/C-1", body))
        .hasMessageStartingWith(
            "field \"reported.nip\" is not a disclosure digest: a digest is 43 characters of"
                + " unpadded base64url (SHA-256), got 18; personal data never goes in a statement"
                + " in clear, only its digest");
  }

  @Test
  void parse_enumValue_listsTheChoices() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.verified", "case/C-1", J.o("verifiedOn", "2024-01-10", "extra", 1)))
        .hasMessage("field \"extra\" is not a field of this record; the fields are verifiedOn");
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "key.revoked",
                    "registry",
                    J.o("agency", "BKN", "key", "0".repeat(64), "reason", "LOST")))
        .hasMessage(
            "field \"reason\" is \"LOST\"; it must be one of RETIRED, COMPROMISED, AGENCY_DISSOLVED");
  }

  @Test
  void parse_floatWhereAPositionIsExpected_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.decision-delivered",
                    "case/C-1",
                    J.o("decision", J.o(), "deliveredOn", "2024-01-10")))
        .hasMessage(
            "field \"decision\" must be a whole number from 0 to 9223372036854775807, got {}");
  }

  @Test
  void parse_nestedUnknownField_namesTheFullPath() {
    ObjectNode body =
        J.o(
            "election", "PEMILU-2024",
            "foundOn", "2024-01-05",
            "occurredOn", "2024-01-04",
            "place", J.digest("p"),
            "description", J.digest("d"),
            "candidateStage", "CANDIDATE",
            "reported",
                J.o(
                    "ref", "A".repeat(43),
                    "unit", "PEMKOT-METRO",
                    "name", J.digest("n"),
                    "nip", J.digest("nip"),
                    "nik", J.digest("nik")));

    assertThatThrownBy(() -> DomainModel.parse("case.found", "case/C-1", body))
        .hasMessage(
            "field \"reported.nik\" is not a field of this record; the fields are name, nip,"
                + " position, ref, unit");
  }

  @Test
  void parse_bodyNotAnObject_rejected() {
    assertThatThrownBy(() -> DomainModel.parse("case.verified", "case/C-1", J.a()))
        .hasMessage("field \"body\" must be a JSON object, got array");
  }

  @Test
  void parse_assessmentWithoutForms_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.assessed",
                    "case/C-1",
                    J.o(
                        "assessedOn", "2024-01-10",
                        "outcome", "VIOLATION",
                        "candidateStage", "CANDIDATE",
                        "forms", J.a(),
                        "reportDigest", J.doc("k"))))
        .hasMessage("field \"forms\" is empty; a VIOLATION lists the catalogue forms proven");
  }

  @Test
  void parse_referralWithoutBody_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.assessed",
                    "case/C-1",
                    J.o(
                        "assessedOn", "2024-01-10",
                        "outcome", "CRIMINAL",
                        "candidateStage", "CANDIDATE",
                        "forms", J.a(),
                        "reportDigest", J.doc("k"))))
        .hasMessage(
            "field \"referredTo\" is missing; an CRIMINAL outcome names the body the case is"
                + " referred to");
  }

  @Test
  void parse_closeNotRegistered_pointsToTheRightRecord() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.closed",
                    "case/C-1",
                    J.o("closedOn", "2024-01-10", "reason", "NOT_REGISTERED")))
        .hasMessage("field \"reason\" is NOT_REGISTERED; record case.not-registered instead");
  }

  @Test
  void parse_modifiedAppealWithoutSanction_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.appeal-decided",
                    "case/C-1",
                    J.o(
                        "appeal", 40,
                        "number", "1/2024",
                        "decidedOn", "2024-01-10",
                        "outcome", "MODIFIED")))
        .hasMessage(
            "field \"modified\" is missing; a MODIFIED outcome gives the sanction that replaces the"
                + " original");
  }

  @Test
  void parse_correctionOfAnUnknownField_listsTheCorrectableOnes() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.corrected",
                    "case/C-1",
                    J.o(
                        "corrects",
                        40,
                        "reason",
                        "CLERICAL_ERROR",
                        "changes",
                        J.o("decidedOn", "2024-01-01"))))
        .hasMessageStartingWith(
            "field \"changes.decidedOn\" is not a correctable field; correctable fields are [place,");
  }

  @Test
  void parse_correctionCommitsNewDigests() throws Exception {
    ParsedRecord r =
        DomainModel.parse(
            "case.corrected",
            "case/C-1",
            J.o(
                "corrects",
                40,
                "reason",
                "WRONG_IDENTITY",
                "changes",
                J.o("reported.nip", J.digest("nip2"))));

    assertThat(r.commitments()).containsOnlyKeys("changes.reported.nip");
  }

  @Test
  void parse_revokeWithDissolvedReason_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "key.revoked",
                    "registry",
                    J.o("agency", "BKN", "key", "0".repeat(64), "reason", "AGENCY_DISSOLVED")))
        .hasMessage(
            "field \"reason\" is AGENCY_DISSOLVED, which only agency.dissolved sets; give RETIRED"
                + " or COMPROMISED");
  }

  @Test
  void parse_badPublicKey_saysTheFormat() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "key.added", "registry", J.o("agency", "BKN", "publicKey", "AAAA")))
        .hasMessage(
            "field \"publicKey\" is wrong: an Ed25519 public key is 32 bytes, got 3 bytes; give the"
                + " raw 32-byte key in base64");
  }

  @Test
  void parse_upperCaseDocumentDigest_rejected() {
    assertThatThrownBy(
            () ->
                DomainModel.parse(
                    "case.clarified",
                    "case/C-1",
                    J.o(
                        "clarifiedOn", "2024-01-10",
                        "party", "REPORTER",
                        "minutesDigest", J.doc("m").toUpperCase(java.util.Locale.ROOT))))
        .hasMessage("field \"minutesDigest\" must be lower-case hex (one spelling per digest)");
  }
}
