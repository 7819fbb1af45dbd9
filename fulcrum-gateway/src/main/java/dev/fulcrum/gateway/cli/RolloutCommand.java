package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.gateway.http.admin.Durations;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fulcrum rollout …}: canary and shadow rollouts through the admin API. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
    description = "Start, watch, promote, roll back and abort rollouts.",
    subcommands = {RolloutStartCommand.class, RolloutCommand.Status.class,
        RolloutCommand.ListRollouts.class, RolloutMoveCommands.Promote.class,
        RolloutMoveCommands.Rollback.class, RolloutMoveCommands.Abort.class,
        RolloutMoveCommands.Split.class, RolloutMoveCommands.History.class})
final class RolloutCommand implements Runnable {
  private static final Set<String> LIVE = Set.of("PENDING", "RUNNING");

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static String path(long id) {
    return "/admin/v1/rollouts/" + id;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Rollouts, newest first.")
  static final class ListRollouts extends AdminCommand {
    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's.")
    String model;

    @Option(names = "--state", paramLabel = "STATE", description = "Only in this state, e.g. "
        + "RUNNING.")
    String state;

    @Override
    int run(AdminClient client) {
      String query = (model == null ? "" : "&model=" + AdminClient.query(model))
          + (state == null ? "" : "&state=" + AdminClient.query(state));
      JsonNode answer = client.get("/admin/v1/rollouts" + (query.isEmpty() ? ""
          : "?" + query.substring(1)));
      if (!printedJson(answer)) {
        out().print(table(answer.path("data")).render());
      }
      return 0;
    }

    static Table table(JsonNode rollouts) {
      Table table = new Table("ID", "MODEL", "BASELINE", "CANDIDATE", "STATE", "CANARY%",
          "SHADOW", "CANDIDATE_REQ", "CANDIDATE_ERR", "UPDATED");
      for (JsonNode r : rollouts) {
        JsonNode candidate = r.path("window").path("candidate");
        table.row(r.path("id").asLong(), r.path("model").asText(), r.path("baseline").asText(),
            r.path("candidate").asText(), r.path("state").asText(),
            RolloutView.number(r.path("canary_percent").asDouble()),
            RolloutView.number(r.path("shadow_rate").asDouble()),
            candidate.isObject() ? candidate.path("requests").asText() : "",
            candidate.isObject() ? candidate.path("errors").asText() : "",
            r.path("updated_at").asText());
      }
      return table;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"Without ID: every rollout. With ID: its state, split, policy, the "
          + "current window's numbers, every guard and the last decision.",
          "--watch polls until the rollout is promoted, rolled back or aborted."})
  static final class Status extends AdminCommand {
    @Parameters(index = "0", paramLabel = "ID", arity = "0..1")
    Long id;

    @Option(names = "--watch", description = "Print a line per poll until the rollout ends.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
        description = "Time between polls with --watch (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
        description = "Give up watching after this long (default: ${DEFAULT-VALUE}); exit 1.")
    String timeout;

    @Override
    int run(AdminClient client) {
      if (id == null) {
        JsonNode answer = client.get("/admin/v1/rollouts");
        if (!printedJson(answer)) {
          out().print(ListRollouts.table(answer.path("data")).render());
        }
        return 0;
      }
      return watch ? watch(client) : show(client);
    }

    private int show(AdminClient client) {
      JsonNode answer = client.get(path(id));
      if (!printedJson(answer)) {
        RolloutView.detail(answer, out());
      }
      return 0;
    }

    private int watch(AdminClient client) {
      Duration every = duration(interval, "--interval");
      long deadline = System.nanoTime() + duration(timeout, "--timeout").toNanos();
      JsonNode rollout = client.get(path(id));
      out().println("watching " + RolloutView.oneLine(rollout) + "; policy: "
          + RolloutView.policy(rollout.path("policy")));
      while (true) {
        out().println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  "
            + RolloutView.progress(rollout));
        out().flush();
        if (!LIVE.contains(rollout.path("state").asText())) {
          if (rollout.path("last_decision").isObject()) {
            out().println("decision: " + RolloutView.decision(rollout.path("last_decision")));
          }
          return 0;
        }
        if (System.nanoTime() > deadline) {
          err().println("fulcrum: rollout " + id + " is still " + rollout.path("state")
              .asText() + " after " + timeout);
          return 1;
        }
        sleep(every);
        rollout = client.get(path(id));
      }
    }

    private Duration duration(String text, String option) {
      return Durations.parse(text).filter(d -> !d.isNegative() && !d.isZero())
          .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
              option + " must be a duration such as 500ms, 2s or 1m, got '" + text + "'"));
    }

    private static void sleep(Duration duration) {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AdminCallException(0, "interrupted");
      }
    }
  }
}
