package id.saksi.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.SignedNote;
import id.saksi.core.note.SignedNotes;
import id.saksi.core.note.TlogProof;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How the cost of reading hostile input grows with its size, for the three readers that take the
 * largest outside inputs: strict JSON, signed notes (opened with the log key) and tlog-proofs.
 *
 * <p>Each shape is an input an attacker would choose to make a parser slow: nesting at the bound of
 * 64, nesting past it, long strings, strings of escapes, many keys that share one {@code
 * String.hashCode}, maximal numbers, long lines, the most signature lines allowed, more than
 * allowed, and the log's valid signature line repeated. Each is built at 1 KiB, 32 KiB and 1 MiB
 * (the nested classes KiB1, KiB32 and MiB1, in bytes, within a few per cent). Linear cost shows as
 * a flat time per byte: the score divided by {@code size}. The {@code bound} group reads inputs
 * just past each documented limit (note 1 MiB, entry size, proof size, disclosure length), which
 * must be refused before any work proportional to their size: its scores must not grow with {@code
 * size}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParserScaling -f 1 -wi 3 -w 1s -i 5 -r
 * 1s -rf json}, then divide each score by its size. Shapes whose smallest input cannot be 1 KiB
 * (100 signature lines take about 10 KiB) are built at the smallest size they have.
 *
 * <p>Known result (see the report in BENCHMARKS.md): JSON with tens of thousands of distinct keys
 * is not linear, because Jackson's table of key names degrades past its 64k-slot cap and sums the
 * 4-byte groups of long names (so permuted names collide); within the entry bound (260 KiB) it
 * costs at most about 4 times the per-byte cost of ordinary JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class ParserScalingBenchmark {
  static final String ORIGIN = "saksi.example/log";

  // RFC 8410 section 10.3's private key, the log key of docs/example.
  static final NoteSigner LOG =
      NoteSigner.of(
          ORIGIN,
          Ed25519PrivateKey.fromSeed(
              java.util.HexFormat.of()
                  .parseHex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")));

  static byte[] json(String shape, int size) {
    StringBuilder sb = new StringBuilder(size + 64);
    switch (shape) {
      case "nestedAtBound":
        {
          // Arrays nested 64 deep (the outer one is level 1), side by side.
          String unit = "[".repeat(63) + "]".repeat(63);
          sb.append('[');
          while (sb.length() + unit.length() + 2 <= size) {
            sb.append(sb.length() > 1 ? "," : "").append(unit);
          }
          return sb.append(']').toString().getBytes(UTF_8);
        }
      case "nestedPastBound":
        return "[".repeat(size).getBytes(UTF_8);
      case "longString":
        sb.append('"');
        for (int i = 0; sb.length() < size - 1; i++) {
          sb.append((char) ('a' + i % 26));
        }
        return sb.append('"').toString().getBytes(UTF_8);
      case "escapes":
        sb.append('"');
        while (sb.length() < size - 7) {
          sb.append("\\u00e9\\n");
        }
        return sb.append('"').toString().getBytes(UTF_8);
      case "collidingKeys":
        {
          // "Aa" and "BB" have one String.hashCode, so every key built of them collides.
          // Enough bits that the keys stay distinct: each member takes 2 * bits + 5 bytes.
          int bits = 1;
          while ((1 << bits) * (2 * bits + 5) < size) {
            bits++;
          }
          sb.append('{');
          for (int k = 0; k < (1 << bits) && sb.length() + 2 * bits + 6 <= size; k++) {
            sb.append(k > 0 ? "," : "").append('"');
            for (int b = 0; b < bits; b++) {
              sb.append(((k >> b) & 1) == 0 ? "Aa" : "BB");
            }
            sb.append("\":1");
          }
          return sb.append('}').toString().getBytes(UTF_8);
        }
      case "distinctKeys":
        {
          Random r = new Random(1);
          sb.append('{');
          for (int k = 0; sb.length() + 20 <= size; k++) {
            sb.append(k > 0 ? "," : "")
                .append("\"k")
                .append(Long.toHexString(r.nextLong()))
                .append("\":1");
          }
          return sb.append('}').toString().getBytes(UTF_8);
        }
      case "longNumbers":
        {
          // Numbers of 999 characters, just under Jackson's limit of 1000: the most digits one
          // number can make the double conversion look at.
          String number = "0." + "1234567890".repeat(99) + "7";
          sb.append('[');
          while (sb.length() + number.length() + 2 <= size) {
            sb.append(sb.length() > 1 ? "," : "").append(number);
          }
          if (sb.length() == 1) {
            sb.append(number, 0, Math.max(1, size - 2));
          }
          return sb.append(']').toString().getBytes(UTF_8);
        }
      default:
        throw new IllegalArgumentException(shape);
    }
  }

  static byte[] note(String shape, int size) {
    // Notes are at most 1 MiB: the largest size is built just under it.
    int budget = Math.min(size, SignedNotes.MAX_NOTE_BYTES);
    byte[] signed = SignedNotes.sign("x\n", LOG);
    String logLine = new String(signed, UTF_8).substring(3); // "— saksi.example/log <b64>\n"
    int lineBytes = logLine.getBytes(UTF_8).length;
    switch (shape) {
      case "longLine":
        return SignedNotes.sign("a".repeat(budget - lineBytes - 3) + "\n", LOG);
      case "manyLines":
        return SignedNotes.sign("a\n".repeat((budget - lineBytes - 2) / 2), LOG);
      case "maxSignatureLines":
        {
          // 100 lines (the limit) by keys the verifier does not know, with long names: the log's
          // own line comes last.
          int nameLength = Math.max(1, (budget - 3 - lineBytes) / SignedNotes.MAX_SIGNATURES - 94);
          StringBuilder sb = new StringBuilder("x\n\n");
          for (int i = 0; i < SignedNotes.MAX_SIGNATURES - 1; i++) {
            sb.append("\u2014 ")
                .append("w".repeat(nameLength))
                .append(i)
                .append(' ')
                .append(Base64.getEncoder().encodeToString(new byte[68]))
                .append('\n');
          }
          return sb.append(logLine).toString().getBytes(UTF_8);
        }
      case "tooManySignatureLines":
        {
          // At least one line more than allowed; more as the size allows.
          int lines = Math.max(SignedNotes.MAX_SIGNATURES + 1, (budget - 3) / lineBytes);
          return ("x\n\n" + logLine.repeat(lines)).getBytes(UTF_8);
        }
      case "repeatedValidSignature":
        {
          // The log's valid line 100 times under the longest text that leaves room for them:
          // every line by a trusted key is checked, so this is the most verification one note
          // can ask for.
          int lines = SignedNotes.MAX_SIGNATURES;
          String text = "a".repeat(Math.max(1, budget - lines * lineBytes - 3)) + "\n";
          byte[] one = SignedNotes.sign(text, LOG);
          String line = new String(one, UTF_8).substring(text.length() + 1);
          return (text + "\n" + line.repeat(lines)).getBytes(UTF_8);
        }
      default:
        throw new IllegalArgumentException(shape);
    }
  }

  static byte[] proof(String shape, int size) {
    byte[] checkpoint = Checkpoints.sign(new Checkpoint(ORIGIN, 3, Hash.ZERO), LOG);
    String head = TlogProof.HEADER + "\n";
    switch (shape) {
      case "longIndexLine":
        return (head + "index 1" + "0".repeat(Math.max(1, size - 200)) + "\n\n").getBytes(US_ASCII);
      case "longExtraLine":
        {
          int raw = Math.max(3, (size - 200) / 4 * 3);
          return (head
                  + "extra "
                  + Base64.getEncoder().encodeToString(new byte[raw])
                  + "\nindex 1\n\n")
              .getBytes(US_ASCII);
        }
      case "maxPathLongCheckpoint":
        {
          // 63 path hashes and a checkpoint whose extension lines fill the rest: all of it must
          // be read, so this is the cost of a proof that parses.
          List<Hash> path = new ArrayList<>();
          for (int i = 0; i < TlogProof.MAX_PATH; i++) {
            path.add(Hashing.sha256(new byte[] {(byte) i}));
          }
          int room = Math.max(2, Math.min(size, SignedNotes.MAX_NOTE_BYTES) - 3200);
          List<String> extensions = new ArrayList<>();
          for (int left = room; left > 0; left -= 81) {
            extensions.add("e".repeat(80));
          }
          byte[] cp = Checkpoints.sign(new Checkpoint(ORIGIN, 3, Hash.ZERO, extensions), LOG);
          return TlogProof.of(1, path, cp).encode();
        }
      case "longHeaderLine":
        {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(("c2sp.org/tlog-proof@v1" + "x".repeat(size)).getBytes(US_ASCII));
          out.writeBytes("\nindex 1\n\n".getBytes(US_ASCII));
          out.writeBytes(checkpoint);
          return out.toByteArray();
        }
      default:
        throw new IllegalArgumentException(shape);
    }
  }

  /** Bytes of input; for the bound group, bytes past the limit. */
  abstract int size();

  private final java.util.Map<String, byte[]> inputs = new java.util.HashMap<>();
  private String disclosureText;
  private NoteVerifierKey key;

  @Setup
  public void build() {
    key = LOG.verifierKey();
    int size = size();
    for (String shape : SHAPES) {
      String kind = shape.substring(0, shape.indexOf(':'));
      String name = shape.substring(shape.indexOf(':') + 1);
      switch (kind) {
        case "json":
          inputs.put(shape, json(name, size));
          break;
        case "note":
          inputs.put(shape, note(name, size));
          break;
        case "proof":
          inputs.put(shape, proof(name, size));
          break;
        default:
          int limit =
              switch (name) {
                case "note" -> SignedNotes.MAX_NOTE_BYTES;
                case "entry" -> Entry.MAX_BYTES;
                case "proof" -> SignedNotes.MAX_NOTE_BYTES + 4 * TlogProof.MAX_EXTRA_BYTES;
                default -> Disclosure.MAX_ENCODED_LENGTH;
              };
          byte[] past = new byte[limit + size];
          java.util.Arrays.fill(past, (byte) 'a');
          inputs.put(shape, past);
          if (name.equals("disclosure")) {
            disclosureText = "a".repeat(limit + size);
          }
      }
    }
  }

  static final List<String> SHAPES =
      List.of(
          "json:nestedAtBound",
          "json:nestedPastBound",
          "json:longString",
          "json:escapes",
          "json:collidingKeys",
          "json:distinctKeys",
          "json:longNumbers",
          "note:longLine",
          "note:manyLines",
          "note:maxSignatureLines",
          "note:tooManySignatureLines",
          "note:repeatedValidSignature",
          "proof:longIndexLine",
          "proof:longExtraLine",
          "proof:maxPathLongCheckpoint",
          "proof:longHeaderLine",
          "bound:note",
          "bound:entry",
          "bound:proof",
          "bound:disclosure");

  private Object json(String shape) {
    try {
      return CanonicalJson.parse(inputs.get(shape));
    } catch (ParseException e) {
      return e;
    }
  }

  private Object note(String shape) {
    try {
      return SignedNotes.open(inputs.get(shape), key);
    } catch (ParseException | VerificationException e) {
      return e;
    }
  }

  private Object proof(String shape) {
    try {
      return TlogProof.parse(inputs.get(shape));
    } catch (ParseException e) {
      return e;
    }
  }

  private Object bound(String shape) {
    try {
      switch (shape) {
        case "bound:note":
          return SignedNote.parse(inputs.get(shape));
        case "bound:entry":
          return Entry.parse(inputs.get(shape));
        case "bound:proof":
          return TlogProof.parse(inputs.get(shape));
        default:
          return Disclosure.parse(disclosureText);
      }
    } catch (ParseException | VerificationException e) {
      return e;
    }
  }

  @Benchmark
  public Object jsonNestedAtBound() {
    return json("json:nestedAtBound");
  }

  @Benchmark
  public Object jsonNestedPastBound() {
    return json("json:nestedPastBound");
  }

  @Benchmark
  public Object jsonLongString() {
    return json("json:longString");
  }

  @Benchmark
  public Object jsonEscapes() {
    return json("json:escapes");
  }

  @Benchmark
  public Object jsonCollidingKeys() {
    return json("json:collidingKeys");
  }

  @Benchmark
  public Object jsonDistinctKeys() {
    return json("json:distinctKeys");
  }

  @Benchmark
  public Object jsonLongNumbers() {
    return json("json:longNumbers");
  }

  @Benchmark
  public Object noteLongLine() {
    return note("note:longLine");
  }

  @Benchmark
  public Object noteManyLines() {
    return note("note:manyLines");
  }

  @Benchmark
  public Object noteMaxSignatureLines() {
    return note("note:maxSignatureLines");
  }

  @Benchmark
  public Object noteTooManySignatureLines() {
    return note("note:tooManySignatureLines");
  }

  @Benchmark
  public Object noteRepeatedValidSignature() {
    return note("note:repeatedValidSignature");
  }

  @Benchmark
  public Object proofLongIndexLine() {
    return proof("proof:longIndexLine");
  }

  @Benchmark
  public Object proofLongExtraLine() {
    return proof("proof:longExtraLine");
  }

  @Benchmark
  public Object proofMaxPathLongCheckpoint() {
    return proof("proof:maxPathLongCheckpoint");
  }

  @Benchmark
  public Object proofLongHeaderLine() {
    return proof("proof:longHeaderLine");
  }

  @Benchmark
  public Object boundNote() {
    return bound("bound:note");
  }

  @Benchmark
  public Object boundEntry() {
    return bound("bound:entry");
  }

  @Benchmark
  public Object boundProof() {
    return bound("bound:proof");
  }

  @Benchmark
  public Object boundDisclosure() {
    return bound("bound:disclosure");
  }

  /** Inputs of about 1 KiB (or the smallest the shape has). */
  public static class KiB1 extends ParserScalingBenchmark {
    @Override
    int size() {
      return 1024;
    }
  }

  /** Inputs of about 32 KiB. */
  public static class KiB32 extends ParserScalingBenchmark {
    @Override
    int size() {
      return 32 * 1024;
    }
  }

  /** Inputs of about 1 MiB (notes and proofs just under their bounds). */
  public static class MiB1 extends ParserScalingBenchmark {
    @Override
    int size() {
      return 1024 * 1024;
    }
  }
}
