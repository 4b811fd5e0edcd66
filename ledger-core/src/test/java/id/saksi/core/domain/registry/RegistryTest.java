package id.saksi.core.domain.registry;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.BAWASLU;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.KASN;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.rule.CommonRules;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RegistryTest {
  private static final AgencyCode NEW = AgencyCode.of("PEMKAB-LEBAK");

  private static ObjectNode agencyBody(String code, String kind, String parent, boolean ppk) {
    ObjectNode b =
        J.o("code", code, "name", "Pemerintah Kabupaten Lebak", "kind", kind, "ppk", ppk);
    return parent == null ? b : J.with(b, "parent", parent);
  }

  // --- genesis -------------------------------------------------------------------------------

  @Test
  void genesis_atEntry0_registersTheRegistrarAndItsKey() {
    TestLedger t = TestLedger.genesisOnly();

    RegistryState s = t.state().registry();
    assertThat(s.registrar()).contains(REGISTRAR);
    assertThat(s.agency(REGISTRAR).orElseThrow().kind()).isEqualTo(AgencyKind.REGISTRAR);
    KeyEntry key = s.keys().all().values().iterator().next();
    assertThat(key.addedAt()).isEqualTo(Position.GENESIS);
    assertThat(key.validAt(Position.of(1))).isTrue();
  }

  @Test
  void genesis_second_rejected() {
    TestLedger t = TestLedger.genesisOnly();
    Ed25519PublicKey key = TestLedger.key("other");
    t.useKey(REGISTRAR, KeyId.of(key));

    Rejection r =
        t.reject(
            REGISTRAR,
            "registry.genesis",
            "registry",
            J.o("code", "REGISTRAR", "name", "again", "publicKey", key.base64()));

    assertRejection(
        r,
        RegistryRules.GENESIS_FIRST,
        "registry",
        "ACTIVE",
        "the ledger already has its genesis; the registrar is REGISTRAR");
  }

  @Test
  void genesis_signedWithAnotherKey_rejected() throws Exception {
    id.saksi.core.domain.ledger.LedgerState s = new id.saksi.core.domain.ledger.LedgerState();
    Ed25519PublicKey key = TestLedger.key("genesis");
    Ed25519PublicKey other = TestLedger.key("other");

    Outcome o =
        s.decide(
            new Submission(
                Position.GENESIS,
                "registry.genesis",
                REGISTRAR,
                KeyId.of(other),
                "registry",
                TestLedger.LATE,
                J.o("code", "REGISTRAR", "name", "R", "publicKey", key.base64())));

    assertRejection(
        o.rejection().orElseThrow(),
        RegistryRules.GENESIS_SELF_SIGNED,
        "registry",
        "EMPTY",
        "the statement is signed with key "
            + KeyId.of(other)
            + " but the body registers key "
            + KeyId.of(key)
            + "; sign the genesis with the key it registers");
    assertThat(s.registry().isEmpty()).isTrue();
  }

  @Test
  void genesis_forAnotherAgency_rejected() throws Exception {
    id.saksi.core.domain.ledger.LedgerState s = new id.saksi.core.domain.ledger.LedgerState();
    Ed25519PublicKey key = TestLedger.key("genesis");

    Outcome o =
        s.decide(
            new Submission(
                Position.GENESIS,
                "registry.genesis",
                BKN,
                KeyId.of(key),
                "registry",
                TestLedger.LATE,
                J.o("code", "REGISTRAR", "name", "R", "publicKey", key.base64())));

    assertRejection(
        o.rejection().orElseThrow(),
        RegistryRules.GENESIS_SELF_SIGNED,
        "registry",
        "EMPTY",
        "the statement's agency is BKN but the body registers REGISTRAR; the registrar signs"
            + " its own genesis");
  }

  @Test
  void anyRecord_beforeGenesis_rejected() throws Exception {
    id.saksi.core.domain.ledger.LedgerState s = new id.saksi.core.domain.ledger.LedgerState();

    Outcome o =
        s.decide(
            new Submission(
                Position.GENESIS,
                "agency.registered",
                REGISTRAR,
                KeyId.of(TestLedger.key("x")),
                "registry",
                TestLedger.LATE,
                agencyBody("BKN", "BKN", null, true)));

    assertRejection(
        o.rejection().orElseThrow(),
        RegistryRules.GENESIS_FIRST,
        "registry",
        "EMPTY",
        "the ledger has no genesis yet; entry 0 must be registry.genesis");
  }

  @Test
  void signingKey_genesis_isTheBodysKey() throws Exception {
    id.saksi.core.domain.ledger.LedgerState s = new id.saksi.core.domain.ledger.LedgerState();
    Ed25519PublicKey key = TestLedger.key("genesis");
    Submission g =
        new Submission(
            Position.GENESIS,
            "registry.genesis",
            REGISTRAR,
            KeyId.of(key),
            "registry",
            TestLedger.LATE,
            J.o("code", "REGISTRAR", "name", "R", "publicKey", key.base64()));

    assertThat(s.signingKey(g)).isEqualTo(key);
  }

  // --- agencies ------------------------------------------------------------------------------

  @Test
  void agencyRegistered_byRegistrar_withParentAndPpk() {
    TestLedger t = TestLedger.standard();

    t.accept(
        REGISTRAR,
        "agency.registered",
        "registry",
        agencyBody(NEW.value(), "REGIONAL_GOVERNMENT", null, true));

    AgencyInfo info = t.state().registry().agency(NEW).orElseThrow();
    assertThat(info.kind()).isEqualTo(AgencyKind.REGIONAL_GOVERNMENT);
    assertThat(info.ppk()).isTrue();
    assertThat(t.state().registry().ppkOf(TestLedger.METRO_DISDIK).orElseThrow().code())
        .isEqualTo(METRO);
  }

  @Test
  void agencyRegistered_byAnAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            BKN, "agency.registered", "registry", agencyBody(NEW.value(), "UNIT", "BKN", false));

    assertRejection(
        r,
        RegistryRules.REGISTRAR_ONLY,
        "registry",
        "ACTIVE",
        "agency.registered is signed by the registrar, not by BKN (BKN)");
  }

  @Test
  void agencyRegistered_twice_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(REGISTRAR, "agency.registered", "registry", agencyBody("BKN", "BKN", null, true));

    assertRejection(
        r,
        RegistryRules.AGENCY_UNIQUE,
        "registry",
        "ACTIVE",
        "agency BKN is already registered (at position 8); choose another code");
  }

  @Test
  void agencyRegistered_secondRegistrar_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.registered",
            "registry",
            agencyBody("REG-2", "REGISTRAR", null, false));

    assertRejection(
        r,
        RegistryRules.AGENCY_KIND,
        "registry",
        "ACTIVE",
        "the ledger has one registrar, registered at genesis; choose another kind");
  }

  @Test
  void agencyRegistered_unitWithoutParent_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR, "agency.registered", "registry", agencyBody("DINAS-X", "UNIT", null, false));

    assertRejection(
        r,
        RegistryRules.AGENCY_KIND,
        "registry",
        "ACTIVE",
        "a UNIT belongs to an agency; give its parent");
  }

  @Test
  void agencyRegistered_unitAsPpk_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.registered",
            "registry",
            agencyBody("DINAS-X", "UNIT", "PEMKOT-METRO", true));

    assertRejection(
        r,
        RegistryRules.AGENCY_KIND,
        "registry",
        "ACTIVE",
        "the head of a UNIT is not a PPK; register it with ppk=false");
  }

  @Test
  void agencyRegistered_unknownParent_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.registered",
            "registry",
            agencyBody("DINAS-X", "UNIT", "PEMKOT-NOWHERE", false));

    assertRejection(
        r,
        RegistryRules.AGENCY_PARENT,
        "registry",
        "ACTIVE",
        "the parent PEMKOT-NOWHERE is not registered; register it first");
  }

  @Test
  void agencyRegistered_dissolvedParent_rejected() {
    TestLedger t = TestLedger.standard();
    t.accept(
        REGISTRAR,
        "agency.dissolved",
        "registry",
        J.o("code", "KASN", "dissolvedOn", "2024-06-13", "basis", "UU 20/2023"));

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.registered",
            "registry",
            agencyBody("KASN-UNIT", "UNIT", "KASN", false));

    assertRejection(
        r,
        RegistryRules.AGENCY_PARENT,
        "registry",
        "ACTIVE",
        "the parent KASN was dissolved; choose the agency that succeeded it");
  }

  @Test
  void agencyDissolved_revokesItsKeysAtThatPosition() throws Exception {
    TestLedger t = TestLedger.standard();
    Position at = t.nextPosition();
    Ed25519PublicKey kasnKey = TestLedger.key("KASN#1");

    Outcome.Accepted a =
        t.accept(
            REGISTRAR,
            "agency.dissolved",
            "registry",
            J.o("code", "KASN", "dissolvedOn", "2024-06-13", "basis", "UU 20/2023"));

    assertThat(((AgencyDissolvedEvent) a.events().get(0)).revokedKeys())
        .containsExactly(KeyId.of(kasnKey));
    KeyEntry k = t.state().keys().get(KeyId.of(kasnKey)).orElseThrow();
    assertThat(k.revokedAt()).contains(at);
    assertThat(k.reason()).contains(RevocationReason.AGENCY_DISSOLVED);
    assertThat(t.state().keys().require(KeyId.of(kasnKey), KASN, at)).isEqualTo(kasnKey);
    assertThatThrownBy(
            () -> t.state().keys().require(KeyId.of(kasnKey), KASN, Position.of(at.value() + 1)))
        .isInstanceOf(KeyNotValidException.class);
  }

  @Test
  void agencyDissolved_dissolvedAgencyCannotSign() {
    TestLedger t = TestLedger.standard();
    t.accept(
        REGISTRAR,
        "agency.dissolved",
        "registry",
        J.o("code", "KASN", "dissolvedOn", "2024-06-13", "basis", "UU 20/2023"));

    Rejection r =
        t.reject(
            KASN,
            "key.added",
            "registry",
            J.o("agency", "KASN", "publicKey", TestLedger.key("KASN#2").base64()));

    assertThat(r.rule()).isEqualTo(CommonRules.ACTOR_ACTIVE);
    assertThat(r.message())
        .isEqualTo("agency KASN was dissolved at position 30 and can record nothing after it");
  }

  @Test
  void agencyDissolved_twice_rejected() {
    TestLedger t = TestLedger.standard();
    t.accept(
        REGISTRAR,
        "agency.dissolved",
        "registry",
        J.o("code", "KASN", "dissolvedOn", "2024-06-13", "basis", "UU 20/2023"));

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.dissolved",
            "registry",
            J.o("code", "KASN", "dissolvedOn", "2024-06-14", "basis", "UU 20/2023"));

    assertRejection(
        r,
        RegistryRules.AGENCY_ACTIVE,
        "registry",
        "ACTIVE",
        "agency KASN was already dissolved at position 30");
  }

  @Test
  void agencyDissolved_registrar_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.dissolved",
            "registry",
            J.o("code", "REGISTRAR", "dissolvedOn", "2024-06-14", "basis", "none"));

    assertRejection(
        r,
        RegistryRules.REGISTRAR_PERMANENT,
        "registry",
        "ACTIVE",
        "the registrar is the ledger's root of trust and cannot be dissolved");
  }

  @Test
  void agencyDissolved_unknownAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.dissolved",
            "registry",
            J.o("code", "NOPE", "dissolvedOn", "2024-06-14", "basis", "none"));

    assertRejection(
        r,
        RegistryRules.AGENCY_EXISTS,
        "registry",
        "ACTIVE",
        "agency NOPE is not registered; check the code");
  }

  @Test
  void agencyDissolved_futureDate_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "agency.dissolved",
            "registry",
            J.o("code", "KASN", "dissolvedOn", "2024-06-14", "basis", "UU 20/2023"),
            Instant.parse("2024-06-13T14:59:59Z"));

    assertRejection(
        r,
        CommonRules.DATE_NOT_FUTURE,
        "registry",
        "ACTIVE",
        "dissolvedOn is 2024-06-14, after the statement was issued (2024-06-13T14:59:59Z); a"
            + " record states what has happened");
  }

  @Test
  void dateNotFuture_sameDayInWit_accepted() {
    TestLedger t = TestLedger.standard();

    // 15:00 UTC is midnight in WIT (UTC+9): the 14th has begun in Papua.
    t.accept(
        REGISTRAR,
        "agency.dissolved",
        "registry",
        J.o("code", "KASN", "dissolvedOn", "2024-06-14", "basis", "UU 20/2023"),
        Instant.parse("2024-06-13T15:00:00Z"));
  }

  // --- keys ----------------------------------------------------------------------------------

  @Test
  void keyAdded_byTheAgencyItself_validFromTheNextPosition() throws Exception {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k2 = TestLedger.key("BKN#2");
    Position at = t.nextPosition();

    t.accept(BKN, "key.added", "registry", J.o("agency", "BKN", "publicKey", k2.base64()));

    assertThatThrownBy(() -> t.state().keys().require(KeyId.of(k2), BKN, at))
        .isInstanceOf(KeyNotValidException.class)
        .hasMessage(
            "entry "
                + at
                + ": key "
                + KeyId.of(k2)
                + " cannot sign for BKN: the key was registered at position "
                + at
                + " and signs only entries after it");
    assertThat(t.state().keys().require(KeyId.of(k2), BKN, Position.of(at.value() + 1)))
        .isEqualTo(k2);
  }

  @Test
  void keyAdded_byAnotherAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            BAWASLU,
            "key.added",
            "registry",
            J.o("agency", "BKN", "publicKey", TestLedger.key("BKN#2").base64()));

    assertRejection(
        r,
        RegistryRules.KEY_SIGNER,
        "registry",
        "ACTIVE",
        "key.added for BKN is signed by BKN itself or by the registrar, not by BAWASLU");
  }

  @Test
  void keyAdded_sameKeyTwice_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey bkn = TestLedger.key("BKN#1");

    Rejection r =
        t.reject(
            REGISTRAR,
            "key.added",
            "registry",
            J.o("agency", "BAWASLU", "publicKey", bkn.base64()));

    assertRejection(
        r,
        RegistryRules.KEY_UNIQUE,
        "registry",
        "ACTIVE",
        "key "
            + KeyId.of(bkn)
            + " is already registered to BKN (at position 9); generate a new key pair");
  }

  @Test
  void keyAdded_unknownAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "key.added",
            "registry",
            J.o("agency", "NOPE", "publicKey", TestLedger.key("n").base64()));

    assertRejection(
        r,
        RegistryRules.AGENCY_EXISTS,
        "registry",
        "ACTIVE",
        "agency NOPE is not registered; check the code");
  }

  @Test
  void keyAdded_dissolvedAgency_rejected() {
    TestLedger t = TestLedger.standard();
    t.accept(
        REGISTRAR,
        "agency.dissolved",
        "registry",
        J.o("code", "KASN", "dissolvedOn", "2024-06-13", "basis", "UU 20/2023"));

    Rejection r =
        t.reject(
            REGISTRAR,
            "key.added",
            "registry",
            J.o("agency", "KASN", "publicKey", TestLedger.key("KASN#2").base64()));

    assertRejection(
        r,
        RegistryRules.AGENCY_ACTIVE,
        "registry",
        "ACTIVE",
        "agency KASN was dissolved and receives no new keys");
  }

  @Test
  void keyRevoked_compromised_signsNothingAfter() throws Exception {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k1 = TestLedger.key("BKN#1");
    Position at = t.nextPosition();

    t.accept(
        REGISTRAR,
        "key.revoked",
        "registry",
        J.o("agency", "BKN", "key", KeyId.of(k1).hex(), "reason", "COMPROMISED"));

    assertThat(t.state().keys().require(KeyId.of(k1), BKN, at)).isEqualTo(k1);
    Position after = Position.of(at.value() + 1);
    assertThatThrownBy(() -> t.state().keys().require(KeyId.of(k1), BKN, after))
        .isInstanceOf(KeyNotValidException.class)
        .hasMessage(
            "entry "
                + after
                + ": key "
                + KeyId.of(k1)
                + " cannot sign for BKN: the key was revoked (COMPROMISED) at position "
                + at
                + " and signs nothing after it")
        .extracting(e -> ((KeyNotValidException) e).reason())
        .isEqualTo(KeyNotValidException.Reason.REVOKED);
  }

  @Test
  void keyRevoked_byItsOwnAgencyWithThatKey_accepted() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k1 = TestLedger.key("BKN#1");

    t.accept(
        BKN,
        "key.revoked",
        "registry",
        J.o("agency", "BKN", "key", KeyId.of(k1).hex(), "reason", "RETIRED"));

    assertThat(t.state().keys().get(KeyId.of(k1)).orElseThrow().reason())
        .contains(RevocationReason.RETIRED);
  }

  @Test
  void keyRevoked_byAnotherAgency_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k1 = TestLedger.key("BKN#1");

    Rejection r =
        t.reject(
            BAWASLU,
            "key.revoked",
            "registry",
            J.o("agency", "BKN", "key", KeyId.of(k1).hex(), "reason", "RETIRED"));

    assertRejection(
        r,
        RegistryRules.KEY_SIGNER,
        "registry",
        "ACTIVE",
        "key.revoked for BKN is signed by BKN itself or by the registrar, not by BAWASLU");
  }

  @Test
  void keyRevoked_anotherAgencysKey_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey bkn = TestLedger.key("BKN#1");

    Rejection r =
        t.reject(
            BAWASLU,
            "key.revoked",
            "registry",
            J.o("agency", "BAWASLU", "key", KeyId.of(bkn).hex(), "reason", "RETIRED"));

    assertRejection(
        r,
        RegistryRules.KEY_OWNER,
        "registry",
        "ACTIVE",
        "key " + KeyId.of(bkn) + " belongs to BKN, not BAWASLU");
  }

  @Test
  void keyRevoked_unknownKey_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k = TestLedger.key("never");

    Rejection r =
        t.reject(
            BKN,
            "key.revoked",
            "registry",
            J.o("agency", "BKN", "key", KeyId.of(k).hex(), "reason", "RETIRED"));

    assertRejection(
        r,
        RegistryRules.KEY_OWNER,
        "registry",
        "ACTIVE",
        "no key " + KeyId.of(k) + " is registered");
  }

  @Test
  void keyRevoked_twice_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey k1 = TestLedger.key("BKN#1");
    t.accept(
        REGISTRAR,
        "key.revoked",
        "registry",
        J.o("agency", "BKN", "key", KeyId.of(k1).hex(), "reason", "RETIRED"));

    Rejection r =
        t.reject(
            REGISTRAR,
            "key.revoked",
            "registry",
            J.o("agency", "BKN", "key", KeyId.of(k1).hex(), "reason", "COMPROMISED"));

    assertRejection(
        r,
        RegistryRules.KEY_REVOKE_ONCE,
        "registry",
        "ACTIVE",
        "key " + KeyId.of(k1) + " was already revoked (RETIRED) at position 30");
  }

  @Test
  void keyRevoked_registrarsLastKey_rejected() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey r1 = TestLedger.key("REGISTRAR#1");

    Rejection r =
        t.reject(
            REGISTRAR,
            "key.revoked",
            "registry",
            J.o("agency", "REGISTRAR", "key", KeyId.of(r1).hex(), "reason", "RETIRED"));

    assertRejection(
        r,
        RegistryRules.REGISTRAR_KEEPS_A_KEY,
        "registry",
        "ACTIVE",
        "key "
            + KeyId.of(r1)
            + " is the registrar's last valid key; add a new registrar key first");
  }

  @Test
  void keyRevoked_registrarRotates_accepted() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey r1 = TestLedger.key("REGISTRAR#1");
    Ed25519PublicKey r2 = TestLedger.key("REGISTRAR#2");
    t.accept(
        REGISTRAR, "key.added", "registry", J.o("agency", "REGISTRAR", "publicKey", r2.base64()));
    t.useKey(REGISTRAR, KeyId.of(r2));

    t.accept(
        REGISTRAR,
        "key.revoked",
        "registry",
        J.o("agency", "REGISTRAR", "key", KeyId.of(r1).hex(), "reason", "RETIRED"));

    assertThat(t.state().keys().validKeysOf(REGISTRAR, t.nextPosition()))
        .extracting(KeyEntry::id)
        .containsExactly(KeyId.of(r2));
  }

  @Test
  void require_unknownAndOtherAgencysKeys_namedReasons() {
    TestLedger t = TestLedger.standard();
    Ed25519PublicKey bkn = TestLedger.key("BKN#1");
    Ed25519PublicKey never = TestLedger.key("never");

    assertThatThrownBy(() -> t.state().keys().require(KeyId.of(never), BKN, Position.of(40)))
        .hasMessage(
            "entry 40: key " + KeyId.of(never) + " cannot sign for BKN: no such key is registered");
    assertThatThrownBy(() -> t.state().keys().require(KeyId.of(bkn), BAWASLU, Position.of(40)))
        .hasMessage(
            "entry 40: key " + KeyId.of(bkn) + " cannot sign for BAWASLU: the key belongs to BKN");
  }

  // --- catalogue adoption --------------------------------------------------------------------

  @Test
  void catalogueAdopted_inForceFromTheNextPosition() {
    TestLedger t = TestLedger.genesisOnly();
    Position at = t.nextPosition();

    t.accept(
        REGISTRAR, "catalogue.adopted", "registry", J.o("catalogue", Catalogues.bundledJson(1)));

    assertThat(t.state().registry().catalogueAt(at)).isEmpty();
    assertThat(
            t.state().registry().catalogueAt(Position.of(at.value() + 1)).orElseThrow().version())
        .isEqualTo(1);
  }

  @Test
  void catalogueAdopted_byAnAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(BKN, "catalogue.adopted", "registry", J.o("catalogue", Catalogues.bundledJson(1)));

    assertRejection(
        r,
        RegistryRules.REGISTRAR_ONLY,
        "registry",
        "ACTIVE",
        "catalogue.adopted is signed by the registrar, not by BKN (BKN)");
  }

  @Test
  void catalogueAdopted_sameVersionAgain_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            REGISTRAR,
            "catalogue.adopted",
            "registry",
            J.o("catalogue", Catalogues.bundledJson(1)));

    assertRejection(
        r,
        RegistryRules.CATALOGUE_NEXT_VERSION,
        "registry",
        "ACTIVE",
        "version 1 is in force (adopted at position 1); the next adoption must be version 2, not"
            + " 1");
  }

  @Test
  void catalogueAdopted_otherIdentity_rejected() {
    TestLedger t = TestLedger.standard();
    ObjectNode other = (ObjectNode) Catalogues.bundledJson(1).deepCopy();
    other.put("catalogue", "someone.else");
    other.put("version", 2);

    Rejection r = t.reject(REGISTRAR, "catalogue.adopted", "registry", J.o("catalogue", other));

    assertRejection(
        r,
        RegistryRules.CATALOGUE_NEXT_VERSION,
        "registry",
        "ACTIVE",
        "the ledger follows catalogue saksi.neutrality; this body carries someone.else");
  }

  @Test
  void agencies_listsEveryRegistration() {
    TestLedger t = TestLedger.standard();

    assertThat(t.state().registry().agencies()).hasSize(15);
    assertThat(t.state().registry().isSelfOrUnitOf(TestLedger.METRO_DISDIK, METRO)).isTrue();
    assertThat(t.state().registry().isSelfOrUnitOf(METRO, TestLedger.METRO_DISDIK)).isFalse();
    assertThat(List.of(t.state().registry().toString()))
        .containsExactly("RegistryState[registrar=REGISTRAR, agencies=15, keys=15, catalogues=1]");
  }
}
