package id.saksi.core.domain.caseflow;

import static id.saksi.core.domain.testing.TestLedger.BAWASLU;
import static id.saksi.core.domain.testing.TestLedger.BAWASLU_LAMPUNG;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.BPASN;
import static id.saksi.core.domain.testing.TestLedger.KASN;
import static id.saksi.core.domain.testing.TestLedger.KEMENDAGRI;
import static id.saksi.core.domain.testing.TestLedger.KEMENPANRB;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.catalogue.AppealRoute;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.catalogue.SanctionForm;
import id.saksi.core.domain.catalogue.SanctionLevel;
import id.saksi.core.domain.catalogue.ViolationForm;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.testing.TwinReplay;
import id.saksi.core.domain.validation.AgencyCode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random legal histories of whole cases, interleaved on one ledger, from a seeded {@link Random}:
 * reports and findings, both elections, every track, appeals of every kind and outcome, the overdue
 * branch, corrections and every closure. Every generated record must be accepted; after each one
 * the case's invariants hold and folding {@code evolve} over its events from nothing reproduces its
 * state; random other records decided in between change nothing and never throw; and a fresh replay
 * of the whole ledger reproduces every state.
 */
class CaseHistoryPropertyTest {
  private static final int SEEDS = 25;
  private static final int CASES_PER_SEED = 40;

  @TempDir Path tmp;

  private final Set<String> typesSeen = new TreeSet<>();
  private final Set<ClosureReason> closuresSeen = EnumSet.noneOf(ClosureReason.class);
  private final Set<CaseStatus> statusesSeen = EnumSet.noneOf(CaseStatus.class);
  private final Set<String> outcomesSeen = new TreeSet<>();

