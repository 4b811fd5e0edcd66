package id.saksi.core.domain.catalogue;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.calendar.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a catalogue from its JSON form (docs/domain.md, "The catalogue"), strictly: unknown fields,
 * dangling references, duplicate codes, overlapping authority periods and missing deadlines are all
 * errors naming the path, so a catalogue that parses can answer every lookup the rules make.
 */
public final class CatalogueCodec {
  /** Longest source citation. */
  static final int SOURCE = 600;

  /** Longest catalogue notes. */
  static final int NOTES = 4000;

  private CatalogueCodec() {}

  /** Parses a catalogue document; error paths are relative to the document. */
  public static Catalogue parse(JsonNode json) throws RecordParseException {
    return parse(JsonFields.of(json, "catalogue"));
  }

  /** Parses the catalogue in {@code c}; error paths start with {@code c}'s path. */
  public static Catalogue parse(JsonFields c) throws RecordParseException {
    String id = code(c, "catalogue", c.pathOf("catalogue"));
    int version = (int) c.integer("version", 1, 1_000_000);
    LocalDate publishedOn = c.date("publishedOn");
    String notes = c.text("notes", NOTES);
    String label = "catalogue " + id + " v" + version;

    Map<String, Election> elections = new LinkedHashMap<>();
    for (JsonFields e : c.objects("elections", 1, 200)) {
      String code = code(e, "code", e.pathOf("code"));
      String source = e.text("source", SOURCE);
      Election el =
          new Election(
              code,
              e.enumValue("kind", ElectionKind.class),
              e.text("name", JsonFields.SHORT_TEXT),
              e.date("votingDay"),
              source,
              cite(label, "elections", code, source));
      e.end();
      unique(elections, code, el, e);
    }

    Map<String, Track> tracks = new LinkedHashMap<>();
    for (JsonFields t : c.objects("tracks", 1, 20)) {
      String code = code(t, "code", t.pathOf("code"));
      String source = t.text("source", SOURCE);
      Track tr =
          new Track(
              code,
              t.text("name", JsonFields.SHORT_TEXT),
              t.bool("examinationRequired"),
              source,
              cite(label, "tracks", code, source));
      t.end();
      unique(tracks, code, tr, t);
    }

    Map<String, SanctionLevel> levels = new LinkedHashMap<>();
    for (JsonFields l : c.objects("sanctionLevels", 1, 50)) {
      String code = code(l, "code", l.pathOf("code"));
      String track = code(l, "track", l.pathOf("track"));
      if (!tracks.containsKey(track)) {
        throw new RecordParseException(
            l.pathOf("track"),
            "names the track " + track + ", which is not in tracks: " + tracks.keySet());
      }
      String source = l.text("source", SOURCE);
      SanctionLevel lv =
          new SanctionLevel(
              code,
              track,
              l.text("name", JsonFields.SHORT_TEXT),
              (int) l.integer("rank", 1, 100),
              l.bool("examinationTeamRequired"),
              source,
              cite(label, "sanctionLevels", code, source));
      l.end();
      unique(levels, code, lv, l);
    }

    Map<String, SanctionForm> forms = new LinkedHashMap<>();
    for (JsonFields f : c.objects("sanctionForms", 1, 100)) {
      String code = code(f, "code", f.pathOf("code"));
      String level = code(f, "level", f.pathOf("level"));
      if (!levels.containsKey(level)) {
        throw new RecordParseException(
            f.pathOf("level"),
            "names the level " + level + ", which is not in sanctionLevels: " + levels.keySet());
      }
      String source = f.text("source", SOURCE);
      List<Integer> durations = f.integers("durationsMonths", 0, 12, 1, 120);
      if (new HashSet<>(durations).size() != durations.size()) {
        throw new RecordParseException(
            f.pathOf("durationsMonths"), "repeats a duration; list each once");
      }
      SanctionForm sf =
          new SanctionForm(
              code,
              level,
              f.text("name", JsonFields.SHORT_TEXT),
              durations,
              f.enumValue("appeal", AppealRoute.class),
              source,
              cite(label, "sanctionForms", code, source));
      f.end();
      unique(forms, code, sf, f);
    }
    for (SanctionLevel lv : levels.values()) {
      boolean used = false;
      for (SanctionForm sf : forms.values()) {
        used |= sf.level().equals(lv.code());
      }
      if (!used) {
        throw new RecordParseException(
            c.pathOf("sanctionLevels"), "level " + lv.code() + " has no form in sanctionForms");
      }
    }

    Map<String, ViolationForm> violations = new LinkedHashMap<>();
    for (JsonFields v : c.objects("violationForms", 1, 200)) {
      String code = code(v, "code", v.pathOf("code"));
      String title = v.text("title", 500);
      String track = code(v, "track", v.pathOf("track"));
      if (!tracks.containsKey(track)) {
        throw new RecordParseException(
            v.pathOf("track"),
            "names the track " + track + ", which is not in tracks: " + tracks.keySet());
      }
      Set<CandidateStage> stages = EnumSet.copyOf(v.enums("stages", 1, 2, CandidateStage.class));
      List<String> allowed = v.distinctTexts("allowedLevels", 1, 10, 40);
      for (int i = 0; i < allowed.size(); i++) {
        SanctionLevel lv = levels.get(allowed.get(i));
        if (lv == null) {
          throw new RecordParseException(
              v.pathOf("allowedLevels[" + i + "]"),
              "names the level "
                  + allowed.get(i)
                  + ", which is not in sanctionLevels: "
                  + levels.keySet());
        }
        if (!lv.track().equals(track)) {
          throw new RecordParseException(
              v.pathOf("allowedLevels[" + i + "]"),
              "names the level "
                  + lv.code()
                  + " of track "
                  + lv.track()
                  + "; a form of track "
                  + track
                  + " allows only levels of that track");
        }
      }
      String source = v.text("source", SOURCE);
      List<ViolationForm.Alternative> alternatives = new ArrayList<>();
      if (v.has("alternatives")) {
        for (JsonFields a : v.objects("alternatives", 1, 10)) {
          alternatives.add(
              new ViolationForm.Alternative(a.text("source", SOURCE), a.text("says", 1000)));
          a.end();
        }
      }
      ViolationForm vf =
          new ViolationForm(
              code,
              title,
              track,
              stages,
              allowed,
              source,
              alternatives,
              cite(label, "violationForms", code, source));
      v.end();
      unique(violations, code, vf, v);
    }

    List<AuthorityPeriod> authorities = new ArrayList<>();
    for (JsonFields a : c.objects("authorities", 1, 20)) {
      AgencyKind kind = a.enumValue("kind", AgencyKind.class);
      LocalDate from = a.date("from");
      Optional<LocalDate> until = a.optionalDate("until");
      if (until.isPresent() && until.get().isBefore(from)) {
        throw new RecordParseException(a.pathOf("until"), "is before from " + from);
      }
      String source = a.text("source", SOURCE);
      Optional<String> note = a.optionalText("note", 1000);
      a.end();
      AuthorityPeriod p =
          new AuthorityPeriod(
              kind,
              from,
              until,
              source,
              note,
              cite(label, "authorities", kind + " from " + from, source));
      if (!authorities.isEmpty()) {
        AuthorityPeriod prev = authorities.get(authorities.size() - 1);
        if (prev.until().isEmpty() || !prev.until().get().isBefore(from)) {
          throw new RecordParseException(
              a.pathOf("from"),
              "overlaps the previous period of "
                  + prev.kind()
                  + "; list periods in date order, each starting after the last one ends");
        }
      }
      authorities.add(p);
    }

    Map<DeadlineId, Map<ElectionKind, Deadline>> deadlines = new EnumMap<>(DeadlineId.class);
    for (JsonFields d : c.objects("deadlines", 1, 100)) {
      DeadlineId id2 = d.enumValue("id", DeadlineId.class);
      Optional<ElectionKind> kind = d.optionalEnum("electionKind", ElectionKind.class);
      int amount = (int) d.integer("amount", 1, 366);
      DeadlineUnit unit = d.enumValue("unit", DeadlineUnit.class);
      Optional<Deadline.Period> extension = Optional.empty();
      Optional<JsonFields> ext = d.optionalObject("extension");
      if (ext.isPresent()) {
        extension =
            Optional.of(
                new Deadline.Period(
                    (int) ext.get().integer("amount", 1, 366),
                    ext.get().enumValue("unit", DeadlineUnit.class)));
        ext.get().end();
      }
      String source = d.text("source", SOURCE);
      d.end();
      Deadline deadline =
          new Deadline(
              id2,
              kind,
              amount,
              unit,
              extension,
              source,
              cite(label, "deadlines", id2 + kind.map(k -> " " + k).orElse(""), source));
      Map<ElectionKind, Deadline> byKind =
          deadlines.computeIfAbsent(id2, k -> new EnumMap<>(ElectionKind.class));
      for (ElectionKind k : kind.map(EnumSet::of).orElse(EnumSet.allOf(ElectionKind.class))) {
        if (byKind.put(k, deadline) != null) {
          throw new RecordParseException(
              d.pathOf("id"), "defines " + id2 + " for " + k + " a second time");
        }
      }
    }
    for (DeadlineId id2 : DeadlineId.values()) {
      for (ElectionKind k : ElectionKind.values()) {
        if (!deadlines.containsKey(id2) || !deadlines.get(id2).containsKey(k)) {
          throw new RecordParseException(
              c.pathOf("deadlines"),
              "does not define " + id2 + " for " + k + "; every deadline needs a value");
        }
      }
    }

    HolidayCalendar calendar = calendar(c.object("calendar"));
    c.end();
    return new Catalogue(
        id,
        version,
        publishedOn,
        notes,
        elections,
        tracks,
        levels,
        forms,
        violations,
        authorities,
        deadlines,
        calendar,
        c.node());
  }

