package id.saksi.core.verify;

import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.PersonalData;
import id.saksi.core.domain.ledger.PersonalDataException;
import id.saksi.core.domain.ledger.StateStore;
import id.saksi.core.domain.registry.KeyEntry;
import id.saksi.core.domain.registry.KeyNotValidException;
import id.saksi.core.entry.BrokenLinkException;
import id.saksi.core.entry.ChainException;
import id.saksi.core.entry.ChainVerifier;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.IndexGapException;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.export.DisclosureLine;
import id.saksi.core.export.ExportFormatException;
import id.saksi.core.export.ExportLayout;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.LineReader;
import id.saksi.core.export.RangeProof;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.merkle.MerkleVerifier;
import id.saksi.core.merkle.Node;
import id.saksi.core.merkle.NodeId;
import id.saksi.core.merkle.ProofPlan;
import id.saksi.core.merkle.ProofVerificationException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.TlogProof;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sequential stage: the checks that need ledger order, one entry at a time as the pipeline
 * hands them over. Order and the hash chain; the tree (a compact range of the dense part) and the
 * inclusion proofs of the rest; key validity at each entry's own position, against the registry as
 * the replay has built it up to there; the domain's rules; disclosures. Holds O(log n) for the tree
 * and the chain, plus the domain's replay state in the {@link StateStore} it is given (bounded in
 * memory when that store spills). The per-subject sets below grow only with failures (broken), with
 * subjects whose history began before a range export (not judged), and with the context entries of
 * a one-case export (proved), never with the length of a valid whole ledger.
 */
final class Sequencer implements AutoCloseable {
  /** Thrown when the failure limit is reached, to stop reading. */
  static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final ExportReader reader;
  private final ExportScope scope;
  private final Checkpoint checkpoint;
  private final byte[] signedCheckpoint;
  private final KeyDirectory keys;
  private final EntryObserver observer;
  private final Failures failures;
  private final long rangeStart;
  private final long rangeEnd;
  private final CompactRange tree;
  private final LedgerState domain;
  private final Set<Subject> notJudged = new HashSet<>();
  private final Set<Subject> broken = new HashSet<>();
  private long afterBroken;
  private final Set<Long> proved = new HashSet<>();
  private final LineReader disclosureLines;
  private final Checkpoint since;
  private final Map<NodeId, Integer> wanted = new HashMap<>();
  private final Hash[] collected;
  private ProofPlan consistencyPlan;

  private ChainVerifier chain;
  private long prevIndex = -1;
  private Hash prevLeaf;
  private Instant prevRecordedAt;
  private DisclosureLine nextDisclosure;
  private long lastDisclosureIndex = -1;
  private Hash sinceRoot;

  long entries;
  long signatures;
  long records;
  long proofs;
  long disclosures;
  final List<String> notes = new ArrayList<>();

  /**
   * {@code reader} is the bundle, or {@code null} for a whole ledger streamed from elsewhere (a
   * database), which has no proofs and no disclosures; {@code scope} is then {@link
   * ExportScope#ledger()}. The sequencer owns {@code states} and closes it.
   */
  Sequencer(
      ExportReader reader,
      ExportScope scope,
      Checkpoint checkpoint,
      byte[] signedCheckpoint,
      KeyDirectory keys,
      EntryObserver observer,
      Failures failures,
      Checkpoint since,
      StateStore states)
      throws IOException, ExportFormatException {
    this.domain = new LedgerState(states);
    this.reader = reader;
    this.scope = scope;
    this.checkpoint = checkpoint;
    this.signedCheckpoint = signedCheckpoint;
    this.keys = keys;
    this.observer = observer;
    this.failures = failures;
    this.since = since;
    switch (scope.kind()) {
      case LEDGER:
        rangeStart = 0;
        rangeEnd = checkpoint.size();
        tree = new CompactRange();
        break;
      case RANGE:
        rangeStart = scope.start();
        rangeEnd = scope.end();
        tree = reader.rangeProof().orElseThrow().leftFrontier();
        break;
      default:
        rangeStart = Long.MAX_VALUE;
        rangeEnd = Long.MAX_VALUE;
        tree = null;
        break;
    }
    this.disclosureLines = reader == null ? null : reader.disclosures().orElse(null);
    if (disclosureLines != null) {
      advanceDisclosure();
    }
    if (since != null && since.size() <= checkpoint.size()) {
      if (since.size() == checkpoint.size()) {
        sinceRoot = checkpoint.rootHash();
      } else if (tree != null && since.size() == tree.size()) {
        sinceRoot = tree.root();
      }
      if (scope.kind() == ExportScope.Kind.LEDGER && since.size() < checkpoint.size()) {
        consistencyPlan = ProofPlan.consistency(since.size(), checkpoint.size());
        List<NodeId> reads = consistencyPlan.reads();
        for (int i = 0; i < reads.size(); i++) {
          wanted.put(reads.get(i), i);
        }
      }
    }
    collected = new Hash[wanted.size()];
  }

