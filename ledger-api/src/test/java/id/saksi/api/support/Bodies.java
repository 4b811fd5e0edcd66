package id.saksi.api.support;

import id.saksi.core.domain.testing.J;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Legal record bodies for tests that need statements but not a particular story. */
public final class Bodies {
  private Bodies() {}

  /** The body of a circular issued by PEMKOT-METRO (after the core's instrument fixture). */
  public static ObjectNode circular(String number) {
    return J.o(
        "kind", "CIRCULAR",
        "number", number,
        "issuedOn", "2023-02-06",
        "place", "Metro",
        "nature", "Penting",
        "title", "Pelaksanaan Ikrar Netralitas ASN pada Pemilu dan Pemilihan 2024",
        "addressees", J.a("Para Kepala Perangkat Daerah di Lingkungan Pemerintah Kota Metro"),
        "legalBasis", J.a("UU 5/2014 tentang ASN"),
        "documentDigest", J.doc(number));
  }

  /** A subject for a new instrument. */
  public static String freshInstrument() {
    return "instrument/T-" + UUID.randomUUID();
  }

  /** A new circular of PEMKOT-METRO, signed, with a fresh subject. */
  public static Submissions.Signed newCircular() {
    return Submissions.sign(
        "PEMKOT-METRO", "instrument.issued", freshInstrument(), circular("005/1/B-06/2023"));
  }
}
