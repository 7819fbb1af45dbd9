package dev.fulcrum.bench.audit;

import dev.fulcrum.controlplane.audit.AuditEvent;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.AuditVerifier;
import dev.fulcrum.controlplane.audit.RequestServed;
import dev.fulcrum.controlplane.audit.Sha256;
import dev.fulcrum.controlplane.audit.Verification;
import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures audit appends per second (closed loop: each appender waits for its receipt before
 * the next append) with group commit and with one event per transaction, and verification
 * speed, and prints Markdown tables.
 *
 * <p>Arguments (all optional): {@code --dialects sqlite,postgresql --threads 1,8,32 --seconds 10
 * --warmup 3 --verify-events 100000 --postgres postgresql://127.0.0.1:5432/test?user=postgres}.
 */
public final class AuditBench {
  private AuditBench() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path dir = Files.createTempDirectory("audit-bench");
    System.out.println("| store | commit mode | appenders | events/s | p50 ms | p99 ms |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (String dialect : o.dialects) {
      for (int threads : o.threads) {
        for (int batch : new int[] {500, 1}) {
          Result r = appendRun(dialect, dir, o, threads, batch);
          System.out.printf("| %s | %s | %d | %,.0f | %.2f | %.2f |%n", dialect,
              batch == 1 ? "one event per transaction" : "group commit", threads,
              r.perSecond, r.p50Millis, r.p99Millis);
        }
      }
    }
    System.out.println();
    System.out.println("| store | events verified | checkpoints | seconds | events/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String dialect : o.dialects) {
      verifyRun(dialect, dir, o);
    }
  }

  private static Result appendRun(String dialect, Path dir, Options o, int threads, int batch)
      throws Exception {
    try (BenchStore store = BenchStore.open(dialect, dir, o.postgres)) {
      AuditLog log = AuditLog.builder(store.db, KeysetSource.inMemory())
          .maxBatchSize(batch).queueCapacity(100_000)
          .checkpointEvery(1_000, Duration.ofSeconds(60)).build();
      try {
        run(log, threads, o.warmupSeconds, new long[threads][]);
        long[][] latencies = new long[threads][];
        long events = run(log, threads, o.seconds, latencies);
        return Result.of(events, o.seconds, latencies);
      } finally {
        log.close();
      }
    }
  }

  /** Appenders in a closed loop for {@code seconds}; returns how many events were acked. */
  private static long run(AuditLog log, int threads, int seconds, long[][] latencies)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    long[] counts = new long[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers.add(Thread.ofPlatform().start(() -> {
        long[] samples = new long[1 << 20];
        int n = 0;
        while (!stop.get()) {
          long start = System.nanoTime();
          log.append(event(id, n)).toCompletableFuture().join();
          if (n < samples.length) {
            samples[n] = System.nanoTime() - start;
          }
          n++;
        }
        counts[id] = n;
        latencies[id] = Arrays.copyOf(samples, Math.min(n, samples.length));
      }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    return Arrays.stream(counts).sum();
  }

  private static void verifyRun(String dialect, Path dir, Options o) throws Exception {
    try (BenchStore store = BenchStore.open(dialect, dir, o.postgres)) {
      KeysetSource keys = KeysetSource.inMemory();
      AuditLog log = AuditLog.builder(store.db, keys).maxBatchSize(500).queueCapacity(100_000)
          .checkpointEvery(1_000, Duration.ofSeconds(60)).build();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < o.verifyEvents; i++) {
        pending.add(log.append(event(i % 16, i)).toCompletableFuture());
        if (pending.size() == 20_000) {
          CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
          pending.clear();
        }
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
      String publicKeys = log.publicKeysetJson();
      log.close();
      AuditVerifier verifier = AuditVerifier.create(store.db, publicKeys);
      verifier.verify(); // warm-up pass
      long start = System.nanoTime();
      Verification result = verifier.verify();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!(result instanceof Verification.Intact intact)) {
        throw new IllegalStateException("benchmark log does not verify: " + result);
      }
      System.out.printf("| %s | %,d | %,d | %.2f | %,.0f |%n", dialect, intact.eventsChecked(),
          intact.checkpoints(), seconds, intact.eventsChecked() / seconds);
    }
  }

  private static AuditEvent event(int thread, int n) {
    return new RequestServed(new Tenant("tenant-" + (thread % 8)), "req-" + thread + "-" + n,
        "chat-large@3", Placement.CLOUD, "nebius",
        List.of("chosen: cheapest CLOUD candidate within 800 ms", "dropped local: busy"),
        Map.of(EntityType.EMAIL_ADDRESS, 1, EntityType.PERSON, 2),
        Sha256.ofUtf8("prompt " + n), Sha256.ofUtf8("response " + n),
        new BigDecimal("0.000213"), 200);
  }

  private record Result(double perSecond, double p50Millis, double p99Millis) {
    static Result of(long events, int seconds, long[][] latencies) {
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result((double) events / seconds, percentile(all, 0.50),
          percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
      return sorted.length == 0 ? Double.NaN
          : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
  }

  private record Options(List<String> dialects, List<Integer> threads, int seconds,
      int warmupSeconds, int verifyEvents, String postgres) {
    static Options parse(String[] args) {
      List<String> dialects = List.of("sqlite", "postgresql");
      List<Integer> threads = List.of(1, 8, 32);
      int seconds = 10;
      int warmup = 3;
      int verifyEvents = 100_000;
      String postgres = System.getenv().getOrDefault("FULCRUM_BENCH_POSTGRES_URL",
          "postgresql://127.0.0.1:5432/test?user=postgres");
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--dialects" -> dialects = List.of(value.split(","));
          case "--threads" -> threads = Arrays.stream(value.split(",")).map(Integer::valueOf)
              .toList();
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--verify-events" -> verifyEvents = Integer.parseInt(value);
          case "--postgres" -> postgres = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(dialects, threads, seconds, warmup, verifyEvents, postgres);
    }
  }
}
