package id.saksi.core.verify;

import id.saksi.core.export.ExportFormatException;
import id.saksi.core.export.LineReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Reads lines on one thread, processes them in batches on a pool of threads, and hands the results
 * back in line order: the verifier's reader / parallel / sequential pipeline.
 *
 * <p>Memory is bounded: a batch closes at {@link #BATCH_LINES} lines or {@link #BATCH_BYTES} bytes,
 * and at most {@code 2 * threads + 2} batches are read ahead of the consumer; the reader blocks
 * when the queue is full. A failure of the reader (an I/O error, a hostile member) reaches the
 * consumer in order, after every line read before it.
 */
final class Pipeline<T> implements AutoCloseable {
  static final int BATCH_LINES = 64;
  static final int BATCH_BYTES = 1 << 20;

  private static final Future<List<Object>> END = CompletableFuture.completedFuture(null);

  private final ExecutorService workers;
  private final BlockingQueue<Future<List<Object>>> queue;
  private final Thread reader;
  private List<Object> current = Collections.emptyList();
  private int position;
  private boolean ended;

  Pipeline(LineReader lines, int threads, Function<LineReader.Line, T> work) {
    ThreadFactory daemons =
        r -> {
          Thread t = new Thread(r, "verifier-worker");
          t.setDaemon(true);
          return t;
        };
    this.workers = Executors.newFixedThreadPool(threads, daemons);
    this.queue = new ArrayBlockingQueue<>(2 * threads + 2);
    this.reader = new Thread(() -> read(lines, work), "verifier-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(LineReader lines, Function<LineReader.Line, T> work) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<LineReader.Line> batch = new ArrayList<>(BATCH_LINES);
        long bytes = 0;
        LineReader.Line line = null;
        while (batch.size() < BATCH_LINES && bytes < BATCH_BYTES) {
          line = lines.next();
          if (line == null) {
            break;
          }
          batch.add(line);
          bytes += line.bytes().length;
        }
        if (!batch.isEmpty()) {
          queue.put(
              workers.submit(
                  () -> {
                    List<Object> out = new ArrayList<>(batch.size());
                    for (LineReader.Line l : batch) {
                      out.add(work.apply(l));
                    }
                    return out;
                  }));
        }
        if (line == null) {
          queue.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      // Closed by the consumer: nobody is waiting for more.
    } catch (IOException | ExportFormatException | RuntimeException e) {
      try {
        queue.put(CompletableFuture.failedFuture(e));
      } catch (InterruptedException ignored) {
        // Closed by the consumer.
      }
    }
  }

  /**
   * The next result in line order, or {@code null} after the last.
   *
   * @throws IOException if reading failed
   * @throws ExportFormatException if the member is hostile or malformed
   */
  @SuppressWarnings("unchecked")
  T next() throws IOException, ExportFormatException, InterruptedException {
    while (position == current.size()) {
      if (ended) {
        return null;
      }
      Future<List<Object>> f = queue.take();
      if (f == END) {
        ended = true;
        return null;
      }
      try {
        current = f.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
          throw (IOException) cause;
        }
        if (cause instanceof ExportFormatException) {
          throw (ExportFormatException) cause;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException(cause);
      }
      position = 0;
    }
    // Drop the reference as it is handed over, so that a consumed batch can be collected.
    return (T) current.set(position++, null);
  }

  /** Stops the reader and the workers; results not taken are dropped. */
  @Override
  public void close() {
    reader.interrupt();
    workers.shutdownNow();
    queue.clear();
  }
}
