package dev.fulcrum.gateway.cli;

import dev.fulcrum.controlplane.audit.AuditException;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.AuditQuery;
import dev.fulcrum.controlplane.keys.KeysetException;
import dev.fulcrum.controlplane.store.StoreException;
import dev.fulcrum.core.tenant.Tenant;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum audit export --config FILE [filters] [--out FILE]}: the matching events as JSON
 * Lines ({@code {"entry":…,"hash":…,"prev":…}}), verbatim as stored, so a complete export can be
 * re-verified without the database. Progress and the summary go to stderr.
 *
 * <p>The log is opened the way a gateway replica opens it, with the configured signing keyset:
 * if its newest events are not yet signed, closing it signs them (as a gateway shutdown would).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write audit events as JSON Lines, filtered by tenant, time, request or "
        + "model version.")
final class AuditExportCommand implements Callable<Integer> {
  static final long PROGRESS_LINES = 10_000;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "fulcrum.yaml",
      description = "The gateway's config file: its store and audit.keyset (default: "
          + "${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--tenant", paramLabel = "T", description = "Only request events of tenant T.")
  String tenant;

  @Option(names = "--from", paramLabel = "ISO",
      description = "Only events at or after this instant (2025-03-01T10:00:00Z) or day "
          + "(2025-03-01, UTC).")
  String from;

  @Option(names = "--to", paramLabel = "ISO",
      description = "Only events before this instant or day (UTC).")
  String to;

  @Option(names = "--request-id", paramLabel = "R", description = "Only the events of request R.")
  String requestId;

  @Option(names = "--model-version", paramLabel = "V",
      description = "Only requests served by model version V (e.g. chat-large@3).")
  String modelVersion;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE (replaced) instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      AuditQuery query = query();
      long written;
      try (AuditStore store = AuditStore.open(config)) {
        store.size(); // fails on a store without an audit log rather than creating one
        try (AuditLog log = AuditLog.builder(store.db(), store.signingKeys()).build()) {
          written = out == null ? export(log, query, spec.commandLine().getOut(), err)
              : exportToFile(log, query, err);
        }
      }
      err.println("exported " + written + (written == 1 ? " event" : " events")
          + (out == null ? "" : " to " + out));
      return 0;
    } catch (AuditFailure e) {
      err.println("fulcrum audit export: " + e.getMessage());
      return AuditFailure.CODE;
    } catch (AuditException | KeysetException | StoreException e) {
      err.println("fulcrum audit export: " + e.getMessage());
      return AuditFailure.CODE;
    } catch (IOException e) {
      err.println("fulcrum audit export: cannot write " + (out == null ? "the output" : out)
          + " (" + e.getMessage() + ")");
      return 1;
    }
  }

  private long exportToFile(AuditLog log, AuditQuery query, PrintWriter err) throws IOException {
    try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      return export(log, query, file, err);
    }
  }

  private static long export(AuditLog log, AuditQuery query, Writer target, PrintWriter err)
      throws IOException {
    LineCountingWriter counting = new LineCountingWriter(target, PROGRESS_LINES, lines -> {
      err.println("exported " + lines + " events…");
      err.flush();
    });
    long written = log.exportJsonl(query, counting);
    counting.flush();
    return written;
  }

  /** The filters as a query; a bad value is an {@link AuditFailure} naming the option. */
  AuditQuery query() {
    AuditQuery query = AuditQuery.all().limit(AuditQuery.MAX_LIMIT);
    if (tenant != null) {
      try {
        query = query.tenant(new Tenant(tenant));
      } catch (IllegalArgumentException e) {
        throw new AuditFailure("--tenant: " + e.getMessage());
      }
    }
    if (from != null || to != null) {
      Instant start = from == null ? Instant.EPOCH : instant("--from", from);
      Instant end = to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : instant("--to", to);
      if (!start.isBefore(end)) {
        throw new AuditFailure("--to must be after --from");
      }
      query = query.between(start, end);
    }
    if (requestId != null) {
      query = query.requestId(requestId);
    }
    if (modelVersion != null) {
      query = query.modelVersion(modelVersion);
    }
    return query;
  }

  private static Instant instant(String option, String value) {
    try {
      return AuditQuery.instant(value);
    } catch (IllegalArgumentException e) {
      throw new AuditFailure(option + " " + e.getMessage());
    }
  }
}
