package id.saksi.core.verify;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.registry.AddKeyCommand;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.StatementSignatureException;
import id.saksi.core.entry.Statements;
import id.saksi.core.export.LineReader;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.List;

/**
 * One line of {@code entries.jsonl} after the work that needs no ledger order, done on any thread:
 * read as an entry, its record read by the domain, and its signatures verified against the keys
 * seen so far. What needs order (the chain, the tree, key validity at the position, the domain's
 * rules) is the sequential stage's.
 */
final class ParsedEntry {
  /** A signature verified, failed, or left to the sequential stage. */
  enum Sig {
    VERIFIED,
    FAILED,
    DEFERRED
  }

  final long line;
  final boolean terminated;
  final Hash leafHash;
  final Entry entry;
  final String formatError;
  final Submission submission;
  final ParsedRecord record;
  final String recordError;
  final Sig[] sigs;
  final String[] sigErrors;

  private ParsedEntry(
      long line,
      boolean terminated,
      Hash leafHash,
      Entry entry,
      String formatError,
      Submission submission,
      ParsedRecord record,
      String recordError,
      Sig[] sigs,
      String[] sigErrors) {
    this.line = line;
    this.terminated = terminated;
    this.leafHash = leafHash;
    this.entry = entry;
    this.formatError = formatError;
    this.submission = submission;
    this.record = record;
    this.recordError = recordError;
    this.sigs = sigs;
    this.sigErrors = sigErrors;
  }

  /**
   * Parses one line and verifies its signatures with the keys in {@code keys}, after adding the key
   * a genesis or {@code key.added} record registers.
   */
  static ParsedEntry parse(LineReader.Line line, KeyDirectory keys) {
    byte[] bytes = line.bytes();
    Entry entry;
    try {
      entry = Entry.parse(bytes);
    } catch (ParseException | VerificationException e) {
      return new ParsedEntry(
          line.number(),
          line.terminated(),
          Hashing.leafHash(bytes),
          null,
          e.getMessage(),
          null,
          null,
          null,
          null,
          null);
    }
    Statement st = entry.statement();
    Submission submission = null;
    ParsedRecord record = null;
    String recordError = null;
    try {
      submission =
          new Submission(
              Position.of(entry.index()),
              st.type(),
              AgencyCode.parse(st.agency()),
              st.key(),
              st.subject(),
              st.issuedAt(),
              st.body());
      record = DomainModel.parse(st.type(), st.subject(), submission.body());
      Object command = record.command();
      if (command instanceof GenesisCommand) {
        keys.add(((GenesisCommand) command).publicKey());
      } else if (command instanceof AddKeyCommand) {
        keys.add(((AddKeyCommand) command).publicKey());
      }
    } catch (ParseException e) {
      recordError = e.getMessage();
    }
    List<StatementSignature> list = entry.signatures();
    Sig[] sigs = new Sig[list.size()];
    String[] errors = new String[list.size()];
    for (int i = 0; i < sigs.length; i++) {
      sigs[i] = verify(st, list.get(i), keys, errors, i);
    }
    return new ParsedEntry(
        line.number(),
        line.terminated(),
        entry.leafHash(),
        entry,
        null,
        submission,
        record,
        recordError,
        sigs,
        errors);
  }

  static Sig verify(
      Statement st, StatementSignature sig, KeyDirectory keys, String[] errors, int i) {
    Ed25519PublicKey key = keys.get(sig.key());
    if (key == null) {
      return Sig.DEFERRED;
    }
    try {
      Statements.verify(st, sig, key);
      return Sig.VERIFIED;
    } catch (StatementSignatureException e) {
      errors[i] = e.getMessage();
      return Sig.FAILED;
    }
  }
}
