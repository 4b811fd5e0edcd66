package id.saksi.api.load;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.Submissions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The soak run of issue 6 ({@code HttpLoadGenerator only=soak}): appends at a steady rate (half the
 * measured capacity by default) and reads at another (checkpoint, a page of entries, an inclusion
 * proof, a page of cases, in turn) for a long time, and prints, minute by minute, what was done,
 * every error, the latencies and the heap in use after a full collection, so that an error, a
 * slowdown or a growing heap shows. Statements are signed as they are sent, so the load generator
 * holds nothing that grows with the run's length.
 */
final class SoakLoad {
  /** A request at least this late is listed with the 5-second slot it finished in. */
  private static final long SLOW_NANOS = 50_000_000L;

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final HttpClient http;
  private final Supplier<String> probe;
  private final ConcurrentLinkedQueue<Long> slowAt = new ConcurrentLinkedQueue<>();
  private final String base;
  private final AtomicInteger serial = new AtomicInteger();
  private final AtomicLong lastIndex = new AtomicLong();
  private final AtomicLong appendErrors = new AtomicLong();
  private final AtomicLong readErrors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private ConcurrentLinkedQueue<Long> appendLatencies = new ConcurrentLinkedQueue<>();
  private ConcurrentLinkedQueue<Long> readLatencies = new ConcurrentLinkedQueue<>();

  /**
   * A soak against the service on {@code port}; {@code probe} describes the database each minute
   * (table sizes, checkpoints, autovacuum runs) for correlation with the latencies.
   */
  SoakLoad(int port, Supplier<String> probe) {
    this.probe = probe;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .build();
    this.base = "http://localhost:" + port;
  }