  private static HolidayCalendar calendar(JsonFields cal) throws RecordParseException {
    Set<DayOfWeek> weekend = EnumSet.copyOf(cal.enums("weekend", 1, 3, DayOfWeek.class));
    List<HolidayCalendar.Year> years = new ArrayList<>();
    Set<Integer> seenYears = new LinkedHashSet<>();
    for (JsonFields y : cal.objects("years", 1, 100)) {
      int year = (int) y.integer("year", 1945, 2199);
      if (!seenYears.add(year)) {
        throw new RecordParseException(y.pathOf("year"), "repeats the year " + year);
      }
      List<String> sources = y.texts("sources", 1, 10, SOURCE);
      List<HolidayCalendar.DayOff> days = new ArrayList<>();
      Set<LocalDate> seen = new HashSet<>();
      for (JsonFields d : y.objects("days", 0, 100)) {
        LocalDate date = d.date("date");
        if (date.getYear() != year) {
          throw new RecordParseException(d.pathOf("date"), "is " + date + ", not in " + year);
        }
        if (!seen.add(date)) {
          throw new RecordParseException(d.pathOf("date"), "repeats " + date + "; list it once");
        }
        days.add(
            new HolidayCalendar.DayOff(
                date,
                d.enumValue("kind", HolidayCalendar.Kind.class),
                d.text("name", JsonFields.SHORT_TEXT),
                d.optionalText("source", SOURCE)));
        d.end();
      }
      y.end();
      years.add(new HolidayCalendar.Year(year, sources, days));
    }
    cal.end();
    return HolidayCalendar.of(weekend, years);
  }

  private static String code(JsonFields f, String name, String path) throws RecordParseException {
    String s = f.text(name, 40);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok =
          (ch >= 'A' && ch <= 'Z')
              || (ch >= 'a' && ch <= 'z')
              || (ch >= '0' && ch <= '9')
              || ch == '-'
              || ch == '_'
              || ch == '.';
      if (!ok) {
        throw new RecordParseException(
            path, "is \"" + s + "\"; a code uses letters, digits, '-', '_' and '.' only");
      }
    }
    return s;
  }

  private static <T> void unique(Map<String, T> map, String code, T value, JsonFields at)
      throws RecordParseException {
    if (map.put(code, value) != null) {
      throw new RecordParseException(
          at.pathOf("code"), "repeats the code " + code + "; codes are unique");
    }
  }

  private static String cite(String label, String section, String code, String source) {
    return label + ", " + section + " " + code + ": " + source;
  }
}
