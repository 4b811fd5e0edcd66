package id.saksi.core.domain.registry;

import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RegistryView;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registrar's aggregate: the registrar, every agency, every key with its validity interval, and
 * the catalogue versions adopted with their positions. Immutable.
 *
 * <p>Its size grows with the number of agencies, keys and catalogue versions, never with the number
 * of cases.
 */
public final class RegistryState implements RegistryView {
  /** Before genesis. */
  public static final RegistryState EMPTY =
      new RegistryState(Optional.empty(), Map.of(), KeyRegistry.EMPTY, List.of());

  /** A catalogue version and where it was adopted. */
  public record Adoption(Position at, Catalogue catalogue) {}

  private final Optional<AgencyCode> registrar;
  private final Map<AgencyCode, AgencyInfo> agencies;
  private final KeyRegistry keys;
  private final List<Adoption> adoptions;

  private RegistryState(
      Optional<AgencyCode> registrar,
      Map<AgencyCode, AgencyInfo> agencies,
      KeyRegistry keys,
      List<Adoption> adoptions) {
    this.registrar = registrar;
    this.agencies = agencies;
    this.keys = keys;
    this.adoptions = adoptions;
  }

  /** Whether genesis has happened. */
  public boolean isEmpty() {
    return registrar.isEmpty();
  }

  /** The registrar's code, once genesis has happened. */
  public Optional<AgencyCode> registrar() {
    return registrar;
  }

  @Override
  public Optional<AgencyInfo> agency(AgencyCode code) {
    return Optional.ofNullable(agencies.get(code));
  }

  /** Every agency, by code. */
  public Map<AgencyCode, AgencyInfo> agencies() {
    return Collections.unmodifiableMap(agencies);
  }

  /** The keys. */
  public KeyRegistry keys() {
    return keys;
  }

  /** Every adopted catalogue version, in ledger order. */
  public List<Adoption> adoptions() {
    return adoptions;
  }

  /** The newest adopted catalogue, which is in force for every later position. */
  public Optional<Catalogue> catalogue() {
    return adoptions.isEmpty()
        ? Optional.empty()
        : Optional.of(adoptions.get(adoptions.size() - 1).catalogue());
  }

  /** The catalogue in force at {@code position}: the newest adopted before it. */
  public Optional<Catalogue> catalogueAt(Position position) {
    for (int i = adoptions.size() - 1; i >= 0; i--) {
      if (adoptions.get(i).at().isBefore(position)) {
        return Optional.of(adoptions.get(i).catalogue());
      }
    }
    return Optional.empty();
  }

  RegistryState withRegistrar(AgencyCode code) {
    return new RegistryState(Optional.of(code), agencies, keys, adoptions);
  }

  RegistryState withAgency(AgencyInfo info) {
    Map<AgencyCode, AgencyInfo> copy = new HashMap<>(agencies);
    copy.put(info.code(), info);
    return new RegistryState(registrar, Collections.unmodifiableMap(copy), keys, adoptions);
  }

  RegistryState withKey(KeyEntry key) {
    return new RegistryState(registrar, agencies, keys.with(key), adoptions);
  }

  RegistryState withAdoption(Adoption adoption) {
    List<Adoption> copy = new ArrayList<>(adoptions);
    copy.add(adoption);
    return new RegistryState(registrar, agencies, keys, List.copyOf(copy));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RegistryState)) {
      return false;
    }
    RegistryState other = (RegistryState) o;
    return registrar.equals(other.registrar)
        && agencies.equals(other.agencies)
        && keys.equals(other.keys)
        && adoptions.equals(other.adoptions);
  }

  @Override
  public int hashCode() {
    return agencies.hashCode() * 31 + keys.hashCode();
  }

  @Override
  public String toString() {
    return "RegistryState[registrar="
        + registrar.map(AgencyCode::value).orElse("none")
        + ", agencies="
        + agencies.size()
        + ", keys="
        + keys.all().size()
        + ", catalogues="
        + adoptions.size()
        + "]";
  }
}
