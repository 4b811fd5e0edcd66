package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.InvalidValueException;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.verify.ReceiptFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entry point of {@code agency-client.jar}: keygen, sign, submit and check (docs/client.md).
 *
 * <p>Exit codes are a contract with the agency's scripts: 0 done and every check passed; 1 the
 * service or the client refused something, or a check failed; 2 the command line was wrong, an
 * input file could not be used, or the service could not be reached (so nothing was decided). No
 * stack trace ever reaches the user.
 */
public final class Main {
  /** Done; every check passed. */
  public static final int EXIT_OK = 0;

  /** Something was refused, or a check failed. */
  public static final int EXIT_FAILED = 1;

  /** Wrong usage, unusable input, or no answer from the service. */
  public static final int EXIT_USAGE = 2;

  private static final Set<String> FLAGS = Set.of("--help");

  private final PrintStream out;
  private final PrintStream err;
  private final SecureRandom random;

  private Main(PrintStream out, PrintStream err, SecureRandom random) {
    this.out = out;
    this.err = err;
    this.random = random;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new Main(out, err, new SecureRandom()).dispatch(args);
  }

  private int dispatch(String[] args) {
    if (args.length == 0) {
      err.print(Usage.all());
      return EXIT_USAGE;
    }
    String command = args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      out.print(Usage.all());
      return EXIT_OK;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (Usage.of(command).isPresent() && (rest.contains("--help") || rest.contains("-h"))) {
      out.print(Usage.of(command).get());
      return EXIT_OK;
    }
    try {
      switch (command) {
        case "keygen":
          return keygen(Args.parse(rest, Set.of("--agency", "--out"), FLAGS));
        case "sign":
          return sign(
              Args.parse(
                  rest,
                  Set.of(
                      "--key",
                      "--agency",
                      "--type",
                      "--subject",
                      "--body",
                      "--personal",
                      "--issued-at",
                      "--out"),
                  FLAGS));
        case "submit":
          return submit(
              Args.parse(
                  rest,
                  Set.of(
                      "--url",
                      "--batch",
                      "--receipts",
                      "--log-key",
                      "--origin",
                      "--retries",
                      "--timeout"),
                  FLAGS));
        case "check":
          return check(
              Args.parse(rest, Set.of("--url", "--log-key", "--origin", "--timeout"), FLAGS));
        default:
          err.println("agency-client: unknown command '" + Texts.printable(command, 100) + "'");
          err.print(Usage.all());
          return EXIT_USAGE;
      }
    } catch (UsageException e) {
      return fail(
          EXIT_USAGE, e.getMessage() + " (java -jar agency-client.jar " + command + " --help)");
    } catch (NoSuchFileException e) {
      return fail(EXIT_USAGE, "no such file: " + e.getFile());
    } catch (FileAlreadyExistsException e) {
      return fail(EXIT_USAGE, "will not replace the existing file " + e.getFile());
    } catch (InputFormatException e) {
      return fail(EXIT_USAGE, e.getMessage());
    } catch (ConnectException | HttpTimeoutException e) {
      return fail(EXIT_USAGE, unreachable(e));
    } catch (IOException e) {
      return fail(EXIT_USAGE, "input or output failed: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(EXIT_USAGE, "interrupted");
    } catch (RuntimeException | Error e) {
      return fail(
          EXIT_USAGE, "internal error (a bug in the client, please report it): " + describe(e));
    }
  }

  private int fail(int code, String message) {
    err.println("agency-client: " + message);
    return code;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + Texts.printable(m, 500));
  }

  private static String unreachable(IOException e) {
    return "no answer from the service ("
        + describe(e)
        + "); check --url and that the service runs. Whatever was sent may or may not have been"
        + " appended: submitting the same file again is safe";
  }

  // ---------------------------------------------------------------- keygen

  private int keygen(Args a) throws UsageException, IOException {
    noPositional(a);
    String agency = agency(a.required("--agency"));
    Path dir = path(a.required("--out"), "--out");
    KeyGen.Generated g = KeyGen.generate(agency, dir, random);
    String body = new String(CanonicalJson.canonicalize(g.registrationBody()), UTF_8);
    out.println("New signing key for " + agency + ":");
    out.println("  private key  " + g.keyFile() + " (owner-only; keep it secret and backed up)");
    out.println("  key id       " + g.keyId().hex());
    out.println("  public key   " + g.publicKey().base64());
    out.println();
    out.println("It signs nothing until the ledger registers it with a key.added record");
    out.println(
        "(subject \"registry\") whose body is, as written to " + g.registrationFile() + ":");
    out.println("  " + body);
    out.println("The registrar signs it for an agency's first key; later keys the agency may");
    out.println("sign itself with a key already registered, for example:");
    out.println(
        "  java -jar agency-client.jar sign --key REGISTRAR-KEY.pem --agency REGISTRAR"
            + " --type key.added --subject registry --body "
            + g.registrationFile()
            + " --out key-added.json");
    out.println("The new key signs the entries after the one that registers it.");
    return EXIT_OK;
  }

