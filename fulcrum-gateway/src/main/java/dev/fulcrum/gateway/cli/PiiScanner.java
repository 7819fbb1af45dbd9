package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads input line by line and scans it with the gateway's detector: each whole line for text,
 * each selected string value of each line for JSON Lines. A JSON Lines line that is not one JSON
 * value is recorded as unreadable and skipped; blank lines are skipped. Scans have no time
 * budget (unlike the gateway's), so a slow line is never a failure.
 *
 * <p>The calling thread reads batches of lines; {@code threads} other threads scan them, a
 * bounded number of batches ahead; findings are passed on in input order on the calling thread.
 */
final class PiiScanner {
  /** Lines per batch: enough to make handing a batch to a thread cheap, few enough to spread. */
  static final int BATCH = 64;
  private static final ObjectReader JSON = Json.MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final PiiDetector detector;
  private final InputFormat format;
  private final JsonFields fields;
  private final int threads;

  /**
   * @param threads how many threads scan at once, at least 1
   */
  PiiScanner(PiiDetector detector, InputFormat format, JsonFields fields, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.detector = detector;
    this.format = format;
    this.fields = fields;
    this.threads = threads;
  }

  /** One line's findings, or why it could not be read. */
  private record Line(long number, List<Finding> findings, Optional<String> unreadable) {}

  /**
   * Reads {@code in} to its end, passing findings to {@code out} in input order.
   *
   * @param linesRead told the number of lines read so far (for progress)
   * @throws IOException when reading fails
   * @throws dev.fulcrum.dataplane.privacy.PrivacyScanException when a recognizer fails
   */
  ScanSummary scan(BufferedReader in, Consumer<Finding> out, LongConsumer linesRead)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "fulcrum-pii-scan");
      thread.setDaemon(true);
      return thread;
    });
    Tally tally = new Tally(out);
    Deque<CompletableFuture<List<Line>>> pending = new ArrayDeque<>();
    try {
      long number = 0;
      List<String> batch = readBatch(in);
      while (!batch.isEmpty()) {
        long first = number + 1;
        List<String> lines = batch;
        pending.add(CompletableFuture.supplyAsync(() -> scanBatch(first, lines), pool));
        number += batch.size();
        linesRead.accept(number);
        while (pending.size() > threads * 2) {
          tally.add(join(pending.poll()));
        }
        batch = readBatch(in);
      }
      while (!pending.isEmpty()) {
        tally.add(join(pending.poll()));
      }
      return tally.summary(number);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> readBatch(BufferedReader in) throws IOException {
    List<String> batch = new ArrayList<>(BATCH);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      batch.add(line);
      if (batch.size() == BATCH) {
        break;
      }
    }
    return batch;
  }

  private static List<Line> join(CompletableFuture<List<Line>> batch) {
    try {
      return batch.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private List<Line> scanBatch(long first, List<String> lines) {
    List<Line> scanned = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (first + i == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1);
      }
      scanned.add(scanLine(first + i, line));
    }
    return scanned;
  }

  private Line scanLine(long number, String line) {
    List<Finding> found = new ArrayList<>();
    if (format == InputFormat.TEXT) {
      scanText(number, "", line, found);
      return new Line(number, found, Optional.empty());
    }
    if (line.isBlank()) {
      return new Line(number, found, Optional.empty());
    }
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JacksonException e) {
      return new Line(number, found, Optional.of("not valid JSON" + (e.getLocation() == null
          ? "" : " at column " + e.getLocation().getColumnNr())));
    }
    fields.forEach(json, (path, text) -> scanText(number, path, text, found));
    return new Line(number, found, Optional.empty());
  }

  private void scanText(long number, String field, String text, List<Finding> found) {
    for (Entity entity : detector.analyze(text)) {
      found.add(new Finding(number, field, entity, text.substring(entity.start(), entity.end())));
    }
  }

  /** Counts what scanned lines held and passes their findings on; used on one thread. */
  private static final class Tally {
    private final Consumer<Finding> out;
    private final Map<EntityType, Long> counts = new EnumMap<>(EntityType.class);
    private final List<ScanSummary.Unreadable> unreadable = new ArrayList<>();
    private long withFindings;

    Tally(Consumer<Finding> out) {
      this.out = out;
    }

    void add(List<Line> lines) {
      for (Line line : lines) {
        line.unreadable().ifPresent(reason -> unreadable.add(
            new ScanSummary.Unreadable(line.number(), reason)));
        if (!line.findings().isEmpty()) {
          withFindings++;
        }
        for (Finding finding : line.findings()) {
          counts.merge(finding.entity().type(), 1L, Long::sum);
          out.accept(finding);
        }
      }
    }

    ScanSummary summary(long lines) {
      return new ScanSummary(lines, withFindings, counts, unreadable);
    }
  }
}
