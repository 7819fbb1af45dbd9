package dev.fulcrum.bench.batching;

import dev.fulcrum.core.backend.EmbeddingBackend;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.error.RetriableException;
import dev.fulcrum.inference.batching.BatchSettings;
import dev.fulcrum.inference.batching.BatcherStats;
import dev.fulcrum.inference.batching.Batching;
import dev.fulcrum.inference.batching.BatchingEmbeddingBackend;
import dev.fulcrum.inference.batching.Scheduler;
import dev.fulcrum.inference.simulated.SimulatedBackends;
import dev.fulcrum.inference.simulated.SimulatedSettings;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load against a simulated GPU: each caller embeds one text and sends the next as
 * soon as the answer arrives. Runs every (mode, callers) pair and prints a Markdown table.
 *
 * <p>Options ({@code --name=value}): {@code callers=8,64,256}, {@code modes=unbatched,batched},
 * {@code warmup=3s}, {@code duration=10s}, {@code base=20ms}, {@code per-item=1ms},
 * {@code concurrency=1} (device), {@code max-batch=128}, {@code max-wait=5ms},
 * {@code sla=250ms}, {@code max-in-flight=1}, {@code max-queue=4096}. A refused caller waits
 * as long as the refusal's {@code Retry-After} says (1 ms when it says nothing), like a polite
 * client, and its refusals are counted as failed.
 */
public final class BatchingLoad {

  private BatchingLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    List<Integer> callers = Arrays.stream(options.get("callers").split(","))
        .map(Integer::parseInt).toList();
    List<String> modes = List.of(options.get("modes").split(","));
    Duration warmup = duration(options.get("warmup"));
    Duration measure = duration(options.get("duration"));
    Duration sla = duration(options.get("sla"));
    var cost = new SimulatedSettings.BatchCost(duration(options.get("base")),
        duration(options.get("per-item")));
    int concurrency = Integer.parseInt(options.get("concurrency"));
    BatchSettings batching = BatchSettings.defaults()
        .withMaxBatchSize(Integer.parseInt(options.get("max-batch")))
        .withMaxWait(duration(options.get("max-wait")))
        .withSla(sla)
        .withMaxInFlight(Integer.parseInt(options.get("max-in-flight")))
        .withMaxQueue(Integer.parseInt(options.get("max-queue")));

    System.out.printf(Locale.ROOT, "# batching load: %d cores, %s, load average %.1f at start%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("# options: " + options);
    List<Result> results = new ArrayList<>();
    for (int n : callers) {
      for (String mode : modes) {
        Result result = run(mode, n, cost, concurrency, batching, sla, warmup, measure);
        results.add(result);
        System.out.println("# " + result.line());
      }
    }
    System.out.println();
    System.out.println(table(results, sla));
  }

