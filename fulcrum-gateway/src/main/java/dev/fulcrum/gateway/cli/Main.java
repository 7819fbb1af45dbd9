package dev.fulcrum.gateway.cli;

import picocli.CommandLine;

/** Entry point of the {@code fulcrum} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exit = new CommandLine(new FulcrumCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
    if (exit != 0 || !ServeSupport.keepsRunning()) {
      System.exit(exit);
    }
  }
}
