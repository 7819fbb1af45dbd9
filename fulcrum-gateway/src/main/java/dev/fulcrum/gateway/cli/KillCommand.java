package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fulcrum kill off|on (--version MODEL@VERSION | --model MODEL | --backend NAME) --reason
 * …}, {@code fulcrum kill list} and {@code fulcrum kill history}. A flip takes effect on the next
 * request and survives restarts.
 */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Switch a model version, a model or a backend off and on again.",
    subcommands = {KillCommand.Off.class, KillCommand.On.class, KillCommand.ListActive.class,
        KillCommand.History.class})
final class KillCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Exactly one thing to switch. */
  static final class Target {
    @Option(names = "--version", paramLabel = "MODEL@VERSION", required = true,
        description = "One version; traffic falls back to the previous prod version.")
    String version;

    @Option(names = "--model", paramLabel = "MODEL", required = true,
        description = "A whole model; callers get 503 until it is on again.")
    String model;

    @Option(names = "--backend", paramLabel = "NAME", required = true,
        description = "A backend; every route through it is skipped.")
    String backend;

    ObjectNode json() {
      ObjectNode target = Json.object();
      if (version != null) {
        int at = version.lastIndexOf('@');
        if (at <= 0 || at == version.length() - 1) {
          throw new AdminCallException(0, "--version takes MODEL@VERSION, e.g. chat-small@2; "
              + "got '" + version + "'");
        }
        target.putObject("version").put("model", version.substring(0, at))
            .put("version", version.substring(at + 1));
      } else if (model != null) {
        target.put("model", model);
      } else {
        target.put("backend", backend);
      }
      return target;
    }
  }

  /** {@code off} and {@code on}. */
  abstract static class Flip extends AdminCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--reason", paramLabel = "WHY", required = true,
        description = "Why; shown in kill list and the history.")
    String reason;

    @Mixin
    ByOption by;

    @Mixin
    HelpOption help;

    int flip(AdminClient client, boolean enabled) {
      ObjectNode body = change(by.by, reason).put("enabled", enabled);
      body.set("target", target.json());
      JsonNode answer = client.post("/admin/v1/killswitch", body);
      if (!printedJson(answer)) {
        out().println(answer.path("message").asText());
      }
      return 0;
    }
  }

  @Command(name = "off", description = "Switch it off now.")
  static final class Off extends Flip {
    @Override
    int run(AdminClient client) {
      return flip(client, false);
    }
  }

  @Command(name = "on", description = "Switch it on again.")
  static final class On extends Flip {
    @Override
    int run(AdminClient client) {
      return flip(client, true);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "What is switched off now.")
  static final class ListActive extends AdminCommand {
    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get("/admin/v1/killswitch");
      if (!printedJson(answer)) {
        Table table = new Table("TARGET", "SINCE", "BY", "REASON");
        answer.path("data").forEach(s -> table.row(target(s.path("target")),
            s.path("since").asText(), s.path("by").asText(), s.path("reason").asText()));
        out().print(table.isEmpty() ? "nothing is switched off" + System.lineSeparator()
            : table.render());
      }
      return 0;
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "Every flip, oldest first.")
  static final class History extends AdminCommand {
    @Override
    int run(AdminClient client) {
      JsonNode answer = client.get("/admin/v1/killswitch/history");
      if (!printedJson(answer)) {
        Table table = new Table("AT", "TARGET", "SWITCHED", "BY", "REASON");
        answer.path("data").forEach(s -> table.row(s.path("at").asText(),
            target(s.path("target")), s.path("enabled").asBoolean() ? "on" : "off",
            s.path("by").asText(), s.path("reason").asText()));
        out().print(table.render());
      }
      return 0;
    }
  }

  /** {@code version chat-small@2}, {@code model chat-small}, {@code backend sim}. */
  static String target(JsonNode target) {
    if (target.has("version")) {
      return "version " + target.path("version").path("model").asText() + "@"
          + target.path("version").path("version").asText();
    }
    return target.has("model") ? "model " + target.path("model").asText()
        : "backend " + target.path("backend").asText();
  }
}
