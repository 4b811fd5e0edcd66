package id.saksi.api.axon;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon cache that keeps the most recently used entries, up to a fixed count. Unlike Axon's
 * WeakReferenceCache, an entry survives garbage collections, so a busy aggregate is not reloaded
 * from its events after every young collection; unlike an unbounded map, memory stays bounded.
 */
public final class LruAggregateCache implements Cache {
  private final int capacity;
  private final LinkedHashMap<Object, Object> entries;
  private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

  /** A cache holding at most {@code capacity} entries. */
  public LruAggregateCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  @Override
  @SuppressWarnings("TypeParameterUnusedInFormals") // Axon's Cache interface declares it so
  public <K, V> V get(K key) {
    Object value;
    synchronized (entries) {
      value = entries.get(key);
    }
    if (value != null) {
      listeners.forEach(l -> l.onEntryRead(key, value));
    }
    @SuppressWarnings("unchecked")
    V typed = (V) value;
    return typed;
  }

  @Override
  public void put(Object key, Object value) {
    requireValue(value);
    Object previous;
    List<Object> evicted;
    synchronized (entries) {
      previous = entries.put(key, value);
      evicted = evict();
    }
    if (previous == null) {
      listeners.forEach(l -> l.onEntryCreated(key, value));
    } else {
      listeners.forEach(l -> l.onEntryUpdated(key, value));
    }
    expired(evicted);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    requireValue(value);
    List<Object> evicted;
    synchronized (entries) {
      if (entries.putIfAbsent(key, value) != null) {
        return false;
      }
      evicted = evict();
    }
    listeners.forEach(l -> l.onEntryCreated(key, value));
    expired(evicted);
    return true;
  }

  @Override
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    T existing = get(key);
    if (existing != null) {
      return existing;
    }
    T created = valueSupplier.get();
    if (created == null) {
      throw new IllegalStateException("the value supplier returned null for key " + key);
    }
    if (putIfAbsent(key, created)) {
      return created;
    }
    T raced = get(key);
    return raced != null ? raced : created;
  }

  @Override
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    Object updated;
    boolean present;
    synchronized (entries) {
      present = entries.containsKey(key);
      @SuppressWarnings("unchecked")
      UnaryOperator<Object> untyped = (UnaryOperator<Object>) (UnaryOperator<?>) update;
      updated = entries.computeIfPresent(key, (k, v) -> untyped.apply(v));
    }
    if (!present) {
      return;
    }
    if (updated != null) {
      listeners.forEach(l -> l.onEntryUpdated(key, updated));
    } else {
      listeners.forEach(l -> l.onEntryRemoved(key));
    }
  }

  @Override
  public boolean remove(Object key) {
    boolean removed;
    synchronized (entries) {
      removed = entries.remove(key) != null;
    }
    if (removed) {
      listeners.forEach(l -> l.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    List<Object> keys;
    synchronized (entries) {
      keys = new ArrayList<>(entries.keySet());
      entries.clear();
    }
    keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
  }

  @Override
  public boolean containsKey(Object key) {
    synchronized (entries) {
      return entries.containsKey(key);
    }
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
    listeners.add(cacheEntryListener);
    return () -> listeners.remove(cacheEntryListener);
  }

  /** The number of entries held now. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  // Called holding the lock; returns the evicted keys so listeners run outside it.
  private List<Object> evict() {
    List<Object> evicted = new ArrayList<>(0);
    Iterator<Map.Entry<Object, Object>> eldest = entries.entrySet().iterator();
    while (entries.size() > capacity && eldest.hasNext()) {
      evicted.add(eldest.next().getKey());
      eldest.remove();
    }
    return evicted;
  }

  private void expired(List<Object> keys) {
    keys.forEach(key -> listeners.forEach(l -> l.onEntryExpired(key)));
  }

  private static void requireValue(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null values are not supported");
    }
  }
}
