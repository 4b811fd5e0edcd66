package id.saksi.core.domain.instrument;

import id.saksi.core.domain.RecordMeta;

/** An instrument was issued. */
public record InstrumentIssuedEvent(RecordMeta meta, IssueInstrumentCommand command)
    implements InstrumentEvent {}
