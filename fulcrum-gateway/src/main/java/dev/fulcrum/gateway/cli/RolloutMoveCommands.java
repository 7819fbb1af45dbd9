package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fulcrum rollout promote|rollback|abort|split|history ID}. */
final class RolloutMoveCommands {
  private RolloutMoveCommands() {}

  /** An operator's decision on one rollout. */
  abstract static class Decide extends AdminCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Option(names = "--reason", paramLabel = "WHY", description = "Why (recorded in the "
        + "rollout's history).")
    String reason;

    @Mixin
    ByOption by;

    int decide(AdminClient client, String action, String done) {
      JsonNode answer = client.post(RolloutCommand.path(id) + "/" + action, change(by.by,
          reason != null ? reason : action + " from the CLI"));
      if (!printedJson(answer)) {
        out().println("rollout " + RolloutView.oneLine(answer) + ": " + done);
      }
      return 0;
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = "Make the candidate prod now.")
  static final class Promote extends Decide {
    @Override
    int run(AdminClient client) {
      return decide(client, "promote", "the candidate is prod");
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Take the candidate out of traffic now.")
  static final class Rollback extends Decide {
    @Override
    int run(AdminClient client) {
      return decide(client, "rollback", "all traffic is back on the baseline");
    }
  }

  @Command(name = "abort", mixinStandardHelpOptions = true,
      description = "Stop the rollout without a verdict.")
  static final class Abort extends Decide {
    @Override
    int run(AdminClient client) {
      return decide(client, "abort", "stopped; prod never moved");
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true,
      description = "Change the canary share and/or shadow rate of a rollout.")
  static final class Split extends Decide {
    @Option(names = "--canary", paramLabel = "PERCENT", description = "New share, 0-100.")
    Double canary;

    @Option(names = "--shadow", paramLabel = "RATE", description = "New shadow rate, 0-1.")
    Double shadow;

    @Override
    int run(AdminClient client) {
      ObjectNode body = change(by.by, reason != null ? reason : "new split from the CLI");
      if (canary != null) {
        body.put("canary_percent", canary);
      }
      if (shadow != null) {
        body.put("shadow_rate", shadow);
      }
      JsonNode answer = client.post(RolloutCommand.path(id) + "/split", body);
      if (!printedJson(answer)) {
        out().println("rollout " + RolloutView.oneLine(answer));
      }
      return 0;
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "Everything that happened to a rollout, oldest first.")
  static final class History extends AdminCommand {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get(RolloutCommand.path(id) + "/history");
      if (!printedJson(answer)) {
        Table table = new Table("AT", "EVENT", "DETAIL", "BY", "REASON");
        answer.path("data").forEach(e -> table.row(e.path("at").asText(),
            e.path("type").asText(), detail(e), e.path("by").asText(),
            e.path("reason").asText()));
        out().print(table.render());
      }
      return 0;
    }

    private static String detail(JsonNode e) {
      return switch (e.path("type").asText()) {
        case "created" -> "candidate " + e.path("candidate").asText() + ", canary "
            + RolloutView.number(e.path("canary_percent").asDouble()) + "%";
        case "transition" -> e.path("from").asText() + " → " + e.path("to").asText();
        case "split_changed" -> "canary " + RolloutView.number(e.path("canary_percent")
            .asDouble()) + "%, shadow " + RolloutView.number(e.path("shadow_rate").asDouble());
        case "decision" -> e.path("verdict").asText() + (e.path("applied").asBoolean()
            ? " (applied)" : " (recorded)");
        default -> "";
      };
    }
  }
}
