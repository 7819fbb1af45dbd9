package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that talk to the admin API: the connection options, the output streams
 * picocli was given (so tests can capture them), and one way of failing: the server's message on
 * stderr and exit code 1.
 */
abstract class AdminCommand implements Callable<Integer> {
  @Mixin
  AdminOptions options;

  @Spec
  CommandSpec spec;

  /** Does the work; returns the exit code. */
  abstract int run(AdminClient client);

  @Override
  public final Integer call() {
    try {
      return run(options.client());
    } catch (AdminCallException e) {
      err().println("fulcrum: " + e.getMessage());
      err().flush();
      return 1;
    } finally {
      out().flush();
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints {@code answer} as JSON when {@code --json} was given; returns whether it did. */
  boolean printedJson(JsonNode answer) {
    if (options.json) {
      out().println(answer.toPrettyString());
    }
    return options.json;
  }

  /** {@code {"by": …, "reason": …}}. */
  static ObjectNode change(String by, String reason) {
    return Json.object().put("by", by).put("reason", reason);
  }
}
