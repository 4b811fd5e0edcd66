package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields {@code case.corrected} may change, by the type of the corrected record: only
 * descriptive fields that no rule reads (identity digests, document digests, letter numbers, free
 * labels). A wrong date, form, level or agency is not corrected by editing it: the workflow has its
 * own remedies (an appeal, a closure as RECORDED_IN_ERROR and a new case).
 */
final class Correctable {
  private Correctable() {}

  enum Kind {
    DIGEST,
    PERSON_REF,
    LETTER_NUMBER,
    DOCUMENT_DIGEST,
    TEXTS,
    TEXT
  }

  /** Every correctable field name and how its new value is read. */
  static final Map<String, Kind> KINDS = kinds();

  private static Map<String, Kind> kinds() {
    Map<String, Kind> m = new LinkedHashMap<>();
    for (String d :
        List.of(
            "place",
            "description",
            "reporter.name",
            "reporter.contact",
            "reporter.nik",
            "reported.name",
            "reported.nip",
            "reported.position")) {
      m.put(d, Kind.DIGEST);
    }
    m.put("reported.ref", Kind.PERSON_REF);
    m.put("number", Kind.LETTER_NUMBER);
    m.put("minutesDigest", Kind.DOCUMENT_DIGEST);
    m.put("reportDigest", Kind.DOCUMENT_DIGEST);
    m.put("articles", Kind.TEXTS);
    m.put("referredTo", Kind.TEXT);
    m.put("registerEntry", Kind.TEXT);
    return m;
  }

  private static final Set<String> PERSON =
      Set.of("reported.ref", "reported.name", "reported.nip", "reported.position");

  /** The correctable fields of a record type; empty if it has none. */
  static Set<String> of(String type) {
    Set<String> out = new TreeSet<>();
    switch (type) {
      case ReportCaseCommand.TYPE:
        out.addAll(PERSON);
        out.addAll(List.of("place", "description", "reporter.name", "reporter.contact"));
        out.add("reporter.nik");
        break;
      case FindCaseCommand.TYPE:
        out.addAll(PERSON);
        out.addAll(List.of("place", "description"));
        break;
      case RegisterCaseCommand.TYPE:
      case ForwardCaseCommand.TYPE:
      case SummonAsnCommand.TYPE:
      case DecideSanctionCommand.TYPE:
      case FileAppealCommand.TYPE:
      case AnswerAppealCommand.TYPE:
      case DecideAppealCommand.TYPE:
      case SendReminderCommand.TYPE:
      case ReprimandRegionalHeadCommand.TYPE:
      case BlockPersonnelDataCommand.TYPE:
      case UnblockPersonnelDataCommand.TYPE:
        out.add("number");
        break;
      case RecommendSanctionCommand.TYPE:
        out.add("number");
        out.add("articles");
        break;
      case ClarifyCaseCommand.TYPE:
      case ExamineAsnCommand.TYPE:
        out.add("minutesDigest");
        break;
      case AssessCaseCommand.TYPE:
        out.add("reportDigest");
        out.add("referredTo");
        break;
      case RecordDisciplineRegisterCommand.TYPE:
        out.add("registerEntry");
        break;
      default:
        break;
    }
    return out;
  }

  /** Reads and checks every change by its field's kind; digests become commitments. */
  static void read(JsonFields changes) throws RecordParseException {
    for (String name : changes.names()) {
      Kind kind = KINDS.get(name);
      if (kind == null) {
        throw new RecordParseException(
            changes.pathOf(name),
            "is not a correctable field; correctable fields are " + KINDS.keySet());
      }
      switch (kind) {
        case DIGEST:
          changes.commitment(name);
          break;
        case PERSON_REF:
          changes.personRef(name);
          break;
        case LETTER_NUMBER:
          changes.letterNumber(name);
          break;
        case DOCUMENT_DIGEST:
          changes.documentDigest(name);
          break;
        case TEXTS:
          changes.distinctTexts(name, 1, 20, JsonFields.SHORT_TEXT);
          break;
        case TEXT:
          changes.text(name, JsonFields.SHORT_TEXT);
          break;
      }
    }
    changes.end();
  }
}
