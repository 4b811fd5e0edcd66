package id.saksi.client;

import java.util.Optional;

/** The help texts, one per command and one for all. */
final class Usage {
  private Usage() {}

  static final String KEYGEN =
      String.join(
          System.lineSeparator(),
          "  keygen --agency CODE --out DIR",
          "      Creates a new Ed25519 signing key for agency CODE in DIR (owner-only PKCS#8",
          "      PEM), prints its key id and public key, and writes the body of the key.added",
          "      record that registers it.",
          "");

  static final String SIGN =
      String.join(
          System.lineSeparator(),
          "  sign --key KEY.pem --agency CODE --type TYPE --subject SUBJECT --body BODY.json",
          "       [--personal FIELDS.json] [--issued-at TIME] [--out FILE]",
          "      Builds and signs a statement with a fresh nonce, issued now (or at TIME, UTC to",
          "      the second). FIELDS.json maps field paths to personal values, such as",
          "      {\"reported.nip\": \"...\", \"witnesses[0]\": \"...\"}: each is committed as a",
          "      salted digest in the body and its disclosure travels beside the statement.",
          "      Personal values never go in BODY.json, nor a name in a free label (reason,",
          "      referredTo). The record is checked against its type's schema before signing.",
          "      --out FILE: a new .json file, or one more line of a .ndjson file or row of a",
          "      .csv file (created owner-only); without it, the JSON goes to standard output.",
          "");

  static final String SUBMIT =
      String.join(
          System.lineSeparator(),
          "  submit --url URL [--log-key VKEY] FILE",
          "  submit --url URL [--log-key VKEY] --batch FILE.ndjson|FILE.csv",
          "       [--receipts RECEIPTS] [--origin ORIGIN] [--retries N] [--timeout SECONDS]",
          "      Sends one submission (POST /statements) or a batch file (POST /statements/batch,",
          "      at most 1000 per request), prints each result, checks each receipt against",
          "      your statement (and its signature, with --log-key) and appends it to RECEIPTS",
          "      (default FILE.receipts). Sending the same file again is safe: the ledger",
          "      answers with the same receipts. No answer or a 503: sent again up to N times",
          "      (default 2).",
          "");

  static final String CHECK =
      String.join(
          System.lineSeparator(),
          "  check --url URL --log-key VKEY [--origin ORIGIN] RECEIPTS",
          "      Fetches the latest checkpoint (checked with VKEY) and, for each receipt in",
          "      RECEIPTS (a file or a folder of files), an inclusion proof, and proves that the",
          "      receipt's entry is in the log at its index.",
          "");

  static String all() {
    return String.join(
        System.lineSeparator(),
        "usage: java -jar agency-client.jar COMMAND [OPTIONS]",
        "",
        "An agency's client for a Saksi ledger: keys, signed statements, receipts, proofs.",
        "",
        "Commands:",
        KEYGEN + SIGN + SUBMIT + CHECK,
        "Options:",
        "  --log-key VKEY   the log's verifier key, name+id+key, or a file holding it (log.vkey);",
        "                   get it from the operator's official publication",
        "  --origin ORIGIN  the log's origin, if it is not the key's name",
        "",
        "Exit codes: 0 done, every check passed; 1 refused, or a check failed;",
        "2 wrong usage, unusable input, or no answer from the service.",
        "Each command also takes --help. docs/client.md tells more.",
        "");
  }

  static Optional<String> of(String command) {
    String text;
    switch (command) {
      case "keygen":
        text = KEYGEN;
        break;
      case "sign":
        text = SIGN;
        break;
      case "submit":
        text = SUBMIT;
        break;
      case "check":
        text = CHECK;
        break;
      default:
        return Optional.empty();
    }
    return Optional.of("usage: java -jar agency-client.jar" + System.lineSeparator() + text);
  }
}
