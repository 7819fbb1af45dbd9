package dev.fulcrum.gateway.cli;

import static dev.fulcrum.gateway.cli.AdminClient.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fulcrum model …}: the model registry through the admin API. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Register, inspect, promote and retire model versions.",
    subcommands = {ModelCommand.ListModels.class, ModelCommand.Show.class,
        ModelCommand.Versions.class, ModelManifestCommands.Validate.class,
        ModelManifestCommands.Register.class, ModelLifecycleCommands.Promote.class,
        ModelLifecycleCommands.Retire.class, ModelHistoryCommands.History.class,
        ModelHistoryCommands.ServedAt.class})
final class ModelCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static String path(String model) {
    return "/admin/v1/models/" + segment(model);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every model with its prod and canary versions and status.")
  static final class ListModels extends AdminCommand {
    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get("/admin/v1/models");
      if (!printedJson(answer)) {
        Table table = new Table("MODEL", "PROD", "CANARY", "VERSIONS", "STATUS");
        answer.path("data").forEach(m -> table.row(m.path("model").asText(),
            m.path("prod").asText(""), m.path("canary").asText(""), m.path("versions").asInt(),
            m.path("status").asText()));
        out().print(table.render());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "A model's aliases, running rollout and versions.")
  static final class Show extends AdminCommand {
    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get(path(model));
      if (printedJson(answer)) {
        return 0;
      }
      String detail = answer.path("status_detail").asText("");
      out().println(answer.path("model").asText() + "  (" + answer.path("status").asText()
          + (detail.isEmpty() ? "" : ": " + detail) + ")");
      List<String> aliases = new ArrayList<>();
      answer.path("aliases").properties().forEach(e -> aliases.add(e.getKey() + " → "
          + e.getValue().asText()));
      out().println("aliases: " + (aliases.isEmpty() ? "none" : String.join(", ", aliases)));
      JsonNode rollout = answer.path("rollout");
      if (!rollout.isNull() && !rollout.isMissingNode()) {
        out().println("rollout: " + RolloutView.oneLine(rollout));
      }
      out().println();
      out().print(versionTable(answer.path("versions")).render());
      return 0;
    }
  }

  @Command(name = "versions", mixinStandardHelpOptions = true,
      description = "A model's versions, oldest first.")
  static final class Versions extends AdminCommand {
    @Parameters(index = "0", paramLabel = "MODEL")
    String model;

    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get(path(model) + "/versions");
      if (!printedJson(answer)) {
        out().print(versionTable(answer.path("data")).render());
      }
      return 0;
    }
  }

  static Table versionTable(JsonNode versions) {
    Table table = new Table("VERSION", "STATE", "ALIASES", "CREATED", "OWNER", "ROUTES");
    for (JsonNode v : versions) {
      List<String> aliases = new ArrayList<>();
      v.path("aliases").forEach(a -> aliases.add(a.asText()));
      List<String> routes = new ArrayList<>();
      v.path("routes").forEach(r -> routes.add(r.path("backend").asText() + ":"
          + r.path("model").asText()));
      table.row(v.path("version").asText(), v.path("state").asText(),
          String.join(",", aliases), v.path("created_at").asText(),
          v.path("metadata").path("owner").asText(), String.join(" ", routes));
    }
    return table;
  }
}
