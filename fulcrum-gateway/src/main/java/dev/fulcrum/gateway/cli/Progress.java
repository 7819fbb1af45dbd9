package dev.fulcrum.gateway.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * A line on stderr every few seconds while long work runs, so a person knows it is alive. The
 * line is built from the seconds elapsed (counted in ticks, not read from a clock). Close it when
 * the work ends; nothing is printed for work that ends before the first tick.
 */
final class Progress implements AutoCloseable {
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "fulcrum-cli-progress");
        thread.setDaemon(true);
        return thread;
      });

  /**
   * @param line what to print after {@code seconds} elapsed seconds
   */
  Progress(PrintWriter err, long everySeconds, LongFunction<String> line) {
    long[] ticks = {0};
    ticker.scheduleAtFixedRate(() -> {
      ticks[0]++;
      err.println(line.apply(ticks[0] * everySeconds));
      err.flush();
    }, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