  private static Result run(String mode, int callers, SimulatedSettings.BatchCost cost,
      int concurrency, BatchSettings batching, Duration sla, Duration warmup, Duration measure)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    var simulated = (EmbeddingBackend) SimulatedBackends.create(vertx, new SimulatedSettings(
        "sim-gpu", Placement.PRIVATE, SimulatedSettings.Latency.NONE, 0, cost, 0, 42, 384)
        .withConcurrency(concurrency));
    EmbeddingBackend backend = switch (mode) {
      case "unbatched" -> simulated;
      case "batched" -> Batching.embeddings(simulated, batching, Scheduler.system());
      default -> throw new IllegalArgumentException("mode must be unbatched or batched: " + mode);
    };
    try {
      Load load = new Load(vertx, backend, callers);
      load.start();
      Thread.sleep(warmup.toMillis());
      load.measuring(System.nanoTime());
      Thread.sleep(measure.toMillis());
      long end = System.nanoTime();
      load.stop(end);
      load.awaitIdle(Duration.ofSeconds(30));
      BatcherStats stats = backend instanceof BatchingEmbeddingBackend b
          ? b.stats().values().stream().findFirst().orElse(null) : null;
      return load.result(mode, sla, stats);
    } finally {
      backend.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** The callers, and what they measured between {@link #measuring} and {@link #stop}. */
  private static final class Load {
    private final Vertx vertx;
    private final EmbeddingBackend backend;
    private final int callers;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopped;
    private volatile long from = Long.MAX_VALUE;
    private volatile long to = Long.MAX_VALUE;
    private long[] latencies = new long[1 << 16];
    private int count;

    Load(Vertx vertx, EmbeddingBackend backend, int callers) {
      this.vertx = vertx;
      this.backend = backend;
      this.callers = callers;
    }

    void start() {
      for (int caller = 0; caller < callers; caller++) {
        active.incrementAndGet();
        send(caller, 0);
      }
    }

    void measuring(long start) {
      from = start;
    }

    void stop(long end) {
      to = end;
      stopped = true;
    }

    void awaitIdle(Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (active.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    private void send(int caller, int sequence) {
      if (stopped) {
        active.decrementAndGet();
        return;
      }
      long start = System.nanoTime();
      var request = EmbeddingRequest.of("embed-small",
          List.of("caller " + caller + " asks question " + sequence));
      backend.embed(request).whenComplete((response, error) -> {
        long end = System.nanoTime();
        if (end >= from && end <= to) {
          if (error == null) {
            record(end - start);
          } else {
            failed.incrementAndGet();
          }
        }
        if (error == null) {
          send(caller, sequence + 1);
        } else {
          // a refused caller waits as told, and must not spin (or recurse) on its failure
          vertx.setTimer(backoffMillis(error), id -> send(caller, sequence + 1));
        }
      });
    }

    private static long backoffMillis(Throwable error) {
      Throwable cause = error instanceof java.util.concurrent.CompletionException
          && error.getCause() != null ? error.getCause() : error;
      return cause instanceof RetriableException retriable
          ? retriable.retryAfter().map(Duration::toMillis).filter(ms -> ms > 0).orElse(1L) : 1L;
    }

    private synchronized void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    synchronized Result result(String mode, Duration sla, BatcherStats stats) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      double seconds = (to - from) / 1e9;
      long within = Arrays.stream(sorted).filter(n -> n <= sla.toNanos()).count();
      return new Result(mode, callers, count, failed.get(), count / seconds,
          percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
          percentile(sorted, 0.999),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          sorted.length == 0 ? 0 : 100.0 * within / sorted.length, stats);
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private record Result(String mode, int callers, long completed, long failed, double throughput,
      double p50, double p90, double p99, double p999, double max, double withinSla,
      BatcherStats stats) {
    String line() {
      String batches = stats == null ? "" : String.format(Locale.ROOT,
          " meanBatch=%.1f learned=%.1fms+%.3fms/item spread=%.1fms timerLateness=%.1fms",
          stats.meanBatchSize(), millis(stats.serviceTime().base()),
          millis(stats.serviceTime().perItem()), millis(stats.serviceTime().spread()),
          millis(stats.serviceTime().timerLateness()));
      return String.format(Locale.ROOT, "%s callers=%d completed=%d failed=%d rps=%.1f p50=%.1fms "
          + "p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms withinSla=%.1f%%%s", mode, callers,
          completed, failed, throughput, p50, p90, p99, p999, max, withinSla, batches);
    }
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static String table(List<Result> results, Duration sla) {
    StringBuilder out = new StringBuilder();
    out.append("| callers | mode | throughput (req/s) | speed-up | p50 (ms) | p99 (ms) | "
        + "p99 ≤ SLA (").append(sla.toMillis()).append(" ms)? | answered within SLA | "
        + "mean batch | failed |\n");
    out.append("|---:|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
    Map<Integer, Double> unbatched = new LinkedHashMap<>();
    results.stream().filter(r -> r.mode().equals("unbatched"))
        .forEach(r -> unbatched.put(r.callers(), r.throughput()));
    for (Result r : results) {
      Double base = unbatched.get(r.callers());
      String speedUp = base == null || base == 0 ? "—"
          : String.format(Locale.ROOT, "%.1f×", r.throughput() / base);
      out.append(String.format(Locale.ROOT,
          "| %d | %s | %.0f | %s | %.0f | %.0f | %s | %.1f%% | %s | %d |%n", r.callers(),
          r.mode(), r.throughput(), speedUp, r.p50(), r.p99(),
          r.p99() <= sla.toMillis() ? "yes" : "no", r.withinSla(),
          r.stats() == null ? "1" : String.format(Locale.ROOT, "%.1f", r.stats().meanBatchSize()),
          r.failed()));
    }
    return out.toString();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("callers", "8,64,256");
    options.put("modes", "unbatched,batched");
    options.put("warmup", "3s");
    options.put("duration", "10s");
    options.put("base", "20ms");
    options.put("per-item", "1ms");
    options.put("concurrency", "1");
    options.put("max-batch", "128");
    options.put("max-wait", "5ms");
    options.put("sla", "250ms");
    options.put("max-in-flight", "1");
    options.put("max-queue", "4096");
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options look like --name=value, got " + arg);
      }
      String name = arg.substring(2, arg.indexOf('='));
      if (!options.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: "
            + options.keySet());
      }
      options.put(name, arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  private static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    if (text.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    throw new IllegalArgumentException("durations look like 250ms or 10s, got " + text);
  }
}
