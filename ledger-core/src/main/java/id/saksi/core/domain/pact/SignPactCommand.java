package id.saksi.core.domain.pact;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code pact.signed}: a signatory signed an integrity pact or a neutrality pledge for an election.
 * The subject is {@code pact/ELECTION/PERSON-REF}, so a second signing by the same person for the
 * same election lands on an existing aggregate and is refused with the position of the first.
 *
 * <p>Body: {@code {"election", "kind", "signatory": {"ref", "name", "nip"}, "role", "agency",
 * "clauseSetDigest", "place", "signedOn", "witnesses": [digests]}}; {@code name}, {@code nip} and
 * each witness are salted digests of personal data, {@code clauseSetDigest} the SHA-256 of the
 * clause text signed.
 */
public record SignPactCommand(
    String election,
    PactKind kind,
    PersonRef signatory,
    Digest signatoryName,
    Digest signatoryNip,
    SignatoryRole role,
    AgencyCode agency,
    Hash clauseSetDigest,
    String place,
    LocalDate signedOn,
    List<Digest> witnesses) {
  /** The record type. */
  public static final String TYPE = "pact.signed";

  public SignPactCommand {
    witnesses = List.copyOf(witnesses);
  }

  /** Reads the body. */
  public static SignPactCommand read(JsonFields b) throws RecordParseException {
    String election = b.text("election", 40);
    PactKind kind = b.enumValue("kind", PactKind.class);
    JsonFields s = b.object("signatory");
    PersonRef ref = s.personRef("ref");
    Digest name = s.commitment("name");
    Digest nip = s.commitment("nip");
    s.end();
    SignPactCommand c =
        new SignPactCommand(
            election,
            kind,
            ref,
            name,
            nip,
            b.enumValue("role", SignatoryRole.class),
            b.agency("agency"),
            b.documentDigest("clauseSetDigest"),
            b.text("place", 100),
            b.date("signedOn"),
            b.commitmentList("witnesses", 0, 10));
    b.end();
    return c;
  }
}
