package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.RecordMeta;
import id.saksi.core.domain.catalogue.ElectionKind;
import id.saksi.core.domain.validation.AgencyCode;

/**
 * A case was opened by a report.
 *
 * @param electionKind the kind of the case's election, from the catalogue
 * @param ppk the agency whose PPK disciplines the reported person, from the registry
 * @param ppkKind that agency's kind
 */
public record CaseReportedEvent(
    RecordMeta meta,
    ReportCaseCommand command,
    ElectionKind electionKind,
    AgencyCode ppk,
    AgencyKind ppkKind)
    implements CaseEvent {}