  @Test
  void randomLegalHistories_areAcceptedReplayedAndKeepTheirInvariants() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      run(seed);
    }
    assertThat(typesSeen).containsAll(CaseRules.types());
    assertThat(closuresSeen).containsExactlyInAnyOrder(ClosureReason.values());
    assertThat(statusesSeen).containsExactlyInAnyOrder(CaseStatus.values());
    assertThat(outcomesSeen)
        .contains(
            "OBJECTION/UPHELD",
            "OBJECTION/MODIFIED",
            "OBJECTION/ANNULLED",
            "ADMINISTRATIVE_APPEAL/UPHELD",
            "ADMINISTRATIVE_APPEAL/ANNULLED");
  }

  private void run(long seed) throws Exception {
    Random rnd = new Random(seed);
    TestLedger t = TestLedger.standard();
    List<Submission> all = new ArrayList<>();
    List<Walker> open = new ArrayList<>();
    List<Walker> done = new ArrayList<>();
    for (int i = 0; i < CASES_PER_SEED; i++) {
      open.add(new Walker(t, rnd, "P" + seed + "-" + i, all));
    }
    int guard = 0;
    while (!open.isEmpty()) {
      if (++guard > 100_000) {
        throw new AssertionError("seed " + seed + ": histories did not end");
      }
      Walker w = open.get(rnd.nextInt(open.size()));
      if (!w.step()) {
        open.remove(w);
        done.add(w);
      }
      if (rnd.nextInt(4) == 0) {
        probe(t, rnd, done.isEmpty() ? w : done.get(rnd.nextInt(done.size())));
      }
    }
    // A fresh replay of every submission reproduces every state, decide included; so does one
    // that spills every state to a file as soon as another is used, and the two judge every
    // random record (mostly illegal steps, on open and closed cases) alike.
    List<Walker> walkers = new ArrayList<>(done);
    assertThat(t.history()).containsSubsequence(all);
    try (TwinReplay replay = new TwinReplay(tmp)) {
      for (Submission s : t.history()) {
        Outcome o = replay.apply(s);
        assertThat(o.rejection()).as("seed %s replay at %s", seed, s.position()).isEmpty();
        if (rnd.nextInt(3) == 0) {
          replay.decide(probeOf(t, rnd, walkers.get(rnd.nextInt(walkers.size()))));
        }
      }
      assertThat(replay.heap().aggregates()).isEqualTo(t.state().aggregates());
      assertThat(replay.heap().registry()).isEqualTo(t.state().registry());
      replay.assertSameStates();
    }
  }

  /** A random record on a random case, mostly an illegal step. */
  private static Submission probeOf(TestLedger t, Random rnd, Walker w) {
    List<String> types = CaseRules.types();
    String type = types.get(rnd.nextInt(types.size()));
    AgencyCode[] signers = {BKN, BAWASLU_LAMPUNG, TestLedger.METRO, BPASN, KEMENDAGRI, KASN};
    return t.submission(
        signers[rnd.nextInt(signers.length)],
        type,
        w.c.subject,
        TransitionMatrixProbe.sample(t, type),
        TestLedger.LATE);
  }

  /** Decides a random record on a random case without committing it: it never throws. */
  private static void probe(TestLedger t, Random rnd, Walker w) throws RecordParseException {
    List<String> types = CaseRules.types();
    String type = types.get(rnd.nextInt(types.size()));
    AgencyCode[] signers = {BKN, BAWASLU_LAMPUNG, TestLedger.METRO, BPASN, KEMENDAGRI, KASN};
    Object before = t.state().state(Subject.ofCase(w.c.id)).orElse(null);
    ObjectNode body = TransitionMatrixProbe.sample(t, type);
    Outcome o =
        t.state()
            .decide(
                t.submission(
                    signers[rnd.nextInt(signers.length)],
                    type,
                    w.c.subject,
                    body,
                    TestLedger.LATE));
    assertThat(o).isNotNull();
    assertThat(t.state().state(Subject.ofCase(w.c.id)).orElse(null)).isSameAs(before);
  }

  /** One case's random walk. */
  private final class Walker {
    final TestLedger t;
    final Random rnd;
    final CaseScript c;
    final List<Submission> all;
    final List<CaseEvent> events = new ArrayList<>();
    int records;
    LocalDate lastStep = LocalDate.MIN;
    boolean finished;

    Walker(TestLedger t, Random rnd, String id, List<Submission> all) {
      this.t = t;
      this.rnd = rnd;
      this.c = new CaseScript(t, id);
      this.all = all;
    }

    Catalogue cat() {
      return t.state().catalogue().orElseThrow();
    }

    <T> T pick(List<T> options) {
      return options.get(rnd.nextInt(options.size()));
    }

    boolean chance(int percent) {
      return rnd.nextInt(100) < percent;
    }

    /** Advances the clock to at least {@code from} plus 0 to {@code spread} days. */
    LocalDate after(LocalDate from, int spread) {
      LocalDate base = from.isAfter(c.day) ? from : c.day;
      c.day = base.plusDays(rnd.nextInt(spread + 1));
      return c.day;
    }

    void submit(AgencyCode by, String type, ObjectNode body) {
      Submission s = t.submission(by, type, c.subject, body, TestLedger.LATE);
      Outcome.Accepted a = t.accept(by, type, c.subject, body);
      all.add(s);
      records++;
      typesSeen.add(type);
      for (Object e : a.events()) {
        events.add((CaseEvent) e);
      }
      check();
    }

    AgencyCode authorityOn(LocalDate d) {
      AgencyKind k = cat().authorityOn(d).orElseThrow().kind();
      return k == AgencyKind.KASN ? KASN : BKN;
    }

    /** One legal step; false once the case is closed. */
    boolean step() {
      if (records == 0) {
        open();
        return true;
      }
      CaseState s = c.state();
      if (s.status() == CaseStatus.CLOSED) {
        if (!finished && chance(30)) {
          correct(s);
        }
        return false;
      }
      if (chance(4) && correct(s)) {
        return true;
      }
      switch (s.status()) {
        case RECEIVED:
          if (chance(8)) {
            submit(
                c.intake,
                "case.not-registered",
                J.o("decidedOn", after(s.lastStepOn(), 2), "reason", "INCOMPLETE"));
          } else if (chance(4)) {
            close(c.intake, "DUPLICATE");
          } else if (chance(4)) {
            close(c.intake, "RECORDED_IN_ERROR");
          } else {
            submit(
                c.intake,
                "case.registered",
                J.o("number", c.number(), "registeredOn", after(s.lastStepOn(), 1)));
          }
          return true;
        case REGISTERED:
          if (chance(8)) {
            close(pick(List.of(BKN, KEMENPANRB, BAWASLU)), "NOT_VERIFIED");
          } else {
            submit(
                pick(List.of(BKN, KEMENPANRB, KEMENDAGRI, BAWASLU)),
                "case.verified",
                J.o("verifiedOn", after(s.lastStepOn(), 9)));
          }
          return true;
        case VERIFIED:
        case CLARIFIED:
          if (!s.registration().orElseThrow().extended() && chance(15)) {
            submit(
                c.assessor,
                "case.assessment-extended",
                J.o("extendedOn", after(s.lastStepOn(), 1)));
          } else if (s.status() == CaseStatus.VERIFIED || chance(20)) {
            submit(
                c.assessor,
                "case.clarified",
                J.o(
                    "clarifiedOn",
                    after(s.lastStepOn(), 2),
                    "party",
                    pick(List.of("REPORTER", "REPORTED", "WITNESS")),
                    "minutesDigest",
                    J.doc(c.id + records)));
          } else {
            assess(s);
          }
          return true;
        case ASSESSED:
          if (chance(5)) {
            close(c.intake, "RECORDED_IN_ERROR");
          } else if (chance(60)) {
            LocalDate on = after(s.lastStepOn(), 3);
            submit(
                c.assessor,
                "case.forwarded",
                J.o("number", c.number(), "forwardedOn", on, "to", authorityOn(on).value()));
          } else {
            recommend(s);
          }
          return true;
        case NO_VIOLATION:
          close(c.assessor, "NO_VIOLATION");
          return true;
        case REFERRED:
          close(c.assessor, "REFERRED");
          return true;
        case FORWARDED:
          recommend(s);
          return true;
        case RECOMMENDED:
        case SUMMONED:
        case EXAMINED:
          ppkPending(s);
          return true;
        case DECIDED:
          if (s.overdue().blocked() && chance(50)) {
            unblock("PPK_ACTED");
          } else {
            submit(
                c.unit,
                "case.decision-delivered",
                J.o(
                    "decision",
                    s.sanction().orElseThrow().decisionAt(),
                    "deliveredOn",
                    after(s.lastStepOn(), 20)));
          }
          return true;
        case APPEAL_WINDOW:
          appealWindow(s);
          return true;
        case APPEALED:
          appealed(s);
          return true;
        case ANNULLED:
          if (s.overdue().blocked()) {
            unblock("PPK_ACTED");
          } else {
            close(c.ppk, "ANNULLED");
          }
          return true;
        case IN_FORCE:
        case SERVED:
          enforcement(s);
          return true;
        default:
          throw new AssertionError(s.status());
      }
    }

    void open() {
      c.election = chance(50) ? "PEMILU-2024" : "PILKADA-2024";
      c.day =
          c.election.equals("PEMILU-2024")
              ? LocalDate.of(2024, 1, 2).plusDays(rnd.nextInt(40))
              : LocalDate.of(2024, 9, 1).plusDays(rnd.nextInt(80));
      c.unit = pick(List.of(TestLedger.METRO_DISDIK, TestLedger.METRO, TestLedger.KEMENKEU_DJP));
      c.ppk = c.unit.equals(TestLedger.KEMENKEU_DJP) ? TestLedger.KEMENKEU : TestLedger.METRO;
      c.assessor = pick(List.of(BAWASLU_LAMPUNG, BAWASLU, BKN));
      String stage = chance(50) ? "CANDIDATE" : "PROSPECTIVE_CANDIDATE";
      if (chance(70)) {
        c.intake = pick(List.of(BAWASLU_LAMPUNG, BAWASLU, BKN, KEMENPANRB));
        ObjectNode body = c.reportBody(stage, chance(50) ? formFor(stage) : null);
        body.put("receivedOn", c.day.plusDays(1 + rnd.nextInt(3)).toString());
        body.put("knownOn", c.day.plusDays(1).toString());
        c.day = LocalDate.parse(body.get("receivedOn").stringValue());
        submit(c.intake, "case.reported", body);
      } else {
        c.intake = pick(List.of(BAWASLU, BKN));
        ObjectNode body = c.findBody(stage, chance(50) ? formFor(stage) : null);
        c.day = c.day.plusDays(1);
        submit(c.intake, "case.found", body);
      }
      c.opening =
          t.state()
              .caseState(Subject.ofCase(c.id))
              .orElseThrow()
              .log()
              .first()
              .orElseThrow()
              .position();
    }

    String formFor(String stage) {
      List<String> forms = new ArrayList<>();
      for (ViolationForm f : cat().violationForms().values()) {
        if (f.stages().contains(id.saksi.core.domain.catalogue.CandidateStage.valueOf(stage))) {
          forms.add(f.code());
        }
      }
      return pick(forms);
    }

    void assess(CaseState s) {
      int roll = rnd.nextInt(100);
      LocalDate on = after(s.lastStepOn(), 3);
      String stage = chance(50) ? "CANDIDATE" : "PROSPECTIVE_CANDIDATE";
      if (roll < 8) {
        submit(
            c.assessor,
            "case.assessed",
            J.o(
                "assessedOn",
                on,
                "outcome",
                "NO_VIOLATION",
                "candidateStage",
                stage,
                "forms",
                J.a(),
                "reportDigest",
                J.doc("k")));
      } else if (roll < 14) {
        submit(
            c.assessor,
            "case.assessed",
            J.o(
                "assessedOn",
                on,
                "outcome",
                pick(List.of("OTHER_LAW", "CRIMINAL")),
                "candidateStage",
                stage,
                "forms",
                J.a(),
                "referredTo",
                "Sentra Gakkumdu",
                "reportDigest",
                J.doc("k")));
      } else {
        Set<String> forms = new LinkedHashSet<>();
        int n = 1 + (chance(20) ? 1 : 0);
        while (forms.size() < n) {
          forms.add(formFor(stage));
        }
        submit(
            c.assessor,
            "case.assessed",
            J.o(
                "assessedOn",
                on,
                "outcome",
                "VIOLATION",
                "candidateStage",
                stage,
                "forms",
                new ArrayList<>(forms),
                "reportDigest",
                J.doc("k")));
      }
    }

    List<ViolationForm> proven(CaseState s) {
      List<ViolationForm> out = new ArrayList<>();
      for (String f : s.assessment().orElseThrow().forms()) {
        out.add(cat().violationForm(f).orElseThrow());
      }
      return out;
    }

    void recommend(CaseState s) {
      LocalDate on = after(s.lastStepOn(), 4);
      ViolationForm f = pick(proven(s));
      ObjectNode body =
          J.o(
              "number",
              c.number(),
              "recommendedOn",
              on,
              "track",
              f.track(),
              "level",
              pick(f.allowedLevels()),
              "articles",
              J.a("PP 94/2021 Pasal 5 huruf n"),
              "addressedTo",
              c.ppk.value());
      if (chance(50)) {
        body.put("dueOn", on.plusDays(1 + rnd.nextInt(20)).toString());
      }
      AgencyCode by = authorityOn(on);
      if (s.status() == CaseStatus.FORWARDED) {
        AgencyCode to = s.forwarding().orElseThrow().to();
        if (t.state().registry().agency(to).orElseThrow().kind()
            == cat().authorityOn(on).orElseThrow().kind()) {
          by = to;
        }
      }
      submit(by, "case.recommended", body);
    }

    void ppkPending(CaseState s) {
      CaseState.Recommendation rec = s.recommendation().orElseThrow();
      CaseState.Overdue ov = s.overdue();
      List<Runnable> options = new ArrayList<>();
      options.add(
          () -> {
            LocalDate on = after(s.lastStepOn(), 3);
            submit(
                c.unit,
                "case.summoned",
                J.o(
                    "number",
                    c.number(),
                    "summonedOn",
                    on,
                    "hearingOn",
                    on.plusDays(rnd.nextInt(5))));
          });
      if (s.status() != CaseStatus.RECOMMENDED) {
        options.add(
            () ->
                submit(
                    c.unit,
                    "case.examined",
                    J.o(
                        "examinedOn",
                        after(s.lastStepOn(), 4),
                        "byTeam",
                        chance(60),
                        "attended",
                        chance(80),
                        "minutesDigest",
                        J.doc(c.id + records))));
        options.add(() -> decide(s));
        options.add(() -> decide(s));
      }
      if (s.status() == CaseStatus.RECOMMENDED
          && !cat().track(rec.track()).orElseThrow().examinationRequired()) {
        options.add(() -> decide(s));
      }
      if (s.status() == CaseStatus.EXAMINED && !ov.blocked() && chance(15)) {
        options.add(() -> close(c.ppk, "EXAMINATION_NO_VIOLATION"));
      }
      if (chance(10)) {
        // The PPK lets the due date pass: the overdue branch opens.
        options.add(
            () -> {
              LocalDate on = after(rec.dueOn().plusDays(1), 3);
              submit(
                  authorityOn(on), "case.reminder-sent", J.o("number", c.number(), "sentOn", on));
            });
      }
      boolean overdue = c.day.isAfter(rec.dueOn());
      if (overdue) {
        options.add(
            () ->
                submit(
                    authorityOn(c.day),
                    "case.reminder-sent",
                    J.o("number", c.number(), "sentOn", after(c.day, 2))));
        if (s.opening().ppkKind() == AgencyKind.REGIONAL_GOVERNMENT
            && ov.reprimandedOn().isEmpty()) {
          options.add(
              () ->
                  submit(
                      KEMENDAGRI,
                      "case.regional-head-reprimanded",
                      J.o("number", c.number(), "reprimandedOn", after(c.day, 2))));
        }
        if (!ov.blocked()) {
          options.add(
              () ->
                  submit(
                      BKN,
                      "case.personnel-blocked",
                      J.o("number", c.number(), "blockedOn", after(c.day, 2))));
        }
      }
      if (ov.blocked() && chance(10)) {
        options.add(() -> unblock("OTHER"));
      }
      if (!ov.blocked() && chance(3)) {
        options.add(() -> close(pick(List.of(c.ppk, BKN)), "SUBJECT_LEFT_SERVICE"));
      }
      pick(options).run();
    }

    void decide(CaseState s) {
      List<String[]> choices = new ArrayList<>();
      for (ViolationForm f : proven(s)) {
        for (String levelCode : f.allowedLevels()) {
          SanctionLevel level = cat().level(levelCode).orElseThrow();
          boolean examined = s.proceedings().examinations() > 0;
          if (cat().track(level.track()).orElseThrow().examinationRequired() && !examined) {
            continue;
          }
          if (level.examinationTeamRequired() && !s.proceedings().examinedByTeam()) {
            continue;
          }
          for (SanctionForm form : cat().sanctionForms().values()) {
            if (form.level().equals(levelCode)) {
              choices.add(new String[] {levelCode, form.code()});
            }
          }
        }
      }
      if (choices.isEmpty()) {
        // No level the proven forms allow fits the examinations so far: examine by a team.
        submit(
            c.unit,
            "case.examined",
            J.o(
                "examinedOn",
                after(s.lastStepOn(), 4),
                "byTeam",
                true,
                "attended",
                true,
                "minutesDigest",
                J.doc(c.id + records)));
        return;
      }
      String[] choice = pick(choices);
      SanctionForm form = cat().sanctionForm(choice[1]).orElseThrow();
      LocalDate on = after(s.lastStepOn(), 5);
      ObjectNode body =
          J.o(
              "number",
              c.number(),
              "decidedOn",
              on,
              "level",
              choice[0],
              "form",
              choice[1],
              "effectiveOn",
              on.plusDays(rnd.nextInt(15)));
      if (!form.durationsMonths().isEmpty()) {
        body.put("durationMonths", pick(form.durationsMonths()));
      }
      submit(c.ppk, "case.sanction-decided", body);
    }

    void appealWindow(CaseState s) {
      CaseState.Sanction sanction = s.sanction().orElseThrow();
      CaseState.Delivery d = s.delivery().orElseThrow();
      if (s.overdue().blocked() && chance(30)) {
        unblock("PPK_ACTED");
        return;
      }
      if (sanction.appealRoute() != AppealRoute.NONE && chance(45)) {
        long window = d.appealDueOn().toEpochDay() - d.deliveredOn().toEpochDay();
        c.day = d.deliveredOn().plusDays(rnd.nextInt((int) window + 1));
        String kind =
            sanction.appealRoute() == AppealRoute.OBJECTION ? "OBJECTION" : "ADMINISTRATIVE_APPEAL";
        AgencyCode body = kind.equals("OBJECTION") ? c.ppk : BPASN;
        submit(
            body,
            "case.appeal-filed",
            J.o(
                "decision",
                sanction.decisionAt(),
                "kind",
                kind,
                "number",
                c.number(),
                "filedOn",
                c.day));
        return;
      }
      LocalDate on =
          sanction.appealRoute() == AppealRoute.NONE
              ? after(d.deliveredOn(), 3)
              : after(d.appealDueOn().plusDays(1), 3);
      submit(c.unit, "case.in-force", J.o("decision", sanction.decisionAt(), "inForceOn", on));
    }

    void appealed(CaseState s) {
      CaseState.Appeal a = s.appeal().orElseThrow();
      if (a.kind() == AppealKind.ADMINISTRATIVE_APPEAL && a.answeredOn().isEmpty() && chance(60)) {
        submit(
            c.ppk,
            "case.appeal-answered",
            J.o("appeal", a.filedAt(), "number", c.number(), "answeredOn", after(a.filedOn(), 25)));
        return;
      }
      List<String> outcomes = new ArrayList<>(List.of("UPHELD", "ANNULLED"));
      if (a.kind() == AppealKind.OBJECTION) {
        outcomes.add("MODIFIED");
      }
      String outcome = pick(outcomes);
      LocalDate on = after(a.answeredOn().orElse(a.filedOn()), 10);
      ObjectNode body =
          J.o("appeal", a.filedAt(), "number", c.number(), "decidedOn", on, "outcome", outcome);
      AgencyCode by = a.kind() == AppealKind.OBJECTION ? c.ppk : BPASN;
      if (outcome.equals("MODIFIED")) {
        CaseState.Sanction old = s.sanction().orElseThrow();
        SanctionForm form = cat().sanctionForm(old.form()).orElseThrow();
        ObjectNode m =
            J.o(
                "level",
                old.level(),
                "form",
                old.form(),
                "effectiveOn",
                on.plusDays(rnd.nextInt(10)));
        if (!form.durationsMonths().isEmpty()) {
          m.put("durationMonths", pick(form.durationsMonths()));
        }
        body.set("modified", m);
      }
      outcomesSeen.add(a.kind() + "/" + outcome);
      submit(by, "case.appeal-decided", body);
    }

    void enforcement(CaseState s) {
      if (s.overdue().blocked() && chance(60)) {
        unblock(chance(50) ? "PPK_ACTED" : "OTHER");
        return;
      }
      if (s.enforcement().disciplineRecordedOn().isEmpty() && chance(30)) {
        submit(
            BKN,
            "case.discipline-recorded",
            J.o("recordedOn", after(s.lastStepOn(), 10), "registerEntry", "IDIS-" + c.id));
        return;
      }
      if (s.status() == CaseStatus.IN_FORCE) {
        CaseState.Sanction sanction = s.sanction().orElseThrow();
        LocalDate end = sanction.effectiveOn().plusMonths(sanction.durationMonths());
        submit(
            c.unit,
            "case.served",
            J.o("servedOn", after(end.isAfter(s.lastStepOn()) ? end : s.lastStepOn(), 10)));
        return;
      }
      if (s.overdue().blocked()) {
        unblock("PPK_ACTED");
      } else {
        close(pick(List.of(c.ppk, c.unit)), "SERVED");
      }
    }

    void unblock(String reason) {
      CaseState s = c.state();
      submit(
          BKN,
          "case.personnel-unblocked",
          J.o(
              "number",
              c.number(),
              "unblockedOn",
              after(s.overdue().blockedOn().orElseThrow(), 3),
              "reason",
              reason));
    }

    void close(AgencyCode by, String reason) {
      CaseState s = c.state();
      ObjectNode body = J.o("closedOn", after(s.lastStepOn(), 3), "reason", reason);
      if (reason.equals("DUPLICATE")) {
        body.put("duplicateOf", c.id + "-ORIGINAL");
      }
      submit(by, "case.closed", body);
    }

    /** Corrects a random correctable record, signed by its author; false if none fits. */
    boolean correct(CaseState s) {
      List<RecordLog.Entry> candidates = new ArrayList<>();
      for (RecordLog.Entry e : s.log().entries()) {
        if (!Correctable.of(e.type()).isEmpty()) {
          candidates.add(e);
        }
      }
      if (candidates.isEmpty()) {
        return false;
      }
      RecordLog.Entry e = pick(candidates);
      String field = pick(new ArrayList<>(Correctable.of(e.type())));
      Object value;
      switch (Correctable.KINDS.get(field)) {
        case DIGEST:
          value = J.digest(c.id + field + records);
          break;
        case PERSON_REF:
          value = CaseScript.person("197001012000031999").text();
          break;
        case LETTER_NUMBER:
          value = c.number();
          break;
        case DOCUMENT_DIGEST:
          value = J.doc(c.id + field + records);
          break;
        case TEXTS:
          value = J.a("PP 94/2021 Pasal 5 huruf n angka 3", "PP 94/2021 Pasal 14 huruf i");
          break;
        default:
          value = "Corrected label " + records;
          break;
      }
      submit(
          e.author(),
          "case.corrected",
          J.o("corrects", e.position(), "reason", "CLERICAL_ERROR", "changes", J.o(field, value)));
      finished = s.status() == CaseStatus.CLOSED;
      return true;
    }

    /** The invariants of a case after every accepted record. */
    void check() {
      CaseState s = c.state();
      statusesSeen.add(s.status());
      s.closure().ifPresent(cl -> closuresSeen.add(cl.reason()));
      String where = c.subject + " after " + records + " records";
      // Replaying the events from nothing gives the same state.
      Optional<CaseState> replay = Optional.empty();
      for (CaseEvent e : events) {
        replay = Optional.of(CaseDecider.evolve(Subject.ofCase(c.id), replay, e));
      }
      assertThat(replay).as(where).contains(s);
      // The log holds every record, in ledger order, opening first.
      List<RecordLog.Entry> log = s.log().entries();
      assertThat(log).as(where).hasSize(records);
      assertThat(log.get(0).type()).isIn("case.reported", "case.found");
      for (int i = 1; i < log.size(); i++) {
        assertThat(log.get(i).position().value()).isGreaterThan(log.get(i - 1).position().value());
      }
      // Steps never go back in time.
      assertThat(s.lastStepOn())
          .as(where)
          .isAfterOrEqualTo(lastStep.equals(LocalDate.MIN) ? s.lastStepOn() : lastStep);
      lastStep = s.lastStepOn();
      // Status and facts agree.
      assertThat(s.closure().isPresent()).as(where).isEqualTo(s.status() == CaseStatus.CLOSED);
      if (s.status() == CaseStatus.CLOSED) {
        assertThat(s.overdue().blocked()).as(where).isFalse();
      }
      Set<CaseStatus> afterRegistration =
          EnumSet.complementOf(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.CLOSED));
      if (afterRegistration.contains(s.status())) {
        assertThat(s.registration()).as(where).isPresent();
      }
      Set<CaseStatus> violation = EnumSet.range(CaseStatus.ASSESSED, CaseStatus.SERVED);
      violation.removeAll(EnumSet.of(CaseStatus.NO_VIOLATION, CaseStatus.REFERRED));
      if (violation.contains(s.status())) {
        assertThat(s.assessment().orElseThrow().outcome())
            .as(where)
            .isEqualTo(AssessmentOutcome.VIOLATION);
      }
      Set<CaseStatus> sanctioned = EnumSet.range(CaseStatus.DECIDED, CaseStatus.SERVED);
      if (sanctioned.contains(s.status())) {
        CaseState.Sanction sanction = s.sanction().orElseThrow();
        Set<String> allowed = new HashSet<>();
        for (ViolationForm f : proven(s)) {
          allowed.addAll(f.allowedLevels());
        }
        assertThat(allowed).as(where).contains(sanction.level());
        SanctionForm form = cat().sanctionForm(sanction.form()).orElseThrow();
        assertThat(form.level()).isEqualTo(sanction.level());
        if (cat().level(sanction.level()).orElseThrow().examinationTeamRequired()) {
          assertThat(s.proceedings().examinedByTeam()).as(where).isTrue();
        }
      }
      if (s.status() == CaseStatus.APPEALED) {
        assertThat(s.appeal().orElseThrow().outcome()).as(where).isEmpty();
      }
      if (s.status() == CaseStatus.IN_FORCE || s.status() == CaseStatus.SERVED) {
        assertThat(s.enforcement().inForceOn()).as(where).isPresent();
      }
      if (s.status() == CaseStatus.SERVED) {
        CaseState.Sanction sanction = s.sanction().orElseThrow();
        assertThat(s.enforcement().servedOn().orElseThrow())
            .isAfterOrEqualTo(sanction.effectiveOn().plusMonths(sanction.durationMonths()));
      }
      Map<Position, String> types = new HashMap<>();
      for (RecordLog.Entry e : log) {
        types.put(e.position(), e.type());
      }
      s.sanction()
          .ifPresent(x -> assertThat(types.get(x.decisionAt())).isEqualTo("case.sanction-decided"));
      s.appeal().ifPresent(x -> assertThat(types.get(x.filedAt())).isEqualTo("case.appeal-filed"));
    }
  }
}
