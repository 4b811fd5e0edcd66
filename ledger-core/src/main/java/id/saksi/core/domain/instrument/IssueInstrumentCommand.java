package id.saksi.core.domain.instrument;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.LetterNumber;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code instrument.issued}: a circular or other instrument, issued by the signing agency (with
 * co-issuers for a joint decree).
 *
 * <p>Body: {@code {"kind", "number", "issuedOn", "place"?, "nature"?, "title", "addressees": [..],
 * "legalBasis": [..], "coIssuers"?: [..], "documentDigest"}}; {@code title} is the subject line
 * (perihal), {@code documentDigest} the SHA-256 of the signed document (its TTE-signed PDF).
 */
public record IssueInstrumentCommand(
    InstrumentKind kind,
    LetterNumber number,
    LocalDate issuedOn,
    Optional<String> place,
    Optional<String> nature,
    String title,
    List<String> addressees,
    List<String> legalBasis,
    List<AgencyCode> coIssuers,
    Hash documentDigest)
    implements InstrumentCommand {
  /** The record type. */
  public static final String TYPE = "instrument.issued";

  public IssueInstrumentCommand {
    addressees = List.copyOf(addressees);
    legalBasis = List.copyOf(legalBasis);
    coIssuers = List.copyOf(coIssuers);
  }

  /** Reads the body. */
  public static IssueInstrumentCommand read(JsonFields b) throws RecordParseException {
    IssueInstrumentCommand c =
        new IssueInstrumentCommand(
            b.enumValue("kind", InstrumentKind.class),
            b.letterNumber("number"),
            b.date("issuedOn"),
            b.optionalText("place", 100),
            b.optionalText("nature", 100),
            b.text("title", 500),
            b.texts("addressees", 1, 100, JsonFields.SHORT_TEXT),
            b.texts("legalBasis", 1, 50, 300),
            b.has("coIssuers") ? b.agencies("coIssuers", 1, 20) : List.of(),
            b.documentDigest("documentDigest"));
    b.end();
    return c;
  }
}
