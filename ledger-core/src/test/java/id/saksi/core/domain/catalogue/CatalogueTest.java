package id.saksi.core.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.RecordParseException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CatalogueTest {
  private static final Catalogue V1 = Catalogues.bundled(1);

  @Test
  void bundled_v1_hasTheFormsOfDomainMd() {
    assertThat(V1.id()).isEqualTo("saksi.neutrality");
    assertThat(V1.version()).isEqualTo(1);
    assertThat(V1.violationForms().keySet())
        .containsExactly(
            "ETH-1", "ETH-2", "ETH-3", "ETH-4", "ETH-5", "ETH-6", "ETH-7", "DIS-N1", "DIS-N2",
            "DIS-N3", "DIS-N4", "DIS-N5", "DIS-N6", "DIS-N7", "PARTY");
    assertThat(V1.levels().keySet()).containsExactly("MORAL", "RINGAN", "SEDANG", "BERAT", "PTDH");
    assertThat(V1.sanctionForms()).hasSize(10);
    assertThat(V1.elections().keySet()).containsExactly("PEMILU-2024", "PILKADA-2024");
  }

  @Test
  void bundled_v1_mapsFormsToLevelsAsDomainMdSays() {
    assertThat(V1.violationForm("ETH-3").orElseThrow().allowedLevels()).containsExactly("MORAL");
    assertThat(V1.violationForm("DIS-N1").orElseThrow().allowedLevels()).containsExactly("SEDANG");
    assertThat(V1.violationForm("DIS-N2").orElseThrow().allowedLevels()).containsExactly("SEDANG");
    for (int n = 3; n <= 7; n++) {
      assertThat(V1.violationForm("DIS-N" + n).orElseThrow().allowedLevels())
          .containsExactly("BERAT");
    }
    assertThat(V1.violationForm("PARTY").orElseThrow().allowedLevels()).containsExactly("PTDH");
    assertThat(V1.violationForm("ETH-1").orElseThrow().stages())
        .containsExactly(CandidateStage.PROSPECTIVE_CANDIDATE);
    assertThat(V1.violationForm("DIS-N1").orElseThrow().stages())
        .containsExactly(CandidateStage.CANDIDATE);
    assertThat(V1.violationForm("PARTY").orElseThrow().alternatives()).hasSize(1);
  }

  @Test
  void bundled_v1_citesItsSources() {
    assertThat(V1.violationForm("DIS-N3").orElseThrow().ref())
        .isEqualTo(
            "catalogue saksi.neutrality v1, violationForms DIS-N3: PP 94/2021 Pasal 5 huruf n"
                + " angka 3 [S19]; level BERAT under PP 94/2021 Pasal 14 huruf i [S20, S21]");
  }

  @Test
  void authorityOn_kasnThenBkn() {
    assertThat(V1.authorityOn(LocalDate.of(2023, 11, 1)).orElseThrow().kind())
        .isEqualTo(AgencyKind.KASN);
    assertThat(V1.authorityOn(LocalDate.of(2024, 6, 13)).orElseThrow().kind())
        .isEqualTo(AgencyKind.KASN);
    assertThat(V1.authorityOn(LocalDate.of(2024, 6, 14)).orElseThrow().kind())
        .isEqualTo(AgencyKind.BKN);
    assertThat(V1.authorityOn(LocalDate.of(2013, 1, 1))).isEmpty();
  }

  @Test
  void deadline_perElectionKind() {
    Deadline pemilu = V1.deadline(DeadlineId.REPORT_FILING, ElectionKind.PEMILU);
    Deadline pilkada = V1.deadline(DeadlineId.REPORT_FILING, ElectionKind.PILKADA);

    assertThat(pemilu.describe()).isEqualTo("7 working days");
    assertThat(pilkada.describe()).isEqualTo("7 days");
    assertThat(V1.deadline(DeadlineId.DECISION_DELIVERY, ElectionKind.PILKADA).describe())
        .isEqualTo("14 working days");
  }

  @Test
  void deadline_assessmentExtension_pemiluToFourteenWorkingDays() throws Exception {
    Deadline d = V1.deadline(DeadlineId.ASSESSMENT, ElectionKind.PEMILU);
    LocalDate registered = LocalDate.of(2024, 1, 8);

    assertThat(d.dueDate(registered, V1.calendar())).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(d.extendedDueDate(registered, V1.calendar())).contains(LocalDate.of(2024, 1, 26));
  }

  @Test
  void correctedVersion_loadsAsVersion2WithTheCorrection() throws Exception {
    Catalogue v2 =
        Catalogues.load(
            Path.of("src/test/resources/domain/catalogue/saksi-neutrality-v2-corrected.json"));

    assertThat(v2.id()).isEqualTo(V1.id());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.authorityOn(LocalDate.of(2024, 7, 1)).orElseThrow().kind())
        .isEqualTo(AgencyKind.KASN);
    assertThat(v2.violationForm("DIS-N2").orElseThrow().allowedLevels())
        .containsExactly("RINGAN", "SEDANG");
    // Version 1 is untouched: a correction never edits the earlier version.
    assertThat(Catalogues.bundled(1).authorityOn(LocalDate.of(2024, 7, 1)).orElseThrow().kind())
        .isEqualTo(AgencyKind.BKN);
  }

  @Test
  void latestBundled_isVersion1() {
    assertThat(Catalogues.latestBundledVersion()).isEqualTo(1);
    assertThat(Catalogues.latestBundled().version()).isEqualTo(1);
  }

  // Mutations of the bundled JSON, each with the exact message a catalogue author sees.

  @Test
  void parse_unknownTopLevelField_rejected() {
    assertRejected(
        c -> ((ObjectNode) c).put("colour", "red"),
        "field \"colour\" is not a field of this record; the fields are authorities, calendar,"
            + " catalogue, deadlines, elections, notes, publishedOn, sanctionForms,"
            + " sanctionLevels, tracks, version, violationForms");
  }

  @Test
  void parse_levelThatDoesNotExist_rejected() {
    assertRejected(
        c -> ((ArrayNode) form(c, 8).get("allowedLevels")).set(0, "SEDANGG"),
        "field \"violationForms[8].allowedLevels[0]\" names the level SEDANGG, which is not in"
            + " sanctionLevels: [MORAL, RINGAN, SEDANG, BERAT, PTDH]");
  }

  @Test
  void parse_levelOfAnotherTrack_rejected() {
    assertRejected(
        c -> ((ArrayNode) form(c, 0).get("allowedLevels")).set(0, "BERAT"),
        "field \"violationForms[0].allowedLevels[0]\" names the level BERAT of track DISCIPLINE;"
            + " a form of track ETHICS allows only levels of that track");
  }

  @Test
  void parse_duplicateFormCode_rejected() {
    assertRejected(
        c -> form(c, 1).put("code", "ETH-1"),
        "field \"violationForms[1].code\" repeats the code ETH-1; codes are unique");
  }

  @Test
  void parse_missingDeadline_rejected() {
    assertRejected(
        c -> ((ArrayNode) c.get("deadlines")).remove(1),
        "field \"deadlines\" does not define REPORT_FILING for PILKADA; every deadline needs a"
            + " value");
  }

  @Test
  void parse_deadlineDefinedTwice_rejected() {
    assertRejected(
        c -> ((ObjectNode) c.get("deadlines").get(1)).remove("electionKind"),
        "field \"deadlines[1].id\" defines REPORT_FILING for PEMILU a second time");
  }

  @Test
  void parse_overlappingAuthorities_rejected() {
    assertRejected(
        c -> ((ObjectNode) c.get("authorities").get(1)).put("from", "2024-06-01"),
        "field \"authorities[1].from\" overlaps the previous period of KASN; list periods in date"
            + " order, each starting after the last one ends");
  }

  @Test
  void parse_holidayInAnotherYear_rejected() {
    assertRejected(
        c ->
            ((ObjectNode) c.get("calendar").get("years").get(0).get("days").get(0))
                .put("date", "2025-01-01"),
        "field \"calendar.years[0].days[0].date\" is 2025-01-01, not in 2024");
  }

  @Test
  void parse_badDate_namesThePath() {
    assertRejected(
        c -> ((ObjectNode) c.get("elections").get(0)).put("votingDay", "2024-02-30"),
        "field \"elections[0].votingDay\" is wrong: date \"2024-02-30\": day 30 does not exist;"
            + " 2024-02 has 29 days");
  }

  @Test
  void parse_levelWithoutForm_rejected() {
    assertRejected(
        c -> {
          ArrayNode forms = (ArrayNode) c.get("sanctionForms");
          forms.remove(1);
          forms.remove(0);
        },
        "field \"sanctionLevels\" level MORAL has no form in sanctionForms");
  }

  private static ObjectNode form(JsonNode c, int i) {
    return (ObjectNode) c.get("violationForms").get(i);
  }

  private static void assertRejected(Consumer<JsonNode> mutation, String message) {
    JsonNode json = Catalogues.bundledJson(1).deepCopy();
    mutation.accept(json);
    assertThatThrownBy(() -> CatalogueCodec.parse(json))
        .isInstanceOf(RecordParseException.class)
        .hasMessage(message);
  }
}
