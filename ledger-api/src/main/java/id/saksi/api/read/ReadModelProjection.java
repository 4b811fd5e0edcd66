package id.saksi.api.read;

import id.saksi.api.domain.StatementRecordedEvent;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.caseflow.AppealDecidedEvent;
import id.saksi.core.domain.caseflow.AppealFiledEvent;
import id.saksi.core.domain.caseflow.AppealOutcome;
import id.saksi.core.domain.caseflow.AsnExaminedEvent;
import id.saksi.core.domain.caseflow.AsnSummonedEvent;
import id.saksi.core.domain.caseflow.CaseAssessedEvent;
import id.saksi.core.domain.caseflow.CaseClarifiedEvent;
import id.saksi.core.domain.caseflow.CaseClosedEvent;
import id.saksi.core.domain.caseflow.CaseForwardedEvent;
import id.saksi.core.domain.caseflow.CaseFoundEvent;
import id.saksi.core.domain.caseflow.CaseNotRegisteredEvent;
import id.saksi.core.domain.caseflow.CaseRegisteredEvent;
import id.saksi.core.domain.caseflow.CaseReportedEvent;
import id.saksi.core.domain.caseflow.CaseStatus;
import id.saksi.core.domain.caseflow.CaseVerifiedEvent;
import id.saksi.core.domain.caseflow.DecisionDeliveredEvent;
import id.saksi.core.domain.caseflow.PersonnelDataBlockedEvent;
import id.saksi.core.domain.caseflow.PersonnelDataUnblockedEvent;
import id.saksi.core.domain.caseflow.SanctionDecidedEvent;
import id.saksi.core.domain.caseflow.SanctionInForceEvent;
import id.saksi.core.domain.caseflow.SanctionRecommendedEvent;
import id.saksi.core.domain.caseflow.SanctionServedEvent;
import id.saksi.core.domain.pact.PactSignedEvent;
import id.saksi.core.domain.registry.AgencyDissolvedEvent;
import id.saksi.core.domain.registry.AgencyRegisteredEvent;
import id.saksi.core.domain.registry.RegisterAgencyCommand;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the read models (V4's {@code read_*} tables) from the stored statements: an Axon streaming
 * event processor, {@value #PROCESSING_GROUP}, whose token lives in PostgreSQL beside the rows and
 * is stored in the same transaction, so each statement is applied once, and after a restart the
 * processor resumes where its token says. Each write is also idempotent (guarded by the position of
 * the last record applied), so a reset token simply rebuilds the same rows.
 *
 * <p>Reads only the domain events each statement carries (the facts {@code decide} derived: the
 * PPK, due dates) and the statement's envelope (type, agency, time); never a digest, a person
 * reference, a reported unit or any free text (docs/protocol.md, section 16).
 */
@Component
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ReadModelProjection {
  /** The processing group and the name of its token in {@code TokenEntry}. */
  public static final String PROCESSING_GROUP = "saksi-read-models";

  /** The region of a case whose PPK is not a regional government. */
  public static final String CENTRAL = "CENTRAL";

  private final JdbcTemplate jdbc;

  ReadModelProjection(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Applies one stored statement; runs in the processor's transaction. */
  @EventHandler
  void on(StatementRecordedEvent event) {
    long position = event.index();
    for (Object e : event.events()) {
      apply(event, position, e);
    }
    if (event.subject().startsWith("case/")) {
      jdbc.update(
          "INSERT INTO read_case_step (subject, position, type, agency, issued_at)"
              + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM read_case WHERE subject = ?)"
              + " ON CONFLICT DO NOTHING",
          event.subject(),
          position,
          event.statement().type(),
          event.statement().agency(),
          Timestamp.from(event.statement().issuedAt()),
          event.subject());
    }
    jdbc.update("UPDATE read_progress SET position = greatest(position, ?) WHERE id = 0", position);
  }

  private void apply(StatementRecordedEvent event, long position, Object e) {
    String subject = event.subject();
    if (e instanceof CaseReportedEvent) {
      CaseReportedEvent r = (CaseReportedEvent) e;
      open(
          subject,
          position,
          event,
          r.command().election(),
          r.command().receivedOn(),
          r.ppk().value(),
          r.ppkKind(),
          r.command().allegedForm());
    } else if (e instanceof CaseFoundEvent) {
      CaseFoundEvent f = (CaseFoundEvent) e;
      open(
          subject,
          position,
          event,
          f.command().election(),
          f.command().foundOn(),
          f.ppk().value(),
          f.ppkKind(),
          f.command().allegedForm());
    } else if (e instanceof CaseRegisteredEvent) {
      status(subject, position, CaseStatus.REGISTERED);
    } else if (e instanceof CaseNotRegisteredEvent) {
      closed(subject, position, "NOT_REGISTERED");
    } else if (e instanceof CaseVerifiedEvent) {
      status(subject, position, CaseStatus.VERIFIED);
    } else if (e instanceof CaseClarifiedEvent) {
      status(subject, position, CaseStatus.CLARIFIED);
    } else if (e instanceof CaseAssessedEvent) {
      assessed(subject, position, (CaseAssessedEvent) e);
    } else if (e instanceof CaseForwardedEvent) {
      status(subject, position, CaseStatus.FORWARDED);
    } else if (e instanceof SanctionRecommendedEvent) {
      jdbc.update(
          "UPDATE read_case SET status = ?, recommended_at = ?, due_on = ?, last_position = ?"
              + " WHERE subject = ? AND last_position <= ?",
          CaseStatus.RECOMMENDED.name(),
          position,
          Date.valueOf(((SanctionRecommendedEvent) e).dueOn()),
          position,
          subject,
          position);
    } else if (e instanceof AsnSummonedEvent) {
      status(subject, position, CaseStatus.SUMMONED);
    } else if (e instanceof AsnExaminedEvent) {
      status(subject, position, CaseStatus.EXAMINED);
    } else if (e instanceof SanctionDecidedEvent) {
      jdbc.update(
          "UPDATE read_case SET status = ?, sanction_decided = true, last_position = ?"
              + " WHERE subject = ? AND last_position <= ?",
          CaseStatus.DECIDED.name(),
          position,
          subject,
          position);
    } else if (e instanceof DecisionDeliveredEvent) {
      status(subject, position, CaseStatus.APPEAL_WINDOW);
    } else if (e instanceof AppealFiledEvent) {
      status(subject, position, CaseStatus.APPEALED);
    } else if (e instanceof AppealDecidedEvent) {
      boolean annulled = ((AppealDecidedEvent) e).command().outcome() == AppealOutcome.ANNULLED;
      status(subject, position, annulled ? CaseStatus.ANNULLED : CaseStatus.IN_FORCE);
    } else if (e instanceof SanctionInForceEvent) {
      status(subject, position, CaseStatus.IN_FORCE);
    } else if (e instanceof SanctionServedEvent) {
      status(subject, position, CaseStatus.SERVED);
    } else if (e instanceof PersonnelDataBlockedEvent) {
      flag(subject, position, "blocked = true");
    } else if (e instanceof PersonnelDataUnblockedEvent) {
      flag(subject, position, "blocked = false");
    } else if (e instanceof CaseClosedEvent) {
      closed(subject, position, ((CaseClosedEvent) e).command().reason().name());
    } else if (e instanceof PactSignedEvent) {
      PactSignedEvent p = (PactSignedEvent) e;
      jdbc.update(
          "INSERT INTO read_pact (position, signed_by, agency, election, kind)"
              + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          position,
          event.statement().agency(),
          p.command().agency().value(),
          p.command().election(),
          p.command().kind().name());
    } else if (e instanceof AgencyRegisteredEvent) {
      RegisterAgencyCommand c = ((AgencyRegisteredEvent) e).command();
      jdbc.update(
          "INSERT INTO read_agency (code, name, kind, parent, ppk, registered_at)"
              + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          c.code().value(),
          c.name(),
          c.kind().name(),
          c.parent().map(p -> p.value()).orElse(null),
          c.ppk(),
          position);
    } else if (e instanceof AgencyDissolvedEvent) {
      jdbc.update(
          "UPDATE read_agency SET dissolved_at = ? WHERE code = ?",
          position,
          ((AgencyDissolvedEvent) e).command().code().value());
    }
    // Every other event (clarifications of the overdue branch, corrections, appeals answered,
    // instruments, keys, catalogues) changes nothing the read models serve.
  }

  private void open(
      String subject,
      long position,
      StatementRecordedEvent event,
      String election,
      LocalDate openedOn,
      String ppk,
      AgencyKind ppkKind,
      Optional<String> allegedForm) {
    jdbc.update(
        "INSERT INTO read_case (subject, election, status, opened_by_type, opened_by, opened_at,"
            + " opened_on, ppk, ppk_kind, region, alleged_form, last_position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        subject,
        election,
        CaseStatus.RECEIVED.name(),
        event.statement().type(),
        event.statement().agency(),
        position,
        Date.valueOf(openedOn),
        ppk,
        ppkKind.name(),
        ppkKind == AgencyKind.REGIONAL_GOVERNMENT ? ppk : CENTRAL,
        allegedForm.orElse(null),
        position);
    if (allegedForm.isPresent()) {
      form(subject, allegedForm.get(), false);
    }
  }

  private void assessed(String subject, long position, CaseAssessedEvent a) {
    CaseStatus status;
    switch (a.command().outcome()) {
      case VIOLATION:
        status = CaseStatus.ASSESSED;
        break;
      case NO_VIOLATION:
        status = CaseStatus.NO_VIOLATION;
        break;
      default:
        status = CaseStatus.REFERRED;
        break;
    }
    int updated =
        jdbc.update(
            "UPDATE read_case SET status = ?, outcome = ?, last_position = ?"
                + " WHERE subject = ? AND last_position <= ?",
            status.name(),
            a.command().outcome().name(),
            position,
            subject,
            position);
    if (updated == 1) {
      for (String f : a.command().forms()) {
        form(subject, f, true);
      }
    }
  }

  private void form(String subject, String form, boolean proven) {
    jdbc.update(
        "INSERT INTO read_case_form (subject, form, proven) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        subject,
        form,
        proven);
  }

  private void status(String subject, long position, CaseStatus status) {
    jdbc.update(
        "UPDATE read_case SET status = ?, last_position = ? WHERE subject = ? AND last_position <= ?",
        status.name(),
        position,
        subject,
        position);
  }

  private void flag(String subject, long position, String assignment) {
    jdbc.update(
        "UPDATE read_case SET "
            + assignment
            + ", last_position = ?"
            + " WHERE subject = ? AND last_position <= ?",
        position,
        subject,
        position);
  }

  private void closed(String subject, long position, String reason) {
    jdbc.update(
        "UPDATE read_case SET status = ?, closed_reason = ?, last_position = ?"
            + " WHERE subject = ? AND last_position <= ?",
        CaseStatus.CLOSED.name(),
        reason,
        position,
        subject,
        position);
  }
}