  void run(int appendsPerSecond, int readsPerSecond, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(64);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long start = System.nanoTime();
    long appendInterval = 1_000_000_000L / appendsPerSecond;
    long readInterval = readsPerSecond > 0 ? 1_000_000_000L / readsPerSecond : Long.MAX_VALUE;
    long nextAppend = start;
    long nextRead = start;
    long nextReport = start + 60_000_000_000L;
    long end = start + seconds * 1_000_000_000L;
    long appends = 0;
    long reads = 0;
    List<Double> heaps = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "soak: %d appends/s and %d reads/s for %d s; per minute: appends, reads, errors, latency"
            + " ms (from the due time), heap MiB in use after a full GC%n",
        appendsPerSecond,
        readsPerSecond,
        seconds);
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        break;
      }
      if (now >= nextReport) {
        heaps.add(report((now - start) / 60_000_000_000L, appends, reads, memory));
        nextReport += 60_000_000_000L;
        continue;
      }
      if (now >= nextAppend) {
        long due = nextAppend;
        pool.execute(() -> append(due));
        appends++;
        nextAppend += appendInterval;
        continue;
      }
      if (now >= nextRead) {
        long due = nextRead;
        long kind = reads;
        pool.execute(() -> read(due, kind));
        reads++;
        nextRead += readInterval;
        continue;
      }
      long wait = Math.min(Math.min(nextAppend, nextRead), nextReport) - now;
      if (wait > 50_000) {
        TimeUnit.NANOSECONDS.sleep(wait - 20_000);
      }
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    heaps.add(report(seconds / 60.0, appends, reads, memory));
    System.out.printf(
        Locale.ROOT,
        "soak done: %d appends, %d reads, %d append errors, %d read errors; heap after GC %.0f"
            + " MiB at the first minute, %.0f MiB at the end%n",
        appends,
        reads,
        appendErrors.get(),
        readErrors.get(),
        heaps.get(0),
        heaps.get(heaps.size() - 1));
    for (String e : errorSamples) {
      System.out.println("  error: " + e);
    }
  }

  /**
   * What the database did since the last call: the sizes of the growing tables with their indexes,
   * PostgreSQL's checkpoints (timed or requested by WAL volume), and the autovacuum and autoanalyze
   * runs of the tables the soak writes.
   */
  static Supplier<String> probe(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long[] wal = new long[3];
    return () -> {
      StringBuilder sb = new StringBuilder();
      try {
        // WAL written since the last call, and how much of it was full-page images: a page's
        // first change after a checkpoint begins writes the whole page, which is what the
        // random-key indexes of a growing ledger turn into a burst of WAL.
        jdbc.query(
            "SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal",
            r -> {
              long records = r.getLong(1);
              long fpi = r.getLong(2);
              long bytes = r.getLong(3);
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "WAL %.1f MiB, %d records, %d full-page images; ",
                      (bytes - wal[2]) / (1024.0 * 1024.0),
                      records - wal[0],
                      fpi - wal[1]));
              wal[0] = records;
              wal[1] = fpi;
              wal[2] = bytes;
            });
        jdbc.query(
            "SELECT relname, pg_total_relation_size(relid), n_live_tup, n_dead_tup,"
                + " autovacuum_count, autoanalyze_count FROM pg_stat_user_tables"
                + " WHERE relname IN ('ledger_entry', 'merkle_node', 'domainevententry',"
                + " 'checkpoint', 'ledger_head', 'tokenentry') ORDER BY relname",
            r -> {
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "%s %.1f MiB live=%d dead=%d vacuums=%d analyzes=%d; ",
                      r.getString(1),
                      r.getLong(2) / (1024.0 * 1024.0),
                      r.getLong(3),
                      r.getLong(4),
                      r.getLong(5),
                      r.getLong(6)));
            });
        jdbc.query(
            "SELECT num_timed, num_requested, buffers_written FROM pg_stat_checkpointer",
            r -> {
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "checkpoints timed=%d requested=%d buffers=%d",
                      r.getLong(1),
                      r.getLong(2),
                      r.getLong(3)));
            });
      } catch (RuntimeException e) {
        sb.append("(probe failed: ").append(e.getMessage()).append(')');
      }
      return sb.toString();
    };
  }

  private double report(double minute, long appends, long reads, MemoryMXBean memory) {
    List<Long> a = drain(true);
    List<Long> r = drain(false);
    System.gc();
    double heap = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    System.out.printf(
        Locale.ROOT,
        "minute %4.1f (%s UTC): %7d appends (this minute p50=%.1f p99=%.1f max=%.1f), %7d reads"
            + " (p50=%.1f p99=%.1f max=%.1f), errors %d/%d, last index %d, heap %.0f MiB%n",
        minute,
        CLOCK.format(Instant.now()),
        appends,
        HttpLoadGenerator.percentile(toArray(a), 50),
        HttpLoadGenerator.percentile(toArray(a), 99),
        HttpLoadGenerator.percentile(toArray(a), 100),
        reads,
        HttpLoadGenerator.percentile(toArray(r), 50),
        HttpLoadGenerator.percentile(toArray(r), 99),
        HttpLoadGenerator.percentile(toArray(r), 100),
        appendErrors.get(),
        readErrors.get(),
        lastIndex.get(),
        heap);
    // When the slow requests finished, by 5-second slot: to be matched with the database's log
    // (checkpoints, autovacuum) and the JVM's (-Xlog:gc) by time.
    Map<Long, Integer> slots = new TreeMap<>();
    for (Long at; (at = slowAt.poll()) != null; ) {
      slots.merge(at / 5000 * 5000, 1, Integer::sum);
    }
    if (!slots.isEmpty()) {
      StringBuilder sb = new StringBuilder("  late by >= 50 ms, finished in the 5 s from:");
      slots.forEach(
          (slot, n) ->
              sb.append(' ')
                  .append(CLOCK.format(Instant.ofEpochMilli(slot)))
                  .append(" x")
                  .append(n));
      System.out.println(sb);
    }
    String db = probe.get();
    if (!db.isEmpty()) {
      System.out.println("  database: " + db);
    }
    return heap;
  }

  private synchronized List<Long> drain(boolean appends) {
    ConcurrentLinkedQueue<Long> q = appends ? appendLatencies : readLatencies;
    if (appends) {
      appendLatencies = new ConcurrentLinkedQueue<>();
    } else {
      readLatencies = new ConcurrentLinkedQueue<>();
    }
    return new ArrayList<>(q);
  }

  private static long[] toArray(List<Long> values) {
    if (values.isEmpty()) {
      return new long[] {0};
    }
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private void append(long due) {
    int n = serial.incrementAndGet();
    byte[] body =
        Submissions.sign(
                HttpLoadGenerator.AGENCIES.get(n % HttpLoadGenerator.AGENCIES.size()),
                "instrument.issued",
                Bodies.freshInstrument(),
                Bodies.circular("800/" + n + "/SOAK/2023"))
            .bytes();
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/statements"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      record(true, due);
      if (r.statusCode() != 201) {
        error(appendErrors, "append " + r.statusCode() + ": " + r.body());
        return;
      }
      String b = r.body();
      int at = b.indexOf("\"index\":");
      if (at >= 0) {
        int stop = at + 8;
        while (stop < b.length() && Character.isDigit(b.charAt(stop))) {
          stop++;
        }
        lastIndex.accumulateAndGet(Long.parseLong(b.substring(at + 8, stop)), Math::max);
      }
    } catch (Exception e) {
      error(appendErrors, "append " + e);
    }
  }

  private void read(long due, long kind) {
    long known = lastIndex.get();
    long i = known < 2 ? 0 : ThreadLocalRandom.current().nextLong(known / 2);
    String path;
    switch ((int) (kind % 4)) {
      case 0:
        path = "/checkpoint";
        break;
      case 1:
        path = "/entries?start=" + i + "&end=" + (i + 10);
        break;
      case 2:
        path = "/proof/inclusion?index=" + i;
        break;
      default:
        path = "/cases?page=0&size=20";
        break;
    }
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(60))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      record(false, due);
      if (r.statusCode() != 200) {
        error(readErrors, "GET " + path + " " + r.statusCode());
      }
    } catch (Exception e) {
      error(readErrors, "GET " + path + " " + e);
    }
  }

  private synchronized void record(boolean append, long due) {
    long late = System.nanoTime() - due;
    (append ? appendLatencies : readLatencies).add(late);
    if (late >= SLOW_NANOS) {
      slowAt.add(System.currentTimeMillis());
    }
  }

  private void error(AtomicLong counter, String what) {
    if (counter.incrementAndGet() <= 10) {
      errorSamples.add(what);
    }
  }
}
