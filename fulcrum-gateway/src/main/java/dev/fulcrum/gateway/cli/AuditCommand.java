package dev.fulcrum.gateway.cli;

import picocli.CommandLine.Command;

/** {@code fulcrum audit verify|export}: the audit log, offline, straight from the store. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Verify or export the tamper-evident audit log (offline; no server needed).",
    subcommands = {AuditVerifyCommand.class, AuditExportCommand.class})
final class AuditCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
