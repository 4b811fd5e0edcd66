package id.saksi.core.domain.ledger;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseState;
import id.saksi.core.domain.instrument.InstrumentState;
import id.saksi.core.domain.pact.PactState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link StateStore} bounded on the heap: the most recently used states in memory, every other
 * one in an append-only temporary file, found through a compact index.
 *
 * <p>The file is a sequence of records, each {@code [int n][short s][subject text, s bytes UTF-8]
 * [byte kind][int j][the state's JSON, j bytes before compression, deflated]}, {@code n} counting
 * the bytes after itself. The JSON is the one {@link DomainJacksonModule} gives, under which every
 * state round-trips to an equal one, so a state read back decides exactly as the one stored. A
 * record is never rewritten: a state spilled again is appended and the index moved to it.
 *
 * <p>The index is an open-addressing table of two parallel {@code long} arrays, a 64-bit hash of
 * the subject's text and the offset of its newest record (16 bytes a slot, at most 60% full, so
 * about 27 bytes a spilled subject). A hash match is confirmed against the subject written in the
 * record, so two subjects with the same hash are still told apart. A state read back stays in
 * memory as clean, and is written again only if a later record changes it.
 */
final class SpillingStateStore implements StateStore {
  private static final int BUFFER = 1 << 20;
  private static final int FIRST_CAPACITY = 1 << 10;

  private final Path dir;
  private final int inMemory;
  private final ToLongFunction<String> hash;
  private final LinkedHashMap<Subject, Slot> cache = new LinkedHashMap<>(256, 0.75f, true);

  /** Thread-safe once built; shared, since building its (de)serializers is the costly part. */
  private static final JsonMapper JSON =
      JsonMapper.builder().addModule(new DomainJacksonModule()).build();

  // Created with the file: a store that never spills (a small ledger) costs next to nothing.
  private Deflater deflater;
  private Inflater inflater;

  private long[] hashes = new long[1];
  private long[] offsets = new long[1];
  private int indexed;
  private long subjects;

  private Path path;
  private FileChannel file;
  private ByteBuffer out;
  private long flushed;
  private byte[] scratch = new byte[0];
  private long spills;
  private long reads;
  private boolean closed;

  /** A state in memory: dirty if the file does not hold it; where its newest record is, or -1. */
  private static final class Slot {
    Object state;
    boolean dirty;
    long spilledAt;

    Slot(Object state, boolean dirty, long spilledAt) {
      this.state = state;
      this.dirty = dirty;
      this.spilledAt = spilledAt;
    }
  }

  SpillingStateStore(Path dir, int inMemory) throws IOException {
    this(dir, inMemory, SpillingStateStore::fnv1a);
  }

  /** With another hash of the subject's text: for tests that make subjects collide. */
  SpillingStateStore(Path dir, int inMemory, ToLongFunction<String> hash) throws IOException {
    this.dir = Objects.requireNonNull(dir, "dir");
    if (inMemory < 1) {
      throw new IllegalArgumentException("inMemory must be 1 or more, got " + inMemory);
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    this.inMemory = inMemory;
    this.hash = Objects.requireNonNull(hash, "hash");
  }

  @Override
  public Object get(Subject subject) {
    Slot slot = cache.get(subject);
    if (slot != null) {
      return slot.state;
    }
    long h = hashOf(subject);
    for (int i = home(h); hashes[i] != 0; i = next(i)) {
      if (hashes[i] == h) {
        byte[] record = read(offsets[i]);
        if (subjectOf(record).equals(subject.text())) {
          Object state = decode(record);
          keep(subject, new Slot(state, false, offsets[i]));
          return state;
        }
      }
    }
    return null;
  }

  @Override
  public void put(Subject subject, Object state) {
    Objects.requireNonNull(subject, "subject");
    kindOf(Objects.requireNonNull(state, "state"));
    Slot slot = cache.get(subject);
    if (slot != null) {
      slot.state = state;
      slot.dirty = true;
      return;
    }
    long at = find(subject);
    if (at < 0) {
      subjects++;
    }
    keep(subject, new Slot(state, true, at));
  }

  @Override
  public long size() {
    return subjects;
  }

  @Override
  public void forEach(BiConsumer<Subject, Object> action) {
    cache.forEach((s, slot) -> action.accept(s, slot.state));
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        byte[] record = read(offsets[i]);
        Subject s = parseSubject(subjectOf(record));
        if (!cache.containsKey(s)) {
          action.accept(s, decode(record));
        }
      }
    }
  }

  /** Bytes written to the file so far (the disk it takes). */
  long fileBytes() {
    return flushed + (out == null ? 0 : out.position());
  }

  /** States written to the file so far. */
  long spills() {
    return spills;
  }

  /** States read back from the file so far. */
  long reads() {
    return reads;
  }

  /** The file, once the first state is spilled. */
  Path path() {
    return path;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (deflater != null) {
      deflater.end();
      inflater.end();
    }
    cache.clear();
    if (file != null) {
      try {
        file.close();
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw failed(e);
      }
    }
  }

  /** Puts {@code slot} in memory, then spills the least recently used states over the bound. */
  private void keep(Subject subject, Slot slot) {
    cache.put(subject, slot);
    if (cache.size() > inMemory) {
      Iterator<Map.Entry<Subject, Slot>> it = cache.entrySet().iterator();
      while (cache.size() > inMemory) {
        Map.Entry<Subject, Slot> eldest = it.next();
        it.remove();
        if (eldest.getValue().dirty) {
          spill(eldest.getKey(), eldest.getValue());
        }
      }
    }
  }

  /** The offset of the newest record of {@code subject}, or -1 if it has none. */
  private long find(Subject subject) {
    long h = hashOf(subject);
    for (int i = home(h); hashes[i] != 0; i = next(i)) {
      if (hashes[i] == h && subjectOf(read(offsets[i])).equals(subject.text())) {
        return offsets[i];
      }
    }
    return -1;
  }

  private void spill(Subject subject, Slot slot) {
    long at = append(subject, slot.state);
    spills++;
    long h = hashOf(subject);
    if (slot.spilledAt >= 0) {
      for (int i = home(h); hashes[i] != 0; i = next(i)) {
        if (hashes[i] == h && offsets[i] == slot.spilledAt) {
          offsets[i] = at;
          return;
        }
      }
      throw new IllegalStateException("the index lost " + subject);
    }
    if (hashes.length == 1) {
      hashes = new long[FIRST_CAPACITY];
      offsets = new long[FIRST_CAPACITY];
    } else if ((indexed + 1) * 10L > hashes.length * 6L) {
      grow();
    }
    insert(h, at);
    indexed++;
  }

  private void insert(long h, long at) {
    int i = home(h);
    while (hashes[i] != 0) {
      i = next(i);
    }
    hashes[i] = h;
    offsets[i] = at;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldOffsets = offsets;
    hashes = new long[oldHashes.length * 2];
    offsets = new long[oldHashes.length * 2];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        insert(oldHashes[i], oldOffsets[i]);
      }
    }
  }

  private int home(long h) {
    return (int) (h ^ (h >>> 32)) & (hashes.length - 1);
  }

  private int next(int i) {
    return (i + 1) & (hashes.length - 1);
  }

  private long hashOf(Subject subject) {
    long h = hash.applyAsLong(subject.text());
    return h == 0 ? 1 : h; // 0 marks an empty slot
  }

  /** FNV-1a over the UTF-16 units, then MurmurHash3's finalizer to spread the bits. */
  private static long fnv1a(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Writes one record; returns its offset. */
  private long append(Subject subject, Object state) {
    byte kind = kindOf(state);
    byte[] subjectBytes = subject.text().getBytes(StandardCharsets.UTF_8);
    byte[] raw;
    try {
      raw = JSON.writeValueAsBytes(state);
    } catch (JacksonException e) {
      throw new IllegalStateException("the state of " + subject + " does not serialize", e);
    }
    try {
      open();
    } catch (IOException e) {
      throw failed(e);
    }
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    int packed = 0;
    while (!deflater.finished()) {
      if (packed == scratch.length) {
        scratch = Arrays.copyOf(scratch, scratch.length * 2);
      }
      packed += deflater.deflate(scratch, packed, scratch.length - packed);
    }
    int n = 2 + subjectBytes.length + 1 + 4 + packed;
    try {
      if (out.remaining() < 4 + n) {
        flush();
      }
      long at = flushed + out.position();
      if (out.remaining() < 4 + n) {
        ByteBuffer big = ByteBuffer.allocate(4 + n);
        put(big, n, subjectBytes, kind, raw.length, packed);
        big.flip();
        writeFully(big, flushed);
        flushed += 4 + n;
      } else {
        put(out, n, subjectBytes, kind, raw.length, packed);
      }
      return at;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void put(ByteBuffer b, int n, byte[] subjectBytes, byte kind, int rawLength, int packed) {
    b.putInt(n);
    b.putShort((short) subjectBytes.length);
    b.put(subjectBytes);
    b.put(kind);
    b.putInt(rawLength);
    b.put(scratch, 0, packed);
  }

  private void open() throws IOException {
    if (file != null) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    path = Files.createTempFile(dir, "saksi-states-", ".bin");
    deflater = new Deflater(Deflater.BEST_SPEED);
    inflater = new Inflater();
    scratch = new byte[4096];
    // Deletes the file when closed; on Linux and macOS it is unlinked at once, so its space is
    // freed when the process ends, however it ends.
    file =
        FileChannel.open(
            path,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
    out = ByteBuffer.allocate(BUFFER);
  }

  private void flush() throws IOException {
    out.flip();
    int n = out.remaining();
    writeFully(out, flushed);
    flushed += n;
    out.clear();
  }

  private void writeFully(ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      pos += file.write(b, pos);
    }
  }

  /** The record at {@code at}, without its length. */
  private byte[] read(long at) {
    reads++;
    try {
      if (at >= flushed) {
        int from = (int) (at - flushed);
        int n = out.getInt(from);
        return Arrays.copyOfRange(out.array(), from + 4, from + 4 + n);
      }
      ByteBuffer length = ByteBuffer.allocate(4);
      readFully(length, at);
      byte[] record = new byte[length.getInt(0)];
      readFully(ByteBuffer.wrap(record), at + 4);
      return record;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void readFully(ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int n = file.read(b, pos);
      if (n < 0) {
        throw new IOException("ends before the record at " + at);
      }
      pos += n;
    }
  }

  private static String subjectOf(byte[] record) {
    int s = ((record[0] & 0xff) << 8) | (record[1] & 0xff);
    return new String(record, 2, s, StandardCharsets.UTF_8);
  }

  private Object decode(byte[] record) {
    ByteBuffer b = ByteBuffer.wrap(record);
    int s = b.getShort() & 0xffff;
    b.position(2 + s);
    byte kind = b.get();
    byte[] raw = new byte[b.getInt()];
    inflater.reset();
    inflater.setInput(record, b.position(), b.remaining());
    try {
      int n = 0;
      while (n < raw.length && !inflater.finished()) {
        int got = inflater.inflate(raw, n, raw.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != raw.length) {
        throw new DataFormatException("inflated to " + n + " bytes, not " + raw.length);
      }
      return JSON.readValue(raw, classOf(kind));
    } catch (DataFormatException | JacksonException e) {
      throw failed(new IOException("a record is damaged: " + e.getMessage(), e));
    }
  }

  private static byte kindOf(Object state) {
    if (state instanceof CaseState) {
      return 'C';
    } else if (state instanceof InstrumentState) {
      return 'I';
    } else if (state instanceof PactState) {
      return 'P';
    }
    throw new IllegalArgumentException(
        "not the state of an instrument, pact or case: " + state.getClass().getName());
  }

  private static Class<?> classOf(byte kind) throws DataFormatException {
    switch (kind) {
      case 'C':
        return CaseState.class;
      case 'I':
        return InstrumentState.class;
      case 'P':
        return PactState.class;
      default:
        throw new DataFormatException("unknown kind of state " + kind);
    }
  }

  private static Subject parseSubject(String text) {
    try {
      return Subject.parse(text);
    } catch (RecordParseException e) {
      throw new IllegalStateException("the file holds a subject that does not parse: " + text, e);
    }
  }

  private UncheckedIOException failed(IOException e) {
    return new UncheckedIOException(
        "the temporary file of replayed states " + path + ": " + e.getMessage(), e);
  }
}