  // ---------------------------------------------------------------- sign

  private int sign(Args a) throws UsageException, IOException, InputFormatException {
    noPositional(a);
    Path keyFile = path(a.required("--key"), "--key");
    String agency = agency(a.required("--agency"));
    String type = a.required("--type");
    String subject = a.required("--subject");
    Path bodyFile = path(a.required("--body"), "--body");
    Instant issuedAt = Instant.now();
    if (a.value("--issued-at").isPresent()) {
      issuedAt = instant(a.value("--issued-at").get());
    }
    Ed25519PrivateKey key;
    try {
      key = Ed25519PrivateKey.readPemFile(keyFile);
    } catch (ParseException e) {
      throw new InputFormatException(
          keyFile.toString(), "not an Ed25519 private key (PKCS#8 PEM): " + e.getMessage(), e);
    }
    JsonNode body = readJson(bodyFile);
    if (!body.isObject()) {
      throw new InputFormatException(bodyFile.toString(), "a record's body is a JSON object");
    }
    Map<String, String> personal = Map.of();
    if (a.value("--personal").isPresent()) {
      Path p = path(a.value("--personal").get(), "--personal");
      personal = PersonalFields.read(readJson(p), p.toString());
    }
    warnFreeLabels((ObjectNode) body);
    SignedSubmission s;
    try {
      s =
          new StatementSigner(key, agency, random)
              .sign(
                  type,
                  subject,
                  (ObjectNode) body,
                  personal,
                  issuedAt,
                  a.value("--personal").orElse(bodyFile.toString()));
    } catch (InputFormatException e) {
      throw e;
    } catch (ParseException | VerificationException e) {
      err.println("agency-client: not signed: " + e.getMessage());
      if (personal.isEmpty() && e.getMessage().contains("digest")) {
        err.println(
            "agency-client: personal values go in --personal FIELDS.json, never in the body"
                + " (docs/personal-data.md)");
      }
      return EXIT_FAILED;
    }
    Optional<String> target = a.value("--out");
    if (target.isEmpty()) {
      out.write(s.canonicalBytes());
      out.println();
      out.flush();
    } else {
      Path file = path(target.get(), "--out");
      OutputFiles.write(file, s);
      err.println(
          "signed "
              + s.statement().type()
              + " "
              + s.statement().subject()
              + " (nonce "
              + s.statement().nonce()
              + ", "
              + s.disclosures().size()
              + " personal fields committed) -> "
              + file);
    }
    if (!s.disclosures().isEmpty()) {
      err.println(
          "note: the submission carries the personal values in its disclosures; keep the file"
              + " private and delete it once submitted");
    }
    return EXIT_OK;
  }

  /** Free labels are public text: a name there would be published (docs/personal-data.md). */
  private void warnFreeLabels(ObjectNode body) {
    for (String label : List.of("reason", "referredTo")) {
      JsonNode v = body.get(label);
      if (v != null && v.isString() && !v.asString().matches("[A-Z_]+")) {
        err.println(
            "note: \""
                + label
                + "\" is public text in the ledger; it must not name a person"
                + " (docs/personal-data.md)");
      }
    }
  }

  // ---------------------------------------------------------------- submit

  private int submit(Args a)
      throws UsageException, IOException, InputFormatException, InterruptedException {
    URI base = LedgerHttp.parseBase(a.required("--url"));
    Optional<NoteVerifierKey> logKey = Optional.empty();
    if (a.value("--log-key").isPresent()) {
      logKey = Optional.of(logKey(a.value("--log-key").get()));
    }
    String origin = a.value("--origin").orElse(logKey.map(NoteVerifierKey::name).orElse(""));
    int retries = number(a, "--retries", 2, 0, 10);
    Duration timeout = Duration.ofSeconds(number(a, "--timeout", 60, 1, 3600));
    Path file;
    boolean batch = a.value("--batch").isPresent();
    if (batch) {
      noPositional(a);
      file = path(a.value("--batch").get(), "--batch");
    } else {
      if (a.positional().size() != 1) {
        throw new UsageException("give exactly one submission FILE, or --batch FILE");
      }
      file = path(a.positional().get(0), "FILE");
      if (OutputFiles.kindOf(file) != OutputFiles.Kind.JSON) {
        throw new UsageException(file + " is a batch file: send it with --batch " + file);
      }
    }
    Path receiptsPath = path(a.value("--receipts").orElse(file + ".receipts"), "--receipts");
    Submitter submitter =
        new Submitter(
            new LedgerHttp(base, timeout),
            logKey,
            origin,
            retries,
            ReceiptsFile.open(receiptsPath),
            out,
            err);
    Submitter.Tally t =
        batch ? submitter.submitBatch(file) : submitter.submitOne(SubmissionFiles.readOne(file));
    out.println(t.summary(receiptsPath));
    if (logKey.isEmpty()) {
      err.println(
          "note: without --log-key the receipts' signatures were not checked, only that they"
              + " name your statements");
    }
    return t.allGood() ? EXIT_OK : EXIT_FAILED;
  }

