package dev.fulcrum.controlplane.audit;

import dev.fulcrum.controlplane.keys.KeysetSource;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.controlplane.store.StoreUrl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link AuditCrashTest} kills: appends events from four threads for ever and prints
 * {@code ack <seq>} for each acknowledged one. Arguments: the SQLite file, the signing keyset
 * file.
 */
public final class AuditCrashChild {
  private AuditCrashChild() {}

  public static void main(String[] args) {
    Database db = Database.open(StoreUrl.parse("sqlite:" + args[0]));
    AuditLog log = AuditLog.builder(db, KeysetSource.file(Path.of(args[1])))
        .checkpointEvery(50, Duration.ofSeconds(60)).build();
    PrintStream out = System.out;
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread.ofPlatform().start(() -> {
        for (int i = 0; ; i++) {
          Receipt receipt = log.append(Events.served(thread % 2 == 0 ? "acme" : "globex",
              "t" + thread + "-" + i, "chat@1")).toCompletableFuture().join();
          synchronized (out) {
            out.println("ack " + receipt.sequence());
            out.flush();
          }
        }
      });
    }
    out.println("started");
    out.flush();
  }
}
