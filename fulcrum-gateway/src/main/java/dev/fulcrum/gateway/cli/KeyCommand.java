package dev.fulcrum.gateway.cli;

import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fulcrum key hash KEY} and {@code fulcrum key new}: API keys for tenants. */
@Command(name = "key", mixinStandardHelpOptions = true,
    description = "Create API keys and the hashes that go into fulcrum.yaml.",
    subcommands = {KeyCommand.Hash.class, KeyCommand.New.class})
final class KeyCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "hash", mixinStandardHelpOptions = true,
      description = "Print the sha256: hash of KEY for tenants[].api-keys.")
  static final class Hash implements Callable<Integer> {
    @Parameters(paramLabel = "KEY", description = "The plaintext key.")
    String key;

    @Override
    public Integer call() {
      System.out.println(ApiKeyHash.of(key));
      return 0;
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Generate a random key and print it with its hash.")
  static final class New implements Callable<Integer> {
    @Override
    public Integer call() {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String key = "sk-fulcrum-" + HexFormat.of().formatHex(random);
      System.out.println("key:  " + key);
      System.out.println("hash: " + ApiKeyHash.of(key));
      return 0;
    }
  }
}
