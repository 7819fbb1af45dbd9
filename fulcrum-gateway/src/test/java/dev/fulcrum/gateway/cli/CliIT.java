package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.admin.AdminFixture;
import dev.fulcrum.gateway.admin.AdminHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code fulcrum model|rollout|kill} commands, run in-process against a real gateway. */
class CliIT {
  static AdminFixture fixture;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    fixture = AdminFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** What one command printed and returned. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code fulcrum ARGS} as an operator with the admin key and the gateway's URL. */
  static Run admin(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", "http://127.0.0.1:" + fixture.gateway.port(),
        "--admin-key", AdminHttp.ADMIN_KEY));
    return fulcrum(all.toArray(String[]::new));
  }

  static Run fulcrum(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new FulcrumCommand()).setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Run ok(Run run) {
    assertThat(run.exit()).as("exit code; out: %s err: %s", run.out(), run.err()).isZero();
    return run;
  }

  Path manifest(String model, String version) throws Exception {
    Path file = dir.resolve(model + "-" + version + ".yaml");
    Files.writeString(file, """
        model: %s
        version: "%s"
        artifact: { uri: "hf://test/%s", sha256: "%s" }
        signature: { input: { type: object }, output: { type: object } }
        metadata:
          owner: ml-platform
          training-data: s3://lake/chat@2026-11-01
          metrics: { win_rate: 0.62 }
        routes:
          - { backend: sim, model: simulated-chat, input-usd-per-mtok: 0.1, output-usd-per-mtok: 0.4 }
        """.formatted(model, version, version, "cd".repeat(32)));
    return file;
  }

  static long rolloutId(Run started) {
    String line = started.out().lines().findFirst().orElseThrow();
    return Long.parseLong(line.replaceAll("^\\D*(\\d+).*$", "$1"));
  }

  @Nested
  class Models {
    @Test
    void listPrintsAnAlignedTable() {
      Run run = ok(admin("model", "list"));

      List<String> lines = run.out().lines().toList();
      assertThat(lines.getFirst()).startsWith("MODEL").contains("PROD").contains("STATUS");
      String chat = lines.stream().filter(l -> l.startsWith("chat ")).findFirst().orElseThrow();
      assertThat(chat.indexOf("serving")).isEqualTo(lines.getFirst().indexOf("STATUS"));
    }

    @Test
    void jsonPrintsTheApiAnswer() throws Exception {
      Run run = ok(admin("model", "list", "--json"));

      JsonNode json = Json.MAPPER.readTree(run.out());
      assertThat(json.path("object").asText()).isEqualTo("list");
    }

    @Test
    void registersFromAManifestThenShowsPromotesAndRetires() throws Exception {
      String model = fixture.modelWithProd("cli-model");

      Run registered = ok(admin("model", "register", manifest(model, "2").toString()));
      Run promoted = ok(admin("model", "promote", model, "2", "--reason", "win rate +2%",
          "--by", "alice"));
      Run shown = ok(admin("model", "show", model));
      fixture.register(model, "3", "sim");
      Run retired = ok(admin("model", "retire", model, "3", "--reason", "never shipped"));
      Run history = ok(admin("model", "history", model));

      assertThat(registered.out()).contains("registered " + model + "@2 (REGISTERED)");
      assertThat(promoted.out()).contains(model + "@2 is prod now").contains("version 1 was "
          + "retired");
      assertThat(shown.out()).contains("aliases: prod → 2").contains("VERSION")
          .containsPattern("(?m)^2 +ACTIVE +prod");
      assertThat(retired.out()).contains(model + "@3 is RETIRED");
      assertThat(history.out()).contains("alice").contains("win rate +2%");
    }

    @Test
    void servedAtNamesTheVersionAndWhoSetIt() {
      String model = fixture.modelWithProd("cli-served");

      Run run = ok(admin("model", "served-at", model, "--alias", "prod", "--at",
          java.time.Instant.now().plusSeconds(1).toString()));

      assertThat(run.out()).contains(": version 1").contains("until now").contains("first "
          + "release");
    }

    @Test
    void aRefusalPrintsTheServersMessageAndExits1() throws Exception {
      String model = fixture.modelWithProd("cli-refused");

      Run unknown = admin("model", "show", "no-such-model");
      Run twice = admin("model", "register", manifest(model, "1").toString());
      Run retireProd = admin("model", "retire", model, "1", "--reason", "x");

      assertThat(unknown.exit()).isEqualTo(1);
      assertThat(unknown.err()).contains("model 'no-such-model' is not registered");
      assertThat(twice.exit()).isEqualTo(1);
      assertThat(twice.err()).contains(model + "@1");
      assertThat(retireProd.exit()).isEqualTo(1);
      assertThat(retireProd.err()).contains("promote another version first");
    }

    @Test
    void aChangeWithoutAReasonIsAUsageError() {
      Run run = admin("model", "promote", "chat", "1");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("--reason");
    }
  }

  @Nested
  class Validate {
    @Test
    void aValidManifestExits0WithoutAServer() throws Exception {
      Run run = ok(fulcrum("model", "validate", manifest("any-model", "7").toString()));

      assertThat(run.out()).contains("valid any-model@7");
    }

    @Test
    void everyProblemIsPrintedAndTheExitCodeIs1() throws Exception {
      Path bad = dir.resolve("bad.yaml");
      Files.writeString(bad, """
          model: churn
          version: 1.5
          artifact: { uri: "s3://bucket/churn.onnx", sha256: "nope" }
          metadata: { owner: ml }
          routes: []
          """);

      Run run = fulcrum("model", "validate", bad.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("version:").contains("artifact.sha256")
          .contains("signature").contains("metadata.training-data").contains("routes");
    }

    @Test
    void registerRefusesAnInvalidManifestBeforeCallingTheServer() throws Exception {
      Path bad = dir.resolve("bad.yaml");
      Files.writeString(bad, "model: x\n");

      Run run = fulcrum("model", "register", bad.toString(), "--url", "http://127.0.0.1:9");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("version: is missing").doesNotContain("cannot reach");
    }
  }

  @Nested
  class Rollouts {
    String modelWithCandidate(String prefix) {
      String model = fixture.modelWithProd(prefix);
      fixture.register(model, "2", "sim");
      return model;
    }

    @Test
    void startShowsTheRolloutAndStatusShowsWindowGuardsAndPolicy() {
      String model = modelWithCandidate("cli-canary");

      Run started = ok(admin("rollout", "start", model, "2", "--canary", "50", "--shadow",
          "0.1", "--error-rate", "0.1", "--p95-ms", "800", "--window", "30s",
          "--min-samples", "5", "--healthy-for", "20s"));
      long id = rolloutId(started);
      Run status = ok(admin("rollout", "status", Long.toString(id)));
      Run all = ok(admin("rollout", "status"));

      assertThat(started.out()).contains("started rollout " + id + " RUNNING (" + model
          + " 1 → 2, canary 50%, shadow 0.1)").contains("error_rate ≤ 0.1, p95 ≤ 800 ms")
          .contains("window 30s");
      assertThat(status.out()).contains("split:   canary 50%, shadow 0.1")
          .contains("baseline").contains("candidate").contains("REQUESTS")
          .containsPattern("error_rate +INSUFFICIENT_DATA");
      assertThat(all.out()).startsWith("ID").containsPattern("(?m)^" + id + " +" + model);
    }

    @Test
    void promoteRollbackAndAbortEndRollouts() {
      String promoted = modelWithCandidate("cli-promote");
      String rolledBack = modelWithCandidate("cli-rollback");
      String aborted = modelWithCandidate("cli-abort");

      Run p = ok(admin("rollout", "promote", Long.toString(rolloutId(ok(admin("rollout",
          "start", promoted, "2", "--canary", "10")))), "--reason", "good"));
      Run r = ok(admin("rollout", "rollback", Long.toString(rolloutId(ok(admin("rollout",
          "start", rolledBack, "2", "--canary", "10")))), "--reason", "bad"));
      Run a = ok(admin("rollout", "abort", Long.toString(rolloutId(ok(admin("rollout",
          "start", aborted, "2", "--canary", "10", "--pending")))), "--reason", "later"));

      assertThat(p.out()).contains("PROMOTED").contains("the candidate is prod");
      assertThat(fixture.servedVersion(promoted, "u")).isEqualTo(promoted + "@2");
      assertThat(r.out()).contains("ROLLED_BACK");
      assertThat(fixture.servedVersion(rolledBack, "u")).isEqualTo(rolledBack + "@1");
      assertThat(a.out()).contains("ABORTED");
    }

    @Test
    void splitAndHistory() {
      String model = modelWithCandidate("cli-split");
      long id = rolloutId(ok(admin("rollout", "start", model, "2", "--canary", "5")));

      Run split = ok(admin("rollout", "split", Long.toString(id), "--canary", "100"));
      Run history = ok(admin("rollout", "history", Long.toString(id)));

      assertThat(split.out()).contains("canary 100%");
      assertThat(fixture.servedVersion(model, "anyone")).isEqualTo(model + "@2");
      assertThat(history.out()).contains("created").contains("PENDING → RUNNING")
          .contains("split_changed");
    }

    @Test
    void watchStopsWhenTheRolloutEndsAndGivesUpAfterItsTimeout() {
      String model = modelWithCandidate("cli-watch");
      long id = rolloutId(ok(admin("rollout", "start", model, "2", "--canary", "10")));

      Run timedOut = admin("rollout", "status", Long.toString(id), "--watch", "--interval",
          "50ms", "--timeout", "120ms");
      ok(admin("rollout", "rollback", Long.toString(id)));
      Run ended = ok(admin("rollout", "status", Long.toString(id), "--watch", "--interval",
          "50ms"));

      assertThat(timedOut.exit()).isEqualTo(1);
      assertThat(timedOut.out()).contains("RUNNING");
      assertThat(timedOut.err()).contains("still RUNNING");
      assertThat(ended.out().lines().filter(l -> l.contains("ROLLED_BACK"))).isNotEmpty();
    }

    @Test
    void anUnknownRolloutIsExit1WithTheServersMessage() {
      Run run = admin("rollout", "status", "987654");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("no rollout 987654");
    }
  }

  @Nested
  class Kill {
    @Test
    void offTakesEffectAtOnceListShowsItAndOnRestoresTraffic() {
      String model = fixture.modelWithProd("cli-kill");

      Run off = ok(admin("kill", "off", "--model", model, "--reason", "incident 7"));
      int whileOff = fixture.admin.chat(model, "u").statusCode();
      Run list = ok(admin("kill", "list"));
      Run on = ok(admin("kill", "on", "--model", model, "--reason", "fixed"));
      Run history = ok(admin("kill", "history"));

      assertThat(off.out()).contains("model " + model + " is switched off");
      assertThat(whileOff).isEqualTo(503);
      assertThat(list.out()).startsWith("TARGET").contains("model " + model)
          .contains("incident 7");
      assertThat(on.out()).contains("switched back on");
      assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@1");
      assertThat(history.out()).containsPattern("model " + model + " +off")
          .containsPattern("model " + model + " +on");
    }

    @Test
    void aVersionSwitchFallsBackToThePreviousProd() {
      String model = fixture.modelWithProd("cli-kill-version");
      fixture.register(model, "2", "sim");
      ok(admin("model", "promote", model, "2", "--reason", "v2"));

      ok(admin("kill", "off", "--version", model + "@2", "--reason", "bad answers"));

      assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@1");
      ok(admin("kill", "on", "--version", model + "@2", "--reason", "fixed"));
      assertThat(fixture.servedVersion(model, "u")).isEqualTo(model + "@2");
    }

    @Test
    void exactlyOneTargetIsRequired() {
      Run two = admin("kill", "off", "--model", "chat", "--backend", "sim", "--reason", "x");
      Run none = admin("kill", "off", "--reason", "x");
      Run badVersion = admin("kill", "off", "--version", "chat", "--reason", "x");

      assertThat(two.exit()).isEqualTo(2);
      assertThat(none.exit()).isEqualTo(2);
      assertThat(badVersion.exit()).isEqualTo(1);
      assertThat(badVersion.err()).contains("MODEL@VERSION");
      assertThat(fixture.servedVersion("chat", "u")).isEqualTo("chat@1");
    }
  }

  @Nested
  class Connection {
    @Test
    void withoutAnAdminKeyTheServersRefusalAndAHintArePrinted() {
      Run run = fulcrum("model", "list", "--url", "http://127.0.0.1:" + fixture.gateway.port(),
          "--admin-key", "");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("admin key").contains("FULCRUM_ADMIN_KEY");
    }

    @Test
    void anUnreachableServerIsExplained() {
      Run run = fulcrum("model", "list", "--url", "http://127.0.0.1:9", "--admin-key", "k");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).contains("cannot reach Fulcrum at http://127.0.0.1:9")
          .contains("FULCRUM_URL");
    }
  }
}
