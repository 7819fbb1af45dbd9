package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fulcrum model history MODEL} and {@code fulcrum model served-at MODEL --at TIME}. */
final class ModelHistoryCommands {
  private ModelHistoryCommands() {}

  @Command(name = "history",
      description = "Every lifecycle move of a model's versions: when, who and why.")
  static final class History extends AdminCommand {
    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Option(names = "--version", paramLabel = "V", description = "Only this version.")
    String version;

    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get(ModelCommand.path(model) + "/history"
          + (version == null ? "" : "?version=" + AdminClient.query(version)));
      if (!printedJson(answer)) {
        Table table = new Table("AT", "VERSION", "FROM", "TO", "BY", "REASON");
        answer.path("data").forEach(m -> table.row(m.path("at").asText(),
            m.path("version").asText(), m.path("from").asText(), m.path("to").asText(),
            m.path("by").asText(), m.path("reason").asText()));
        out().print(table.render());
      }
      return 0;
    }
  }

  @Command(name = "served-at", mixinStandardHelpOptions = true,
      description = "Which version an alias served at a point in time.")
  static final class ServedAt extends AdminCommand {
    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "prod",
        description = "The alias (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--at", paramLabel = "TIME", required = true,
        description = "An ISO-8601 time, e.g. 2026-11-30T12:00:00Z.")
    String at;

    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get(ModelCommand.path(model) + "/served-at?alias="
          + AdminClient.query(alias) + "&at=" + AdminClient.query(at));
      if (!printedJson(answer)) {
        JsonNode interval = answer.path("interval");
        String until = interval.path("valid_to").isNull() ? "now"
            : interval.path("valid_to").asText();
        out().println(model + " " + alias + " at " + answer.path("at").asText() + ": version "
            + answer.path("version").asText());
        out().println("  from " + interval.path("valid_from").asText() + " until " + until
            + ", set by " + interval.path("by").asText() + ": " + interval.path("reason")
            .asText());
      }
      return 0;
    }
  }
}
