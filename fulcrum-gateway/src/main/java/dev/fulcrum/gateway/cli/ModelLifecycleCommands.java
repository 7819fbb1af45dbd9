package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fulcrum model promote|retire MODEL VERSION --reason …}. */
final class ModelLifecycleCommands {
  private ModelLifecycleCommands() {}

  /** The arguments both commands take. */
  abstract static class Move extends AdminCommand {
    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Option(names = "--reason", paramLabel = "WHY", required = true,
        description = "Why; recorded in the model's history.")
    String reason;

    @Mixin
    ByOption by;

    JsonNode post(AdminClient client, String action) {
      return client.post(ModelCommand.path(model) + "/versions/" + AdminClient.segment(version)
          + "/" + action, change(by.by, reason));
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Make VERSION what prod serves (the previous prod version is retired).")
  static final class Promote extends Move {
    @Override
    int run(AdminClient client) {
      JsonNode answer = post(client, "promote");
      if (!printedJson(answer)) {
        String replaced = answer.path("replaced").asText("");
        out().println(answer.path("id").asText() + " is prod now (" + answer.path("state")
            .asText() + ")" + (replaced.isEmpty() ? "" : "; version " + replaced
            + " was retired"));
      }
      return 0;
    }
  }

  @Command(name = "retire", mixinStandardHelpOptions = true,
      description = "Take VERSION out of service for good (it cannot be what prod serves).")
  static final class Retire extends Move {
    @Override
    int run(AdminClient client) {
      JsonNode answer = post(client, "retire");
      if (!printedJson(answer)) {
        out().println(answer.path("id").asText() + " is " + answer.path("state").asText());
      }
      return 0;
    }
  }
}