  /** The checks of one entry. */
  void accept(ParsedEntry p) throws Stop, IOException, ExportFormatException {
    entries++;
    if (p.entry == null) {
      long at = expectedIndex();
      failures.add(
          Failure.at(
              at,
              Check.FORMAT,
              "line " + p.line + " of entries.jsonl is not an entry: " + p.formatError));
      // Take the line for the expected entry, so that one bad line is one failure.
      if (at >= rangeStart) {
        chain = ChainVerifier.resumeAfter(at, p.leafHash);
        appendLeaf(at, p.leafHash);
      }
      prevIndex = at;
      prevLeaf = p.leafHash;
      return;
    }
    Entry e = p.entry;
    long i = e.index();
    if (!p.terminated) {
      failures.add(
          Failure.at(
              i,
              Check.FORMAT,
              "line " + p.line + " of entries.jsonl does not end with a newline: the file is cut"));
    }
    boolean inPosition = (i >= rangeStart || chain != null) ? placeInRange(p) : placeContext(p);
    if (!inPosition) {
      return;
    }
    if (prevRecordedAt != null && e.recordedAt().isBefore(prevRecordedAt)) {
      failures.add(
          Failure.at(
              i,
              Check.CHAIN,
              "recorded at "
                  + e.recordedAt()
                  + ", before entry "
                  + prevIndex
                  + " (recorded at "
                  + prevRecordedAt
                  + "): the ledger's time never goes back",
              "not before " + prevRecordedAt,
              e.recordedAt()));
    }
    prevIndex = i;
    prevLeaf = p.leafHash;
    prevRecordedAt = e.recordedAt();
    observer.entry(i, p.leafHash, e.recordedAt());
    checkSignatures(p);
    checkKeys(p);
    checkDomain(p);
    checkDisclosures(p);
  }

  private long expectedIndex() {
    return chain != null ? chain.size() : prevIndex + 1;
  }

  /** An entry with an inclusion proof of its own; returns whether it is in order. */
  private boolean placeContext(ParsedEntry p) throws Stop, IOException, ExportFormatException {
    Entry e = p.entry;
    long i = e.index();
    if (i <= prevIndex) {
      failures.add(
          Failure.at(
              i,
              Check.ORDER,
              "found after entry "
                  + prevIndex
                  + ": the entries of an export are in ascending order, each once",
              "an index above " + prevIndex,
              i));
      return false;
    }
    if (scope.kind() == ExportScope.Kind.SUBJECT
        && !e.statement().subject().equals(scope.subject())
        && !e.statement().subject().equals(Subject.REGISTRY.text())) {
      failures.add(
          Failure.at(
              i,
              Check.MANIFEST,
              "is about "
                  + e.statement().subject()
                  + ", neither the export's subject "
                  + scope.subject()
                  + " nor the registry"));
    }
    if (i == 0) {
      link(i, p.leafHash, e.prev(), ChainVerifier.fromGenesis());
    } else if (i == prevIndex + 1) {
      link(i, p.leafHash, e.prev(), ChainVerifier.resumeAfter(prevIndex, prevLeaf));
    }
    proved.add(i);
    if (!reader.proofIndexes().contains(i)) {
      failures.add(
          Failure.at(
              i,
              Check.PROOF,
              "has no inclusion proof ("
                  + ExportLayout.proofName(i)
                  + "): nothing places it in the signed tree"));
      return true;
    }
    TlogProof proof = reader.inclusionProof(i);
    if (proof.index() != i) {
      failures.add(
          Failure.at(
              i,
              Check.PROOF,
              "its inclusion proof is for entry " + proof.index(),
              i,
              proof.index()));
    } else if (!Arrays.equals(proof.signedCheckpoint(), signedCheckpoint)) {
      failures.add(
          Failure.at(
              i,
              Check.PROOF,
              "its inclusion proof is against another checkpoint than the bundle's"));
    } else {
      try {
        MerkleVerifier.verifyInclusion(
            i, checkpoint.size(), p.leafHash, proof.path(), checkpoint.rootHash());
        proofs++;
      } catch (ProofVerificationException ex) {
        failures.add(
            Failure.at(
                i,
                Check.PROOF,
                "its inclusion proof does not place it in the checkpoint's tree: "
                    + ex.getMessage()));
      }
    }
    return true;
  }

