package id.saksi.core.export;

/**
 * A ZIP member whose name is not one of the export's own: a path that climbs out ({@code ../}), an
 * absolute path, a repeated name, or simply a name the format does not define. A bundle is never
 * extracted, but a clerk's unzip tool would, so such a bundle is refused whole.
 */
public final class UnsafeMemberNameException extends ExportFormatException {
  private static final long serialVersionUID = 1L;

  private final String name;

  UnsafeMemberNameException(String name, String problem) {
    super("member " + ExportLayout.quote(name) + " " + problem);
    this.name = name;
  }

  /** The offending name, as stored in the ZIP. */
  public String name() {
    return name;
  }
}
