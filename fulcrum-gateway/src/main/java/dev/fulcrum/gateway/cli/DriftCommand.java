package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fulcrum drift report [MODEL]}: each model's drift state from the admin API — still
 * collecting its reference, or its latest comparison as a table (feature, test, statistic,
 * threshold, samples, DRIFT). Naming a model checks it now.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Show drift of live traffic against each model's reference window.",
    subcommands = {DriftCommand.Report.class})
final class DriftCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Print drift reports (all models, or one checked now).")
  static final class Report extends AdminCommand {
    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "Check this model now.")
    String model;

    @Override
    int run(AdminClient client) {
      JsonNode answer = model == null ? client.get("/admin/v1/drift")
          : client.get("/admin/v1/drift/" + AdminClient.segment(model));
      if (printedJson(answer)) {
        return 0;
      }
      JsonNode models = model == null ? answer.path("models") : null;
      if (models == null) {
        print(answer);
      } else if (models.isEmpty()) {
        out().println("no traffic seen yet");
      } else {
        models.forEach(this::print);
      }
      return 0;
    }

    private void print(JsonNode status) {
      if (status.path("report").isMissingNode()) {
        out().printf("%s: collecting its reference (%d of %d samples)%n",
            status.path("model").asText(), status.path("reference_samples").asInt(),
            status.path("reference_size").asInt());
      } else {
        out().println(status.path("report").path("text").asText());
      }
    }
  }
}