  /** An entry of the dense part; returns whether it is at its position. */
  private boolean placeInRange(ParsedEntry p) throws Stop {
    Entry e = p.entry;
    long i = e.index();
    if (chain == null) {
      if (rangeStart == 0) {
        chain = ChainVerifier.fromGenesis();
      } else if (prevIndex == rangeStart - 1) {
        chain = ChainVerifier.resumeAfter(prevIndex, prevLeaf);
      } else {
        // Entry rangeStart - 1 is outside the export: its leaf hash is unknown, so the first
        // link cannot be checked. The range proof still places every entry of the range.
        chain = ChainVerifier.resumeAfter(rangeStart - 1, e.prev());
        notes.add(
            "the link of entry "
                + rangeStart
                + " to entry "
                + (rangeStart - 1)
                + " is not checked: entry "
                + (rangeStart - 1)
                + " is outside the export");
      }
    }
    long expected = chain.size();
    if (!link(i, p.leafHash, e.prev(), chain)) {
      if (i < expected) {
        // Repeated or moved back: it has no position of its own, so it is not a leaf either.
        return false;
      }
      // Take the entry where it claims to be, so that a gap is one failure.
      chain = ChainVerifier.resumeAfter(i, p.leafHash);
    }
    return appendLeaf(expected, p.leafHash);
  }

  private boolean overflowReported;

  /**
   * Appends a leaf of the dense part to the tree, or reports it as beyond the tree; returns whether
   * it was appended.
   */
  private boolean appendLeaf(long at, Hash leaf) throws Stop {
    if (tree == null) {
      return true;
    }
    if (tree.size() >= rangeEnd) {
      if (!overflowReported) {
        overflowReported = true;
        failures.add(
            Failure.at(
                at,
                Check.TREE,
                scope.kind() == ExportScope.Kind.LEDGER
                    ? "is beyond the checkpoint's tree of "
                        + checkpoint.size()
                        + " entries: the log has not signed it"
                    : "is beyond the range of the export, " + scope.describe()));
      }
      return false;
    }
    List<Node> completed = tree.append(leaf);
    if (!wanted.isEmpty()) {
      for (Node n : completed) {
        Integer slot = wanted.get(n.id());
        if (slot != null) {
          collected[slot] = n.hash();
        }
      }
    }
    if (since != null && sinceRoot == null && tree.size() == since.size()) {
      sinceRoot = tree.root();
    }
    return true;
  }

  /** Checks one link with {@code verifier}; returns whether it held. */
  private boolean link(long i, Hash leaf, Hash prev, ChainVerifier verifier) throws Stop {
    try {
      verifier.append(i, prev, leaf);
      return true;
    } catch (IndexGapException ex) {
      failures.add(
          Failure.at(
              ex.expected(),
              Check.ORDER,
              ex.actual() > ex.expected()
                  ? "is missing: found entry " + ex.actual() + " in its place"
                  : "found entry " + ex.actual() + " in its place: an entry repeated or moved",
              ex.expected(),
              ex.actual()));
      return false;
    } catch (BrokenLinkException ex) {
      failures.add(
          Failure.at(
              i,
              Check.CHAIN,
              "prev is not the leaf hash of entry "
                  + (i - 1)
                  + (i == 0 ? " (entry 0 follows 32 zero bytes)" : "")
                  + ": an entry before it was altered, removed or replaced",
              ex.expected(),
              ex.actual()));
      return false;
    } catch (ChainException ex) {
      failures.add(Failure.at(i, Check.CHAIN, ex.getMessage()));
      return false;
    }
  }

  private void checkSignatures(ParsedEntry p) throws Stop {
    List<StatementSignature> list = p.entry.signatures();
    for (int j = 0; j < list.size(); j++) {
      ParsedEntry.Sig s = p.sigs[j];
      String[] errors = p.sigErrors;
      if (s == ParsedEntry.Sig.DEFERRED) {
        s = ParsedEntry.verify(p.entry.statement(), list.get(j), keys, errors, j);
      }
      if (s == ParsedEntry.Sig.VERIFIED) {
        signatures++;
      } else if (s == ParsedEntry.Sig.FAILED) {
        failures.add(Failure.at(p.entry.index(), Check.SIGNATURE, errors[j]));
      }
      // Still deferred: no key with that id was ever seen, which the key check reports.
    }
  }

