package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the strict JSON reader and the RFC 8785 writer, the layer under every statement, entry and
 * domain body.
 *
 * <p>Only {@link JsonParseException} may escape reading, with a position inside the input; what
 * reads must write without error (the reader never accepts a tree the writer refuses); and the
 * canonical form is a fixed point: it reads back to the same tree, canonicalizes to itself, and
 * passes {@link CanonicalJson#requireCanonical}, which accepts the input exactly when the input is
 * its own canonical form.
 */
class JsonFuzzTest {
  static Stream<Arguments> canonicalJsonSeeds() {
    Path json = FuzzSeeds.RESOURCES.resolve("json");
    FuzzSeeds seeds =
        FuzzSeeds.forTarget("json")
            .tree(json.resolve("cyberphone").resolve("input"))
            .tree(json.resolve("cyberphone").resolve("output"))
            .file(json.resolve("rfc8785").resolve("section-3.2.2-input.json"))
            .file(json.resolve("rfc8785").resolve("section-3.2.3-input.json"))
            .lines(FuzzSeeds.RESOURCES.resolve("domain/examples/whole-case.jsonl"))
            .lines(FuzzSeeds.EXAMPLE.resolve("entries.jsonl"))
            .file(FuzzSeeds.EXAMPLE.resolve("statement-1.json"));
    // The numbers of RFC 8785 appendix B, as their canonical spelling.
    for (String line :
        FuzzSeeds.textLines(json.resolve("rfc8785").resolve("appendix-b-numbers.csv"))) {
      String[] f = line.split(",", -1);
      if (!line.startsWith("#") && f.length > 1 && !f[1].equals("error")) {
        seeds.add("appendix-b " + f[1], f[1]);
      }
    }
    // Every input the rejection table holds: each is one mutation away from valid JSON.
    for (String line : FuzzSeeds.textLines(json.resolve("rejected").resolve("cases.tsv"))) {
      String[] f = line.split("\t", -1);
      if (!line.startsWith("#") && f.length == 3) {
        seeds.add(
            "rejected " + f[0],
            f[1].startsWith("hex:")
                ? HexFormat.of().parseHex(f[1].substring(4))
                : f[1].getBytes(UTF_8));
      }
    }
    return seeds.stream();
  }

  @MethodSource("canonicalJsonSeeds")
  @FuzzTest
  void canonicalJson(byte[] input) throws Exception {
    JsonNode tree;
    try {
      tree = CanonicalJson.parse(input);
    } catch (JsonParseException e) {
      assertThat(e.byteOffset()).as(e.getMessage()).isBetween(0L, (long) input.length);
      assertThat(e.line()).as(e.getMessage()).isPositive();
      assertThat(e.column()).as(e.getMessage()).isPositive();
      // canonicalize and requireCanonical read the same way and fail the same way.
      try {
        CanonicalJson.canonicalize(input);
        throw new AssertionError("canonicalize accepted what parse rejected: " + e.getMessage());
      } catch (JsonParseException again) {
        assertThat(again.getMessage()).isEqualTo(e.getMessage());
      }
      return;
    }
    byte[] canonical = CanonicalJson.canonicalize(tree);
    assertThat(CanonicalJson.canonicalize(input)).isEqualTo(canonical);

    JsonNode reread = CanonicalJson.parse(canonical);
    assertThat(reread).isEqualTo(tree);
    assertThat(CanonicalJson.canonicalize(reread)).isEqualTo(canonical);
    CanonicalJson.requireCanonical(canonical);

    int mismatch = Arrays.mismatch(input, canonical);
    try {
      CanonicalJson.requireCanonical(input);
      assertThat(mismatch).as("requireCanonical accepted a non-canonical input").isEqualTo(-1);
    } catch (NotCanonicalException e) {
      assertThat(e.byteOffset()).as(e.getMessage()).isEqualTo(mismatch);
    }
  }
}
