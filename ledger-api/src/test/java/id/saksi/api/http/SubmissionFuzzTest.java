package id.saksi.api.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.Submissions;
import id.saksi.api.write.SignedStatement;
import id.saksi.api.write.SubmissionParser;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * Fuzzes what the write API reads from a client before the ledger's lock: the bounded body reader
 * ({@link RequestBodies}, with the Content-Type), and the submission parser for {@code POST
 * /statements} and {@code POST /statements/batch} ({@link SubmissionParser}).
 *
 * <p>Whatever the bytes, the only exception is a {@link ProblemException} whose problem is a 4xx
 * (the client's fault, answered with problem details); in a batch, each refused item is such a
 * problem. A 5xx, any other exception, a hang or unbounded memory is a finding.
 */
class SubmissionFuzzTest {
  private static final SubmissionParser PARSER = new SubmissionParser(64, 1000);
  private static final DataSize LIMIT = DataSize.ofKilobytes(256);

  static Stream<Arguments> bodySeeds() {
    Submissions.Signed circular = Bodies.newCircular();
    CaseScript script = new CaseScript(TestLedger.standard(), "T-FUZZ");
    Submissions.Signed report =
        Submissions.sign(
            "BAWASLU-LAMPUNG",
            "case.reported",
            script.subject,
            script.reportBody("CANDIDATE", null));
    byte[] one = circular.bytes();
    String batch =
        "{\"items\":["
            + new String(one, UTF_8)
            + ","
            + new String(report.bytes(), UTF_8)
            + ",{\"statement\":{}},7]}";
    byte[] deep = new byte[20_000];
    Arrays.fill(deep, 0, 10_000, (byte) '[');
    Arrays.fill(deep, 10_000, 20_000, (byte) ']');
    return Stream.of(
        seed("circular", one),
        seed("report with disclosures", report.bytes()),
        seed("batch of four", batch.getBytes(UTF_8)),
        seed("truncated", Arrays.copyOf(one, one.length / 2)),
        seed("deep nesting", deep),
        seed("not json", "statement=1".getBytes(UTF_8)),
        seed("utf-16", new String(one, UTF_8).getBytes(java.nio.charset.StandardCharsets.UTF_16)));
  }

  private static Arguments seed(String name, byte[] input) {
    return Arguments.of(Named.of(name, input));
  }

  @MethodSource("bodySeeds")
  @FuzzTest
  void singleBody(byte[] input) {
    try {
      SignedStatement s = PARSER.parseSingle(input);
      assertThat(s.statement()).isNotNull();
    } catch (ProblemException e) {
      requireClientProblem(e.problem());
    }
  }

  @MethodSource("bodySeeds")
  @FuzzTest
  void batchBody(byte[] input) {
    List<Object> items;
    try {
      items = PARSER.parseBatch(input);
    } catch (ProblemException e) {
      requireClientProblem(e.problem());
      return;
    }
    assertThat(items).isNotEmpty();
    for (Object item : items) {
      if (item instanceof Problem) {
        requireClientProblem((Problem) item);
      } else {
        assertThat(item).isInstanceOf(SignedStatement.class);
      }
    }
  }

  static Stream<Arguments> requestSeeds() {
    return bodySeeds()
        .flatMap(
            a -> {
              byte[] body = (byte[]) ((Named<?>) a.get()[0]).getPayload();
              return Stream.of(
                  seed("application/json; " + a.get()[0], request("application/json", body)),
                  seed("charset latin1", request("application/json; charset=ISO-8859-1", body)),
                  seed("problem+json", request("application/problem+json;charset=utf-8", body)),
                  seed("text/plain", request("text/plain", body)),
                  seed("bad type", request(";;=/", body)));
            });
  }

  /** The first line of the input is the Content-Type, the rest the body. */
  private static byte[] request(String contentType, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(contentType.getBytes(UTF_8));
    out.write('\n');
    out.writeBytes(body);
    return out.toByteArray();
  }

  /**
   * A request: the first line of the input is its Content-Type (none if the line is empty), the
   * rest its body, read with the body limit and then parsed as a single submission.
   */
  @MethodSource("requestSeeds")
  @FuzzTest
  void requestBody(byte[] input) {
    int nl = 0;
    while (nl < input.length && input[nl] != '\n') {
      nl++;
    }
    String contentType = new String(input, 0, nl, UTF_8);
    byte[] body = nl < input.length ? Arrays.copyOfRange(input, nl + 1, input.length) : new byte[0];
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/statements");
    if (!contentType.isEmpty()) {
      request.setContentType(contentType);
    }
    request.setContent(body);
    try {
      byte[] read = RequestBodies.readJson(request, LIMIT, java.time.Duration.ofMinutes(1));
      assertThat(read).isEqualTo(body);
      PARSER.parseSingle(read);
    } catch (ProblemException e) {
      requireClientProblem(e.problem());
    }
  }

  private static void requireClientProblem(Problem p) {
    assertThat(p.type().status()).as(p.detail()).isBetween(400, 499);
    assertThat(p.detail()).isNotBlank();
  }
}
