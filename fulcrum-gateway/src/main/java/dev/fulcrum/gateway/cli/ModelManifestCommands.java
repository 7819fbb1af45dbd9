package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.registry.ManifestResult;
import dev.fulcrum.controlplane.registry.ManifestValidator;
import dev.fulcrum.controlplane.registry.VersionSpec;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum model validate MANIFEST} (local, for CI) and {@code fulcrum model register
 * MANIFEST} (validates the same way, then posts the version). The manifest format is {@link
 * ManifestValidator}'s.
 */
final class ModelManifestCommands {
  private ModelManifestCommands() {}

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = {"Check a version manifest locally, without a server: every problem with "
          + "its field and fix; a local artifact's SHA-256 is computed and compared.",
          "Exit code 0 when valid, 1 otherwise, so CI can run it before promote."})
  static final class Validate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MANIFEST", description = "YAML, or JSON (*.json).")
    Path manifest;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      ManifestResult result = ManifestValidator.create().validate(manifest);
      var stream = result.exitCode() == 0 ? spec.commandLine().getOut()
          : spec.commandLine().getErr();
      stream.println(result.render());
      stream.flush();
      return result.exitCode();
    }
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Validate a version manifest locally, then register the version.")
  static final class Register extends AdminCommand {
    @Parameters(index = "0", paramLabel = "MANIFEST", description = "YAML, or JSON (*.json).")
    Path manifest;

    @Option(names = "--reason", paramLabel = "WHY", defaultValue = "registered from a manifest",
        description = "Why (default: ${DEFAULT-VALUE}).")
    String reason;

    @Mixin
    ByOption by;

    @Override
    int run(AdminClient client) {
      ManifestResult result = ManifestValidator.create().validate(manifest);
      if (!(result instanceof ManifestResult.Valid valid)) {
        err().println(result.render());
        return result.exitCode();
      }
      VersionSpec spec = valid.spec();
      ObjectNode body = body(spec, manifest.getFileName() + ": " + reason, by.by);
      JsonNode answer = client.post(ModelCommand.path(spec.model()) + "/versions", body);
      if (!printedJson(answer)) {
        out().println("registered " + answer.path("id").asText() + " ("
            + answer.path("state").asText() + "); start a canary with: fulcrum rollout start "
            + spec.model() + " " + spec.version() + " --canary 10");
      }
      return 0;
    }
  }

  /** The register request for {@code spec}. */
  static ObjectNode body(VersionSpec spec, String reason, String by) {
    ObjectNode body = Json.object().put("version", spec.version()).put("by", by)
        .put("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
    body.putObject("artifact").put("uri", spec.artifact().uri())
        .put("sha256", spec.artifact().sha256());
    body.putObject("signature").<ObjectNode>set("input", parse(spec.signature().input()))
        .set("output", parse(spec.signature().output()));
    ObjectNode metadata = body.putObject("metadata").put("owner", spec.metadata().owner())
        .put("training_data", spec.metadata().trainingData());
    ObjectNode metrics = metadata.putObject("metrics");
    spec.metadata().metrics().forEach(metrics::put);
    ObjectNode labels = metadata.putObject("labels");
    spec.metadata().labels().forEach(labels::put);
    var routes = body.putArray("routes");
    for (Route route : spec.routes()) {
      routes.addObject().put("backend", route.backend()).put("model", route.upstreamModel())
          .put("input_usd_per_mtok", route.price().inputUsdPerMTok())
          .put("output_usd_per_mtok", route.price().outputUsdPerMTok());
    }
    return body;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
