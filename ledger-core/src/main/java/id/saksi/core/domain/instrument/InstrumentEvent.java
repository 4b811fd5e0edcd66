package id.saksi.core.domain.instrument;

import id.saksi.core.domain.RecordMeta;

/** What an accepted instrument record changes. */
public sealed interface InstrumentEvent
    permits InstrumentIssuedEvent, InstrumentAmendedEvent, InstrumentRevokedEvent {
  /** The statement it came from. */
  RecordMeta meta();
}
