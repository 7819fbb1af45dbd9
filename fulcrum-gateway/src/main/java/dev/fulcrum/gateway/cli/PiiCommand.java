package dev.fulcrum.gateway.cli;

import picocli.CommandLine.Command;

/** {@code fulcrum pii scan}: the gateway's privacy scan over files, offline. */
@Command(name = "pii", mixinStandardHelpOptions = true,
    description = "Find personal and secret data in files with the gateway's detector "
        + "(offline; no server needed).",
    subcommands = {PiiScanCommand.class})
final class PiiCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
