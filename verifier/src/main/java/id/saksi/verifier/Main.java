package id.saksi.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.ParseException;
import id.saksi.core.export.ExportReader;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.verify.EntryObserver;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.ReceiptCheck;
import id.saksi.core.verify.ReceiptFiles;
import id.saksi.core.verify.UnusableInputException;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import id.saksi.verifier.db.DbVerifier;
import id.saksi.verifier.db.LogKeyChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entry point of {@code verifier.jar}.
 *
 * <p>Exit codes are part of the contract with scripts and courts: 0 the input verified, 1 an
 * integrity check failed, 2 the input was unusable or the command line was wrong. No stack trace
 * ever reaches the user.
 */
public final class Main {
  /** Everything checked and valid. */
  public static final int EXIT_VALID = 0;

  /** The input was read and an integrity check failed. */
  public static final int EXIT_INVALID = 1;

  /** The input could not be used (missing, unreadable, malformed) or the usage was wrong. */
  public static final int EXIT_USAGE = 2;

  private static final Set<String> VERIFY_VALUES =
      Set.of("--log-key", "--origin", "--since", "--threads", "--work-dir", "--transition");
  private static final Set<String> RECEIPT_VALUES =
      Set.of("--log-key", "--origin", "--export", "--url", "--threads", "--transition");
  private static final Set<String> DB_VALUES =
      Set.of(
          "--jdbc-url",
          "--user",
          "--password",
          "--log-key",
          "--origin",
          "--since",
          "--threads",
          "--transition",
          "--work-dir");
  private static final Set<String> FLAGS = Set.of("--json", "--all");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(usage());
      return EXIT_USAGE;
    }
    String command = args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      out.print(usage());
      return EXIT_VALID;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    boolean json = rest.contains("--json");
    try {
      switch (command) {
        case "verify":
          return verify(Args.parse(rest, VERIFY_VALUES, FLAGS), out);
        case "verify-db":
          return verifyDb(Args.parse(rest, DB_VALUES, FLAGS), out);
        case "check-receipts":
          return checkReceipts(Args.parse(rest, RECEIPT_VALUES, FLAGS), out);
        default:
          err.println("verifier: unknown command '" + command + "'");
          err.print(usage());
          return EXIT_USAGE;
      }
    } catch (Args.UsageException e) {
      return unusable(command, json, e.getMessage() + " (java -jar verifier.jar --help)", out, err);
    } catch (NoSuchFileException e) {
      return unusable(command, json, "no such file: " + e.getFile(), out, err);
    } catch (IOException e) {
      return unusable(command, json, "cannot read: " + e.getMessage(), out, err);
    } catch (ParseException e) {
      return unusable(command, json, e.getMessage(), out, err);
    } catch (SQLException e) {
      return unusable(
          command, json, "cannot read the database: " + oneLine(e.getMessage()), out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unusable(command, json, "interrupted", out, err);
    } catch (OutOfMemoryError e) {
      return unusable(
          command, json, "out of memory; give Java more with -Xmx (for example -Xmx1g)", out, err);
    } catch (RuntimeException | Error e) {
      return unusable(
          command,
          json,
          "internal error (a bug in the verifier, please report it): "
              + e.getClass().getName()
              + ": "
              + e.getMessage(),
          out,
          err);
    }
  }

  private static int verify(Args a, PrintStream out)
      throws Args.UsageException, IOException, ParseException, InterruptedException {
    Path export = onePath(a, "EXPORT.zip");
    VerifyOptions options = options(a);
    byte[] since = null;
    if (a.value("--since").isPresent()) {
      since = readSmall(Path.of(a.value("--since").get()));
      options = options.withSince(since);
    }
    VerificationReport r;
    if (a.value("--transition").isPresent()) {
      // Across rotations of the log's key: the keys the published transition notes vouch for.
      try (ExportReader reader = ExportReader.open(export)) {
        OfflineTrust.Resolved t =
            OfflineTrust.resolve(reader, options, since, Path.of(a.value("--transition").get()));
        r = t.withNotes(ExportVerifier.verify(reader, t.options(), EntryObserver.NONE));
      }
    } else {
      r = ExportVerifier.verify(export, options);
    }
    if (a.flag("--json")) {
      out.print(Render.line(Render.json("verify", export.toString(), r)));
    } else {
      out.print(Render.text(export.toString(), r));
    }
    return r.failures().isEmpty() ? EXIT_VALID : EXIT_INVALID;
  }

  private static int verifyDb(Args a, PrintStream out)
      throws Args.UsageException, IOException, ParseException, InterruptedException, SQLException {
    if (!a.positional().isEmpty()) {
      throw new Args.UsageException("verify-db takes no file; give the database with --jdbc-url");
    }
    String url = a.required("--jdbc-url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new Args.UsageException(
          "--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql:...)");
    }
    Properties props = new Properties();
    a.value("--user").ifPresent(u -> props.setProperty("user", u));
    // A password on the command line is visible to other users of the machine: PGPASSWORD too.
    Optional<String> password =
        a.value("--password").or(() -> Optional.ofNullable(System.getenv("PGPASSWORD")));
    password.ifPresent(p -> props.setProperty("password", p));
    VerifyOptions options = options(a);
    if (a.value("--since").isPresent()) {
      options = options.withSince(readSmall(Path.of(a.value("--since").get())));
    }
    List<byte[]> transitions = new ArrayList<>();
    if (a.value("--transition").isPresent()) {
      transitions.addAll(transitionNotes(Path.of(a.value("--transition").get())));
    }
    VerificationReport r =
        DbVerifier.verify(() -> DriverManager.getConnection(url, props), options, transitions);
    // Parameters may carry a password: never printed.
    String shown = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
    if (a.flag("--json")) {
      ObjectNode n = Render.json("verify-db", shown, r);
      out.print(Render.line(n));
    } else {
      out.print(Render.text("the database at " + shown, r));
    }
    return r.failures().isEmpty() ? EXIT_VALID : EXIT_INVALID;
  }

  private static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s+", " ").strip();
  }

  private static int checkReceipts(Args a, PrintStream out)
      throws Args.UsageException, IOException, ParseException, InterruptedException {
    Path receipts = onePath(a, "RECEIPTS");
    if (a.value("--url").isPresent()) {
      if (a.value("--export").isPresent()) {
        throw new Args.UsageException("give --export or --url, not both");
      }
      return checkReceiptsAtService(receipts, a, out);
    }
    Path export = Path.of(a.required("--export"));
    VerifyOptions options = options(a);
    List<ReceiptFiles.Note> notes = ReceiptFiles.read(receipts);
    ReceiptCheck.Report r;
    try (ExportReader reader = ExportReader.open(export)) {
      if (a.value("--transition").isPresent()) {
        // Receipts signed by a retired log key, for entries before its rotation, are the log's.
        OfflineTrust.Resolved t =
            OfflineTrust.resolve(reader, options, null, Path.of(a.value("--transition").get()));
        LogKeyChain chain = t.chain();
        String origin = options.origin();
        r = ReceiptCheck.check(reader, t.options(), notes, n -> chain.openReceipt(n, origin));
        r = new ReceiptCheck.Report(t.withNotes(r.export()), r.results());
      } else {
        r = ReceiptCheck.check(reader, options, notes);
      }
    }
    boolean exportValid = r.export().failures().isEmpty();
    int code =
        !exportValid || !r.broken().isEmpty()
            ? EXIT_INVALID
            : r.notCovered().isEmpty() ? EXIT_VALID : EXIT_USAGE;
    if (a.flag("--json")) {
      ObjectNode n = Render.json("check-receipts", export.toString(), r.export());
      n.put(
          "verdict",
          code == EXIT_VALID ? "valid" : code == EXIT_INVALID ? "invalid" : "not-covered");
      n.set("receipts", Render.receiptsJson(r.results()));
      out.print(Render.line(n));
      return code;
    }
    out.print(Render.text(export.toString(), r.export()));
    if (!exportValid) {
      out.println(
          "The export does not verify, so it cannot prove anything about the "
              + notes.size()
              + " receipts.");
      return code;
    }
    out.print(Render.receiptsText(r.results()));
    if (code == EXIT_VALID) {
      out.println("VALID: every receipt's entry is in the ledger at its index with its leaf hash.");
    } else if (code == EXIT_INVALID) {
      out.println(
          "INVALID: "
              + r.broken().size()
              + " receipts are broken: the log signed a promise the ledger does not keep.");
    } else {
      out.println(
          "UNDECIDED: "
              + r.notCovered().size()
              + " receipts are not covered by this export; check them against a newer or"
              + " whole-ledger export.");
    }
    return code;
  }

  private static int checkReceiptsAtService(Path receipts, Args a, PrintStream out)
      throws Args.UsageException, IOException, ParseException, InterruptedException {
    String url = a.required("--url");
    URI base;
    try {
      base = new URI(url.endsWith("/") ? url : url + "/");
    } catch (URISyntaxException e) {
      throw new Args.UsageException("--url is not a URL: " + e.getMessage());
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new Args.UsageException("--url must be an http or https URL of the service");
    }
    VerifyOptions options = options(a);
    List<ReceiptFiles.Note> notes = ReceiptFiles.read(receipts);
    LogKeyChain chain = LogKeyChain.single(options.logKey());
    if (a.value("--transition").isPresent()) {
      PublishedRotations.Published published =
          PublishedRotations.read(Path.of(a.value("--transition").get()), options.logKey());
      List<String> problems = new ArrayList<>();
      chain =
          LogKeyChain.build(
              options.logKey(),
              options.origin(),
              published.rotations(),
              published.notes(),
              f -> problems.add(f.message()));
      if (!problems.isEmpty()) {
        throw new UnusableInputException(
            "the log key rotations in " + a.value("--transition").get() + ": " + problems.get(0));
      }
    }
    ServiceReceipts.Outcome r;
    try {
      r = new ServiceReceipts(base, options, chain).check(notes);
    } catch (ServiceReceipts.ServiceLiedException e) {
      if (a.flag("--json")) {
        ObjectNode n = Render.serviceJson(url, options, null, List.of());
        n.put("verdict", "invalid");
        n.put("error", e.getMessage());
        out.print(Render.line(n));
      } else {
        out.println("INVALID: " + e.getMessage());
      }
      return EXIT_INVALID;
    } catch (IOException e) {
      throw new IOException("cannot ask the service at " + url + ": " + e.getMessage(), e);
    }
    long broken =
        r.results().stream().filter(x -> x.status() == ReceiptCheck.Status.BROKEN).count();
    long notCovered =
        r.results().stream().filter(x -> x.status() == ReceiptCheck.Status.NOT_COVERED).count();
    int code = broken > 0 ? EXIT_INVALID : notCovered > 0 ? EXIT_USAGE : EXIT_VALID;
    if (a.flag("--json")) {
      ObjectNode n = Render.serviceJson(url, options, r.checkpoint(), r.results());
      n.put(
          "verdict",
          code == EXIT_VALID ? "valid" : code == EXIT_INVALID ? "invalid" : "not-covered");
      out.print(Render.line(n));
      return code;
    }
    out.print(Render.serviceText(url, options, r.checkpoint()));
    out.print(Render.receiptsText(r.results()));
    if (code == EXIT_VALID) {
      out.println(
          "VALID: every receipt's entry is in the log at its index with its leaf hash, proved"
              + " against the log's latest checkpoint.");
    } else if (code == EXIT_INVALID) {
      out.println(
          "INVALID: "
              + broken
              + " receipts are broken: the log signed a promise the service does not prove.");
    } else {
      out.println(
          "UNDECIDED: "
              + notCovered
              + " receipts are not under the service's latest checkpoint yet; check again later.");
    }
    return code;
  }

  private static Path onePath(Args a, String what) throws Args.UsageException {
    if (a.positional().size() != 1) {
      throw new Args.UsageException("give exactly one " + what);
    }
    return Path.of(a.positional().get(0));
  }

  private static VerifyOptions options(Args a) throws Args.UsageException, IOException {
    VerifyOptions o = VerifyOptions.of(logKey(a.required("--log-key")));
    if (a.value("--origin").isPresent()) {
      o = o.withOrigin(a.value("--origin").get());
    }
    if (a.value("--threads").isPresent()) {
      try {
        int t = Integer.parseInt(a.value("--threads").get());
        if (t < 1 || t > 256) {
          throw new NumberFormatException();
        }
        o = o.withThreads(t);
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--threads must be a number from 1 to 256");
      }
    }
    if (a.flag("--all")) {
      o = o.withMaxFailures(VerifyOptions.MAX_FAILURES);
    }
    if (a.value("--work-dir").isPresent()) {
      Path dir;
      try {
        dir = Path.of(a.value("--work-dir").get());
      } catch (java.nio.file.InvalidPathException e) {
        throw new Args.UsageException("--work-dir is not a path: " + e.getMessage());
      }
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new Args.UsageException("--work-dir " + dir + " is not a writable folder");
      }
      o = o.withWorkDir(dir);
    }
    return o;
  }

  /** The log key from its text, or from a file that holds it (such as a published log.vkey). */
  private static NoteVerifierKey logKey(String value) throws Args.UsageException, IOException {
    String text = value;
    Path p = null;
    try {
      p = Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      // Not a path: key text.
    }
    if (p != null && Files.isRegularFile(p)) {
      text = new String(readSmall(p), UTF_8).strip();
    }
    try {
      return NoteVerifierKey.parse(text.strip());
    } catch (NoteKeyFormatException e) {
      throw new Args.UsageException(
          "--log-key is not the log's verifier key (name+id+key, as the operator publishes it): "
              + e.getMessage());
    }
  }

  /** The transition notes in {@code p}: one note, or every regular file of a folder. */
  private static List<byte[]> transitionNotes(Path p) throws IOException {
    List<byte[]> out = new ArrayList<>();
    if (Files.isDirectory(p)) {
      try (Stream<Path> files = Files.list(p)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.add(readSmall(f));
        }
      }
    } else {
      out.add(readSmall(p));
    }
    return out;
  }

  /** The bytes of a file of at most 1 MiB (a key, a checkpoint, a note). */
  static byte[] readSmall(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(1 << 20);
      if (in.read() >= 0) {
        throw new IOException(p + " is larger than 1 MiB");
      }
      return b;
    }
  }

  private static int unusable(
      String command, boolean json, String message, PrintStream out, PrintStream err) {
    if (json) {
      out.print(Render.line(Render.unusable(command, message)));
    } else {
      err.println("verifier: " + message);
    }
    return EXIT_USAGE;
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "usage: java -jar verifier.jar COMMAND [OPTIONS]",
        "",
        "Checks a Saksi ledger offline, trusting nothing but the log's public key.",
        "",
        "Commands:",
        "  verify EXPORT.zip --log-key VKEY [--origin ORIGIN] [--since CHECKPOINT] [--all] [--json]",
        "         [--transition NOTE|DIR] [--threads N] [--work-dir DIR]",
        "      Checks an export bundle: every entry canonical and its own leaf, indexes dense,",
        "      every prev linked, every signature valid under the key registry at its entry's",
        "      position, every record a legal step, the Merkle root (or the proofs of a partial",
        "      export) against the checkpoint signed with VKEY, disclosures against their digests.",
        "      --since CHECKPOINT: a checkpoint of the log seen earlier; the export's must extend",
        "      it (a rolled-back, rewritten or forked history fails).",
        "      --transition NOTE|DIR: the log key's rotations as published (a transition note, or",
        "      the folder with log-transition-N.note, log.vkey.before-N, log.vkey): a CHECKPOINT",
        "      signed by a retired key is trusted up to its rotation through the transition",
        "      checkpoint signed by both keys (give the folder: a note alone names no retired",
        "      key); given a retired VKEY, an export signed by the key after it is trusted",
        "      through the note.",
        "",
        "  verify-db --jdbc-url URL [--user U] [--password P] --log-key VKEY [--since CP]",
        "            [--transition NOTE] [--all] [--json]",
        "      Checks the live ledger in the service's PostgreSQL as verify checks an export,",
        "      against the latest stored checkpoint; also every older stored checkpoint, and the",
        "      event store against the ledger (one event per entry, same order, same statement).",
        "      The password may come from PGPASSWORD instead of --password.",
        "      Across rotations of the log's key: give the current key, and checkpoints signed",
        "      by a retired key are trusted through the transition checkpoint signed by both;",
        "      or give a retired key with --transition NOTE (the transition note the operator",
        "      published, or a folder of them) to trust the keys after it.",
        "",
        "  check-receipts RECEIPTS --log-key VKEY --export EXPORT.zip [--transition DIR]",
        "            [--origin ORIGIN] [--json]",
        "      Checks that every receipt the log signed for an agency is in the ledger at its",
        "      index with its leaf hash. RECEIPTS is a file of signed receipt notes, one after",
        "      the other, or a folder of such files. --transition as below.",
        "  check-receipts RECEIPTS --log-key VKEY --url SERVICE [--transition DIR] [--json]",
        "      The same against a running service: each receipt's leaf and its inclusion proof",
        "      under the log's latest checkpoint, fetched from SERVICE and checked here.",
        "      --transition DIR: the log key's rotations as published (log-transition-N.note,",
        "      log.vkey.before-N, log.vkey): receipts signed by a retired key are trusted through",
        "      the transition checkpoint signed by both keys.",
        "",
        "Options:",
        "  --log-key VKEY     the log's verifier key, name+id+key, or a file holding it; get it",
        "                     from the operator's official publication, not from the export",
        "  --origin ORIGIN    the log's origin, if it is not the key's name",
        "  --all              list every failure (up to 1000) instead of stopping at the first",
        "  --json             one line of JSON on standard output (docs/export.md)",
        "  --threads N        signature-checking threads (default: one per processor)",
        "  --work-dir DIR     folder for the temporary file in which the domain replay keeps the",
        "                     states of the cases it no longer holds in memory (default: the",
        "                     system's temporary folder); it is deleted at exit. It needs about",
        "                     1 KB of disk per case: about 0.7 GB for 10,000,000 entries",
        "",
        "Exit codes: 0 valid, 1 integrity failure, 2 unusable input or usage.",
        "");
  }
}
