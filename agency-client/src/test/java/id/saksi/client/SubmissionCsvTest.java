package id.saksi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submissions as CSV rows, written and read back. */
class SubmissionCsvTest {
  private static List<SignedSubmission> read(String csv) throws Exception {
    SubmissionCsv.Rows rows = new SubmissionCsv.Rows(new StringReader(csv), "b.csv");
    List<SignedSubmission> out = new ArrayList<>();
    SubmissionFiles.Item item;
    while ((item = rows.next()) != null) {
      out.add(item.submission());
    }
    return out;
  }

  @Test
  void rows_readBack_asTheSameSubmissions() throws Exception {
    SignedSubmission a = Fixtures.circular("instrument/CSV-1");
    SignedSubmission b =
        new StatementSigner(
                StubLedger.agencyKey("BAWASLU-LAMPUNG"), "BAWASLU-LAMPUNG", Fixtures.RANDOM)
            .sign(
                "case.reported",
                "case/CSV-2",
                Fixtures.reportBodyWithoutPersonalData("CSV-2"),
                Fixtures.reportPersonalData(),
                Fixtures.ISSUED,
                "p");

    List<SignedSubmission> back =
        read(SubmissionCsv.header() + SubmissionCsv.row(a) + "\r\n" + SubmissionCsv.row(b));

    assertThat(back).hasSize(2);
    assertThat(back.get(0).canonicalBytes()).isEqualTo(a.canonicalBytes());
    assertThat(back.get(1).canonicalBytes()).isEqualTo(b.canonicalBytes());
    assertThat(back.get(1).disclosures()).hasSize(8);
  }

  @Test
  void columns_inAnotherOrderWithoutOptionalOnes_areRead() throws Exception {
    SignedSubmission a = Fixtures.circular("instrument/CSV-3");
    String csv =
        "sig,nonce,issuedAt,subject,key,agency,type,body\n"
            + a.signatures().get(0).signatureBase64()
            + ","
            + a.statement().nonce()
            + ",2024-10-05T03:00:00Z,instrument/CSV-3,"
            + a.statement().key().hex()
            + ",PEMKOT-METRO,instrument.issued,\""
            + a.statement().body().toString().replace("\"", "\"\"")
            + "\"\n";

    assertThat(read(csv).get(0).canonicalBytes()).isEqualTo(a.canonicalBytes());
  }

  @Test
  void missingColumn_isRefused() {
    assertThatThrownBy(() -> read("type,agency,key,subject,issuedAt,nonce,body\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("b.csv line 1: the column \"sig\" is missing");
  }

  @Test
  void unknownColumn_isRefused() {
    assertThatThrownBy(() -> read("type,when\n"))
        .hasMessageStartingWith("b.csv line 1: unknown column \"when\"; the columns are [type,");
  }

  @Test
  void rowWithTooFewFields_isRefusedWithItsLine() {
    String csv = SubmissionCsv.header() + "\r\n" + "a,b\r\n";

    assertThatThrownBy(() -> read(csv))
        .hasMessage("b.csv row 1 (line 3): has 2 fields; the header has 10");
  }

  @Test
  void unclosedQuote_isRefused() {
    assertThatThrownBy(() -> read(SubmissionCsv.header() + "\"abc"))
        .hasMessage("b.csv line 2: a quoted field is not closed before the end of the file");
  }
}