  private void checkKeys(ParsedEntry p) throws Stop {
    if (p.submission == null) {
      return;
    }
    long i = p.entry.index();
    try {
      // The registry as the replay has built it up to entry i: exactly the registry "as of"
      // this position, so a key added later is unknown here and a revoked one is revoked.
      domain.signingKey(p.submission);
    } catch (KeyNotValidException ex) {
      failures.add(Failure.at(i, Check.KEY, strip(i, ex.getMessage())));
    } catch (RecordParseException ex) {
      failures.add(Failure.at(i, Check.DOMAIN, ex.getMessage()));
    }
    List<StatementSignature> list = p.entry.signatures();
    for (int j = 1; j < list.size(); j++) {
      StatementSignature sig = list.get(j);
      Optional<KeyEntry> k = domain.keys().get(sig.key());
      if (k.isEmpty()) {
        failures.add(
            Failure.at(
                i, Check.KEY, "cosignature " + j + " is by key " + sig.key() + ", not registered"));
        continue;
      }
      try {
        domain.keys().require(sig.key(), k.get().agency(), p.submission.position());
      } catch (KeyNotValidException ex) {
        failures.add(
            Failure.at(i, Check.KEY, "cosignature " + j + ": " + strip(i, ex.getMessage())));
      }
    }
  }

  private void checkDomain(ParsedEntry p) throws Stop {
    long i = p.entry.index();
    if (p.record == null) {
      breakSubjectOf(p);
      failures.add(
          Failure.at(
              i,
              Check.DOMAIN,
              "("
                  + p.entry.statement()
                  + ") does not follow its record's schema: "
                  + p.recordError));
      return;
    }
    Subject subject = p.record.subject();
    if (notJudged.contains(subject)) {
      return;
    }
    if (broken.contains(subject)) {
      afterBroken++;
      return;
    }
    Object current = domain.state(subject).orElse(null);
    Outcome o = DomainModel.decide(current, p.record, domain.context(p.submission));
    if (o instanceof Outcome.Accepted) {
      domain.commit((Outcome.Accepted) o);
      records++;
      return;
    }
    if (scope.kind() == ExportScope.Kind.RANGE
        && subject.kind() != AggregateKind.REGISTRY
        && current == null) {
      // A range export may begin in the middle of a subject's history: its earlier records are
      // not in the export, so its records in the range cannot be judged.
      notJudged.add(subject);
      return;
    }
    breaks(subject);
    failures.add(
        Failure.at(
            i,
            Check.DOMAIN,
            "(" + p.entry.statement() + ") is not a legal step: " + o.rejection().orElseThrow()));
  }

  /**
   * After an illegal step, a subject's state is no longer the ledger's, so its later records are
   * not judged: one failure, not a cascade. The registry is always judged.
   */
  private void breaks(Subject subject) {
    if (subject.kind() != AggregateKind.REGISTRY) {
      broken.add(subject);
    }
  }

  private void breakSubjectOf(ParsedEntry p) {
    try {
      breaks(Subject.parse(p.entry.statement().subject()));
    } catch (RecordParseException e) {
      // Not a subject at all: there is no history to protect from a cascade.
    }
  }

  private void checkDisclosures(ParsedEntry p) throws Stop, IOException, ExportFormatException {
    long i = p.entry.index();
    while (nextDisclosure != null && nextDisclosure.index() < i) {
      unmatchedDisclosure();
    }
    if (nextDisclosure == null || nextDisclosure.index() != i) {
      return;
    }
    if (p.record == null) {
      breakSubjectOf(p);
      failures.add(
          Failure.at(
              i, Check.DISCLOSURE, "its disclosures cannot be checked: its record does not parse"));
    } else {
      try {
        PersonalData.check(p.record, nextDisclosure.disclosures(), false);
        disclosures += nextDisclosure.disclosures().size();
      } catch (PersonalDataException ex) {
        failures.add(Failure.at(i, Check.DISCLOSURE, ex.getMessage()));
      }
    }
    advanceDisclosure();
  }

  private void unmatchedDisclosure() throws Stop, IOException, ExportFormatException {
    failures.add(
        Failure.at(
            nextDisclosure.index(),
            Check.DISCLOSURE,
            "disclosures.jsonl has disclosures of this entry, which the export does not hold"));
    advanceDisclosure();
  }

