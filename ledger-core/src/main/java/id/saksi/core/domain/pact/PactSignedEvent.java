package id.saksi.core.domain.pact;

import id.saksi.core.domain.RecordMeta;

/** A pact or pledge was signed. */
public record PactSignedEvent(RecordMeta meta, SignPactCommand command) {}