  // ---------------------------------------------------------------- check

  private int check(Args a)
      throws UsageException, IOException, InputFormatException, InterruptedException {
    URI base = LedgerHttp.parseBase(a.required("--url"));
    NoteVerifierKey logKey = logKey(a.required("--log-key"));
    String origin = a.value("--origin").orElse(logKey.name());
    Duration timeout = Duration.ofSeconds(number(a, "--timeout", 60, 1, 3600));
    if (a.positional().size() != 1) {
      throw new UsageException("give exactly one RECEIPTS file or folder");
    }
    Path receipts = path(a.positional().get(0), "RECEIPTS");
    if (!Files.exists(receipts)) {
      throw new NoSuchFileException(receipts.toString());
    }
    List<ReceiptFiles.Note> notes;
    try {
      notes = ReceiptFiles.read(receipts);
    } catch (ParseException e) {
      throw new InputFormatException(receipts.toString(), e.getMessage(), e);
    }
    InclusionChecker checker = new InclusionChecker(new LedgerHttp(base, timeout), logKey, origin);
    Checkpoint latest;
    try {
      latest = checker.latestCheckpoint();
    } catch (InclusionChecker.CheckpointException e) {
      out.println("FAILED  " + e.getMessage());
      out.println("FAILED: nothing can be proved against this service's checkpoint.");
      return EXIT_FAILED;
    }
    out.println(
        "latest checkpoint: size "
            + latest.size()
            + ", root "
            + latest.rootHash().hex()
            + ", signed by "
            + logKey.keyRef());
    int ok = 0;
    int pending = 0;
    int failed = 0;
    for (ReceiptFiles.Note n : notes) {
      InclusionChecker.Result r = checker.check(n, latest);
      switch (r.status()) {
        case OK:
          ok++;
          out.println("ok       " + r.source() + ": " + r.message());
          break;
        case PENDING:
          pending++;
          out.println("pending  " + r.source() + ": " + r.message());
          break;
        default:
          failed++;
          out.println("FAILED   " + r.source() + ": " + r.message());
      }
    }
    if (failed == 0 && pending == 0) {
      out.println("OK: all " + ok + " receipts are proved in the log.");
      return EXIT_OK;
    }
    out.println(
        (failed > 0 ? "FAILED: " : "NOT YET: ")
            + ok
            + " proved, "
            + pending
            + " not yet in a checkpoint, "
            + failed
            + " failed.");
    return EXIT_FAILED;
  }

  // ---------------------------------------------------------------- helpers

  private static void noPositional(Args a) throws UsageException {
    if (!a.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
    }
  }

  private static String agency(String code) throws UsageException {
    try {
      return AgencyCode.parse(code).value();
    } catch (InvalidValueException e) {
      throw new UsageException("--agency: " + e.getMessage());
    }
  }

  private static Path path(String value, String option) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + " is not a file name: " + e.getMessage());
    }
  }

  private static Instant instant(String text) throws UsageException {
    try {
      Instant t = Instant.parse(text);
      if (!t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).equals(t) || !text.endsWith("Z")) {
        throw new DateTimeParseException("", text, 0);
      }
      return t;
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--issued-at must be a UTC time to the second, such as 2024-11-27T02:00:00Z");
    }
  }

  private static int number(Args a, String option, int fallback, int min, int max)
      throws UsageException {
    if (a.value(option).isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(a.value(option).get());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number from " + min + " to " + max);
    }
  }

  private static JsonNode readJson(Path file) throws IOException, InputFormatException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SubmissionFiles.MAX_SUBMISSION_BYTES + 1);
    }
    if (bytes.length > SubmissionFiles.MAX_SUBMISSION_BYTES) {
      throw new InputFormatException(
          file.toString(), "is larger than " + SubmissionFiles.MAX_SUBMISSION_BYTES + " bytes");
    }
    try {
      return CanonicalJson.parse(bytes);
    } catch (JsonParseException e) {
      throw new InputFormatException(file.toString(), "not JSON: " + e.getMessage(), e);
    }
  }

  /** The log key from its text, or from a file that holds it (the published log.vkey). */
  static NoteVerifierKey logKey(String value) throws UsageException, IOException {
    String text = value;
    Path p = null;
    try {
      p = Path.of(value);
    } catch (InvalidPathException e) {
      // Not a path: the key's text.
    }
    if (p != null && Files.isRegularFile(p)) {
      try (InputStream in = Files.newInputStream(p)) {
        byte[] b = in.readNBytes(4096);
        text = new String(b, UTF_8);
      }
    }
    try {
      return NoteVerifierKey.parse(text.strip());
    } catch (NoteKeyFormatException e) {
      throw new UsageException(
          "--log-key is not the log's verifier key (name+id+key, as the operator publishes it in"
              + " log.vkey): "
              + e.getMessage());
    }
  }
}