  private void advanceDisclosure() throws IOException, ExportFormatException {
    LineReader.Line line = disclosureLines.next();
    if (line == null) {
      nextDisclosure = null;
      return;
    }
    if (!line.terminated()) {
      throw new ExportFormatException(
          "disclosures.jsonl line " + line.number() + " does not end with a newline");
    }
    nextDisclosure = DisclosureLine.parse(line.bytes(), line.number());
    if (nextDisclosure.index() <= lastDisclosureIndex) {
      throw new ExportFormatException(
          "disclosures.jsonl line "
              + line.number()
              + ": entry "
              + nextDisclosure.index()
              + " after entry "
              + lastDisclosureIndex
              + "; lines go in ascending index order");
    }
    lastDisclosureIndex = nextDisclosure.index();
  }

  /** The checks of the whole, after the last entry; returns the consistency proof, if computed. */
  List<Hash> finish() throws Stop, IOException, ExportFormatException {
    if (tree != null && !overflowReported) {
      long have = tree.size();
      if (have < rangeEnd) {
        failures.add(
            Failure.at(
                have,
                Check.TREE,
                "is missing, and every entry after it: the export ends at entry "
                    + (have - 1)
                    + " but "
                    + (scope.kind() == ExportScope.Kind.LEDGER
                        ? "the checkpoint's tree has " + rangeEnd + " entries"
                        : scope.describe() + " ends at entry " + (rangeEnd - 1)),
                rangeEnd + " entries",
                have + " entries"));
      } else if (scope.kind() == ExportScope.Kind.LEDGER) {
        Hash root = tree.root();
        if (!root.equals(checkpoint.rootHash())) {
          failures.add(
              Failure.global(
                  Check.TREE,
                  "the Merkle root of the entries is not the root the checkpoint signs: the"
                      + " entries are not the ledger the log signed",
                  checkpoint.rootHash(),
                  root));
        }
      } else {
        RangeProof rp = reader.rangeProof().orElseThrow();
        try {
          rp.verify(tree.root(), checkpoint.size(), checkpoint.rootHash());
        } catch (ProofVerificationException ex) {
          failures.add(
              Failure.global(
                  Check.PROOF,
                  "the range proof does not place "
                      + scope.describe()
                      + " in the checkpoint's tree: "
                      + ex.getMessage()));
        }
      }
    }
    for (long idx : reader == null ? Set.<Long>of() : reader.proofIndexes()) {
      if (!proved.contains(idx)) {
        failures.add(
            Failure.at(
                idx,
                Check.PROOF,
                "the bundle has an inclusion proof of this entry but not the entry"));
      }
    }
    while (nextDisclosure != null) {
      unmatchedDisclosure();
    }
    return checkSince();
  }

  private List<Hash> checkSince() throws Stop {
    if (since == null || since.size() > checkpoint.size()) {
      return List.of();
    }
    if (sinceRoot == null) {
      failures.add(
          Failure.global(
              Check.CONSISTENCY,
              "the entries never reached tree size "
                  + since.size()
                  + ", the size of the checkpoint given with --since"));
      return List.of();
    }
    if (!sinceRoot.equals(since.rootHash())) {
      failures.add(
          Failure.global(
              Check.CONSISTENCY,
              since.size() == checkpoint.size()
                  ? "the log signed two different trees of size "
                      + since.size()
                      + ": the checkpoint given with --since and this export's checkpoint have"
                      + " different roots (a fork)"
                  : "the tree of the first "
                      + since.size()
                      + " entries is not the one the checkpoint given with --since signs: the"
                      + " history before it was rewritten",
              since.rootHash(),
              sinceRoot));
      return List.of();
    }
    if (consistencyPlan == null) {
      return List.of();
    }
    for (Hash h : collected) {
      if (h == null) {
        return List.of();
      }
    }
    List<Hash> proof = consistencyPlan.assemble(Arrays.asList(collected));
    try {
      MerkleVerifier.verifyConsistency(
          since.size(), checkpoint.size(), proof, since.rootHash(), checkpoint.rootHash());
    } catch (ProofVerificationException ex) {
      // The roots were compared above; this fails only if the tree's root failed too.
      return List.of();
    }
    return proof;
  }

  /** A message without the "entry N: " that some core exceptions begin with. */
  private static String strip(long i, String message) {
    String prefix = "entry " + i + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** Deletes the domain replay's temporary file, if it spilled states. */
  @Override
  public void close() {
    domain.close();
  }

  /** Records not judged because an earlier record of their subject was illegal. */
  long afterBroken() {
    return afterBroken;
  }

  /** Number of subjects of a range export not judged by the domain. */
  long notJudged() {
    return notJudged.size();
  }
}
