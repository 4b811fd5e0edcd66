package id.saksi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads over an interval, by thread name (Linux, /proc/self/task), so
 * that a run can say which thread spent it: the verifier's workers, its reader, the sequential
 * stage on the main thread, the garbage collector or the JIT compilers. Threads are sampled every
 * second (more often, the sampling itself shows in the process's CPU time), so a thread that ends
 * between samples loses at most its last second.
 */
final class ThreadCpu {
  private static final long PERIOD_MS = 1000;

  /** Per thread id: its name and the CPU ticks first and last seen. */
  private final Map<String, long[]> ticks = new HashMap<>();

  private final Map<String, String> names = new HashMap<>();
  private final Thread sampler;
  private volatile boolean stop;

  private ThreadCpu() {
    sample();
    for (long[] t : ticks.values()) {
      t[0] = t[1];
    }
    sampler =
        new Thread(
            () -> {
              while (!stop) {
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
                sample();
              }
            },
            "thread-cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  static ThreadCpu start() {
    return new ThreadCpu();
  }

  /** Stops sampling and describes the CPU time spent since the start, per entry, by thread name. */
  String stop(long entries) throws InterruptedException {
    stop = true;
    sampler.join();
    sample();
    Map<String, Double> byName = new TreeMap<>();
    double total = 0;
    for (Map.Entry<String, long[]> e : ticks.entrySet()) {
      double seconds = (e.getValue()[1] - e.getValue()[0]) / 100.0;
      // Numbered threads of one kind ("GC Thread#1", "C2 CompilerThread0") count together.
      String name = names.get(e.getKey()).replaceAll("[#]?[0-9]+$", "");
      byName.merge(name, seconds, Double::sum);
      total += seconds;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "CPU time by thread (%.1f s in all):%n", total));
    for (Map.Entry<String, Double> e : byName.entrySet()) {
      if (e.getValue() >= 0.05) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-20s %7.1f s  %6.1f us per entry%n",
                e.getKey(),
                e.getValue(),
                e.getValue() * 1e6 / entries));
      }
    }
    return sb.toString();
  }

  private synchronized void sample() {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          task -> {
            try {
              String stat = Files.readString(task.resolve("stat"));
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
              String tid = task.getFileName().toString();
              long[] seen = ticks.computeIfAbsent(tid, k -> new long[] {0, 0});
              seen[1] = t;
              names.put(tid, name);
            } catch (IOException | RuntimeException e) {
              // The thread ended while being read.
            }
          });
    } catch (IOException e) {
      // Not Linux: nothing to report.
    }
  }
}
