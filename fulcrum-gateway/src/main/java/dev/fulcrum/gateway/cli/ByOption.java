package dev.fulcrum.gateway.cli;

import picocli.CommandLine.Option;

/** {@code --by}: who makes a change, recorded in the histories; the OS user by default. */
final class ByOption {
  @Option(names = "--by", paramLabel = "WHO", defaultValue = "${sys:user.name}",
      description = "Who makes the change (default: the OS user, ${DEFAULT-VALUE}).")
  String by;
}
