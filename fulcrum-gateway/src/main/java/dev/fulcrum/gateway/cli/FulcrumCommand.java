package dev.fulcrum.gateway.cli;

import picocli.CommandLine.Command;

/** {@code fulcrum}: the gateway and its tools. */
@Command(name = "fulcrum", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Privacy-first hybrid AI inference gateway.",
    subcommands = {ServeCommand.class, DemoCommand.class, KeyCommand.class, ModelCommand.class,
        RolloutCommand.class, KillCommand.class, DriftCommand.class, AuditCommand.class,
        PiiCommand.class})
final class FulcrumCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
