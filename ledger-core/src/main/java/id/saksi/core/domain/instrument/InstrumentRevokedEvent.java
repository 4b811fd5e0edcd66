package id.saksi.core.domain.instrument;

import id.saksi.core.domain.RecordMeta;

/** An instrument was revoked. */
public record InstrumentRevokedEvent(RecordMeta meta, RevokeInstrumentCommand command)
    implements InstrumentEvent {}
