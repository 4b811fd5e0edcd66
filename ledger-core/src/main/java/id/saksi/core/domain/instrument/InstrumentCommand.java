package id.saksi.core.domain.instrument;

/** A record about an instrument. */
public sealed interface InstrumentCommand
    permits IssueInstrumentCommand, AmendInstrumentCommand, RevokeInstrumentCommand {}
