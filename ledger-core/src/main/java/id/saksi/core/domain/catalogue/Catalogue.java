package id.saksi.core.domain.catalogue;

import id.saksi.core.domain.calendar.HolidayCalendar;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The regulatory catalogue: the data every rule that depends on regulation reads, with the source
 * of each entry. Immutable; built by {@link CatalogueCodec}, which guarantees that every reference
 * inside it resolves and that every deadline is defined for every election kind, so the lookups
 * here never fail on a catalogue that parsed.
 *
 * <p>A catalogue is adopted into the ledger by a registrar-signed record carrying the whole of it;
 * a correction is a new version adopted by a new record. Each record is judged by the catalogue in
 * force at its position, so replaying the ledger reproduces every decision exactly.
 */
public final class Catalogue {
  private final String id;
  private final int version;
  private final LocalDate publishedOn;
  private final String notes;
  private final Map<String, Election> elections;
  private final Map<String, Track> tracks;
  private final Map<String, SanctionLevel> levels;
  private final Map<String, SanctionForm> sanctionForms;
  private final Map<String, ViolationForm> violationForms;
  private final List<AuthorityPeriod> authorities;
  private final Map<DeadlineId, Map<ElectionKind, Deadline>> deadlines;
  private final HolidayCalendar calendar;
  private final JsonNode json;

  Catalogue(
      String id,
      int version,
      LocalDate publishedOn,
      String notes,
      Map<String, Election> elections,
      Map<String, Track> tracks,
      Map<String, SanctionLevel> levels,
      Map<String, SanctionForm> sanctionForms,
      Map<String, ViolationForm> violationForms,
      List<AuthorityPeriod> authorities,
      Map<DeadlineId, Map<ElectionKind, Deadline>> deadlines,
      HolidayCalendar calendar,
      JsonNode json) {
    this.id = id;
    this.version = version;
    this.publishedOn = publishedOn;
    this.notes = notes;
    this.elections = Collections.unmodifiableMap(elections);
    this.tracks = Collections.unmodifiableMap(tracks);
    this.levels = Collections.unmodifiableMap(levels);
    this.sanctionForms = Collections.unmodifiableMap(sanctionForms);
    this.violationForms = Collections.unmodifiableMap(violationForms);
    this.authorities = List.copyOf(authorities);
    Map<DeadlineId, Map<ElectionKind, Deadline>> d = new EnumMap<>(DeadlineId.class);
    for (Map.Entry<DeadlineId, Map<ElectionKind, Deadline>> e : deadlines.entrySet()) {
      d.put(e.getKey(), Collections.unmodifiableMap(new EnumMap<>(e.getValue())));
    }
    this.deadlines = Collections.unmodifiableMap(d);
    this.calendar = calendar;
    this.json = json;
  }

  /** A copy of the document this catalogue was read from, as a catalogue.adopted body holds it. */
  public JsonNode json() {
    return json.deepCopy();
  }

  /** The catalogue's identity, the same across its versions, such as {@code saksi.neutrality}. */
  public String id() {
    return id;
  }

  /** Its version: each correction is the next version. */
  public int version() {
    return version;
  }

  /** When this version was published by the operator. */
  public LocalDate publishedOn() {
    return publishedOn;
  }

  /** What this version is and what it changed. */
  public String notes() {
    return notes;
  }

  /** {@code catalogue ID vN}, for citations. */
  public String label() {
    return "catalogue " + id + " v" + version;
  }

  /** The election with this code. */
  public Optional<Election> election(String code) {
    return Optional.ofNullable(elections.get(code));
  }

  /** All elections, by code. */
  public Map<String, Election> elections() {
    return elections;
  }

  /** The track with this code. */
  public Optional<Track> track(String code) {
    return Optional.ofNullable(tracks.get(code));
  }

  /** All tracks, by code. */
  public Map<String, Track> tracks() {
    return tracks;
  }

  /** The sanction level with this code. */
  public Optional<SanctionLevel> level(String code) {
    return Optional.ofNullable(levels.get(code));
  }

  /** All sanction levels, by code. */
  public Map<String, SanctionLevel> levels() {
    return levels;
  }

  /** The sanction form with this code. */
  public Optional<SanctionForm> sanctionForm(String code) {
    return Optional.ofNullable(sanctionForms.get(code));
  }

  /** All sanction forms, by code. */
  public Map<String, SanctionForm> sanctionForms() {
    return sanctionForms;
  }

  /** The violation form with this code. */
  public Optional<ViolationForm> violationForm(String code) {
    return Optional.ofNullable(violationForms.get(code));
  }

  /** All violation forms, by code. */
  public Map<String, ViolationForm> violationForms() {
    return violationForms;
  }

  /** The recommending authorities, in date order. */
  public List<AuthorityPeriod> authorities() {
    return authorities;
  }

  /** The recommending authority in office on {@code date}, if any. */
  public Optional<AuthorityPeriod> authorityOn(LocalDate date) {
    for (AuthorityPeriod p : authorities) {
      if (p.covers(date)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The deadline {@code id} for an election of {@code kind}; always defined. */
  public Deadline deadline(DeadlineId id, ElectionKind kind) {
    return deadlines.get(id).get(kind);
  }

  /** The holiday calendar for working-day deadlines. */
  public HolidayCalendar calendar() {
    return calendar;
  }

  /** Two catalogues are equal when every entry is: the same version with the same content. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Catalogue)) {
      return false;
    }
    Catalogue c = (Catalogue) o;
    return id.equals(c.id)
        && version == c.version
        && publishedOn.equals(c.publishedOn)
        && notes.equals(c.notes)
        && elections.equals(c.elections)
        && tracks.equals(c.tracks)
        && levels.equals(c.levels)
        && sanctionForms.equals(c.sanctionForms)
        && violationForms.equals(c.violationForms)
        && authorities.equals(c.authorities)
        && deadlines.equals(c.deadlines)
        && calendar.equals(c.calendar);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + version;
  }

  @Override
  public String toString() {
    return label();
  }
}
