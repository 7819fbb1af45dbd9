package dev.fulcrum.gateway.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A line on stderr every few seconds while long work runs, so a person knows it is alive: either
 * a new line each time, or (for a terminal) one line redrawn in place and erased at the end. The
 * line is built from the time elapsed (counted in ticks, not read from a clock). Close it when
 * the work ends; nothing is printed for work that ends before the first tick.
 */
final class Progress implements AutoCloseable {
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "fulcrum-cli-progress");
        thread.setDaemon(true);
        return thread;
      });
  private final PrintWriter err;
  private final boolean inPlace;
  private volatile int drawn; // chars of the line shown in place

  /**
   * A new line every {@code everySeconds}.
   *
   * @param line what to print after {@code seconds} elapsed seconds
   */
  Progress(PrintWriter err, long everySeconds, LongFunction<String> line) {
    this(err, TimeUnit.SECONDS.toMillis(everySeconds), false,
        ticks -> line.apply(ticks * everySeconds));
  }

  private Progress(PrintWriter err, long periodMillis, boolean inPlace,
      LongFunction<String> byTick) {
    this.err = err;
    this.inPlace = inPlace;
    long[] ticks = {0};
    ticker.scheduleAtFixedRate(() -> show(byTick.apply(++ticks[0])), periodMillis, periodMillis,
        TimeUnit.MILLISECONDS);
  }

  /**
   * One line redrawn in place (carriage return, no newline) every {@code every}, for a terminal;
   * {@link #close()} erases it, leaving the cursor where the line began.
   *
   * @param line what to show after the elapsed time; keep it narrower than a terminal
   */
  static Progress inPlace(PrintWriter err, Duration every, Function<Duration, String> line) {
    long millis = Math.max(1, every.toMillis());
    return new Progress(err, millis, true, ticks -> line.apply(Duration.ofMillis(ticks * millis)));
  }

  private void show(String line) {
    if (inPlace) {
      err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
      drawn = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    if (!inPlace) {
      return;
    }
    try { // the last redraw must finish before the line is erased
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
    }
  }
}
