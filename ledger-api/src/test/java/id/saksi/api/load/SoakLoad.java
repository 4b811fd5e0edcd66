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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak run of issue 6 ({@code HttpLoadGenerator only=soak}): appends at a steady rate (half the
 * measured capacity by default) and reads at another (checkpoint, a page of entries, an inclusion
 * proof, a page of cases, in turn) for a long time, and prints, minute by minute, what was done,
 * every error, the latencies and the heap in use after a full collection, so that an error, a
 * slowdown or a growing heap shows. Statements are signed as they are sent, so the load generator
 * holds nothing that grows with the run's length.
 */
final class SoakLoad {
  private final HttpClient http;
  private final String base;
  private final AtomicInteger serial = new AtomicInteger();
  private final AtomicLong lastIndex = new AtomicLong();
  private final AtomicLong appendErrors = new AtomicLong();
  private final AtomicLong readErrors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private ConcurrentLinkedQueue<Long> appendLatencies = new ConcurrentLinkedQueue<>();
  private ConcurrentLinkedQueue<Long> readLatencies = new ConcurrentLinkedQueue<>();

  SoakLoad(int port) {
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

  private double report(double minute, long appends, long reads, MemoryMXBean memory) {
    List<Long> a = drain(true);
    List<Long> r = drain(false);
    System.gc();
    double heap = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    System.out.printf(
        Locale.ROOT,
        "minute %4.1f: %7d appends (this minute p50=%.1f p99=%.1f max=%.1f), %7d reads"
            + " (p50=%.1f p99=%.1f max=%.1f), errors %d/%d, last index %d, heap %.0f MiB%n",
        minute,
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
    (append ? appendLatencies : readLatencies).add(System.nanoTime() - due);
  }

  private void error(AtomicLong counter, String what) {
    if (counter.incrementAndGet() <= 10) {
      errorSamples.add(what);
    }
  }
}
