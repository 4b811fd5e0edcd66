package id.saksi.core.domain.instrument;

import id.saksi.core.domain.RecordMeta;

/** An instrument was amended. */
public record InstrumentAmendedEvent(RecordMeta meta, AmendInstrumentCommand command)
    implements InstrumentEvent {}
