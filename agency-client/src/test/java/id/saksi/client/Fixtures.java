package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.json.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** Bodies, keys and signed submissions for the client's tests. */
final class Fixtures {
  static final Instant ISSUED = Instant.parse("2024-10-05T03:00:00Z");

  private Fixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String text(String name) {
    return new String(resource(name), UTF_8);
  }

  static ObjectNode circularBody() {
    try {
      return (ObjectNode) CanonicalJson.parse(resource("client/circular-body.json"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A circular of PEMKOT-METRO about {@code subject}, signed with its test key. */
  static SignedSubmission circular(String subject) {
    try {
      return new StatementSigner(StubLedger.agencyKey("PEMKOT-METRO"), "PEMKOT-METRO", RANDOM)
          .sign("instrument.issued", subject, circularBody(), Map.of(), ISSUED, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A case report's body with its personal fields left out (the client fills them in). */
  static ObjectNode reportBodyWithoutPersonalData(String caseId) {
    ObjectNode b = new CaseScript(TestLedger.standard(), caseId).reportBody("CANDIDATE", null);
    b.remove("place");
    b.remove("description");
    b.remove("reporter");
    ((ObjectNode) b.get("reported")).remove("name");
    ((ObjectNode) b.get("reported")).remove("nip");
    ((ObjectNode) b.get("reported")).remove("position");
    return b;
  }

  /** The personal values of a case report, by field path. */
  static Map<String, String> reportPersonalData() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("place", "Balai Desa Margodadi");
    m.put("description", "Hadir dan berorasi pada kampanye calon.");
    m.put("reporter.name", "Siti Aminah");
    m.put("reporter.contact", "siti@example.org");
    m.put("reporter.nik", "3174011503850001");
    m.put("reported.name", "Budi Santoso");
    m.put("reported.nip", "198503302010122001");
    m.put("reported.position", "Guru");
    return m;
  }

  static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, UTF_8);
    return file;
  }

  static final SecureRandom RANDOM = new SecureRandom();
}
