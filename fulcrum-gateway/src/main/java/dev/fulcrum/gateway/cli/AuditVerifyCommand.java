package dev.fulcrum.gateway.cli;

import dev.fulcrum.controlplane.audit.AuditVerifier;
import dev.fulcrum.controlplane.audit.Finding;
import dev.fulcrum.controlplane.audit.Verification;
import dev.fulcrum.controlplane.keys.KeysetException;
import dev.fulcrum.controlplane.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum audit verify --config FILE [--public-key FILE]}: re-checks the whole audit log
 * (every event's hash, position and link; every checkpoint's signature and Merkle root) and
 * prints {@code intact: …} (exit 0) or the first bad event, what is wrong with it and why (exit
 * 1). Exit 2 when it cannot run (config, store or keyset missing).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check that no audit event was changed, removed, inserted or reordered.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the log is intact", "1:the log is broken (the first finding is printed)",
        "2:could not verify (config, store or keyset problem)"})
final class AuditVerifyCommand implements Callable<Integer> {
  static final int BROKEN = 1;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "fulcrum.yaml",
      description = "The gateway's config file: its store and audit.keyset (default: "
          + "${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--public-key", paramLabel = "FILE",
      description = "Verify signatures with this published public keyset (Tink JSON) instead "
          + "of the configured audit.keyset.")
  Path publicKey;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "5",
      description = "Seconds between progress lines on stderr (default: ${DEFAULT-VALUE}).")
  long progressEvery;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AuditStore store = AuditStore.open(config)) {
      AuditVerifier verifier = AuditVerifier.create(store.db(),
          store.publicKeysetJson(publicKey));
      AuditStore.Size size = store.size();
      Verification result;
      try (Progress progress = new Progress(err, Math.max(1, progressEvery), seconds ->
          "verifying " + size.events() + " events and " + size.checkpoints()
              + " checkpoints… " + seconds + " s")) {
        result = verifier.verify();
      }
      return report(result, out);
    } catch (AuditFailure e) {
      err.println("fulcrum audit verify: " + e.getMessage());
      return AuditFailure.CODE;
    } catch (KeysetException | StoreException e) {
      err.println("fulcrum audit verify: " + e.getMessage());
      return AuditFailure.CODE;
    }
  }

  private static int report(Verification result, PrintWriter out) {
    switch (result) {
      case Verification.Intact intact -> {
        out.println("intact: " + intact.eventsChecked() + " events, " + intact.checkpoints()
            + " checkpoints, signed through #" + intact.signedThrough()
            + (intact.unsigned() == 0 ? "" : " (" + intact.unsigned() + " newer events are "
                + "protected by the hash chain until the next checkpoint signs them)"));
        return 0;
      }
      case Verification.Broken broken -> {
        Finding finding = broken.finding();
        out.println("BROKEN at event #" + finding.sequence() + ": " + describe(finding.kind()));
        out.println("  why: " + finding.detail());
        out.println("  events before it verified: " + broken.eventsChecked());
        return BROKEN;
      }
    }
  }

  private static String describe(Finding.Kind kind) {
    return switch (kind) {
      case MODIFIED -> "MODIFIED (changed after it was written)";
      case DELETED -> "DELETED (events missing from inside the log)";
      case INSERTED -> "INSERTED (an event that was never appended)";
      case REORDERED -> "REORDERED (events moved from where they were written)";
      case TRUNCATED -> "TRUNCATED (events a checkpoint signed are gone)";
      case BAD_CHECKPOINT -> "BAD_CHECKPOINT (a checkpoint does not verify)";
    };
  }
}
