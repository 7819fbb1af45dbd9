package dev.fulcrum.gateway.cli;

import static dev.fulcrum.gateway.cli.CliIT.fulcrum;
import static dev.fulcrum.gateway.cli.CliIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.controlplane.tenant.ApiKeyHash;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.gateway.cli.CliIT.Run;
import dev.fulcrum.gateway.testing.TestGateway;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fulcrum pii scan}, run in-process with the gateway's real detector (patterns and the
 * name model) on temporary files.
 */
class PiiScanIT {
  static final String TEXT = """
      Hello, nothing to see here.
      Mail bob@example.com or call +1 415 555 0100.
      My name is John Smith and I live in Paris.

      deploy key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD
      """;
  static final String JSONL = """
      {"id": 1, "messages": [{"role": "user", "content": "I am Alice Johnson, mail alice@corp.com"}], \
      "meta": {"ip": "10.1.2.3"}}
      {"id": 2, "messages": [{"role": "user", "content": "nothing here"}]}
      {"id": 3, "prompt": "card 4111 1111 1111 1111"}
      """;

  @TempDir
  Path dir;

  Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  static JsonNode json(Run run) throws Exception {
    return Json.MAPPER.readTree(run.out());
  }

  /** A config whose privacy section is {@code privacy}, valid for a gateway and the CLI. */
  static String config(String privacy) {
    return """
        privacy: %s
        backends: [ { name: sim, kind: simulated, placement: CLOUD } ]
        models: [ { name: chat, routes: [ { backend: sim, model: simulated-chat } ] } ]
        tenants: [ { id: acme, api-keys: [ "%s" ] } ]
        """.formatted(privacy, ApiKeyHash.of(TestGateway.KEY));
  }

  @Nested
  class Text {
    @Test
    void printsATableOfMaskedFindingsWithLineNumbersThenCountsByType() throws Exception {
      Path people = file("people.txt", TEXT);

      Run run = ok(fulcrum("pii", "scan", people.toString()));

      List<String> lines = run.out().lines().toList();
      assertThat(lines.getFirst()).isEqualTo("LINE  TYPE           START  END  SCORE  VALUE");
      assertThat(lines).contains("2     EMAIL_ADDRESS  5      20   1.00   b***m",
          "2     PHONE_NUMBER   29     44   0.90   +***0");
      assertThat(run.out()).containsPattern("(?m)^3 +PERSON +11 +21 ")
          .containsPattern("(?m)^5 +SECRET +11 ")
          .doesNotContain("bob@example.com").doesNotContain("John Smith")
          .containsPattern("findings in 3 of 5 lines of .*people.txt")
          .containsPattern("(?m)^EMAIL_ADDRESS +1$").containsPattern("(?m)^SECRET +1$");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void showValuesPrintsTheValuesFound() throws Exception {
      Run run = ok(fulcrum("pii", "scan", file("people.txt", TEXT).toString(),
          "--show-values"));

      assertThat(run.out()).contains("bob@example.com").contains("+1 415 555 0100")
          .contains("John Smith");
    }

    @Test
    void jsonHasEveryFindingAndTheSummary() throws Exception {
      JsonNode json = json(ok(fulcrum("pii", "scan", file("people.txt", TEXT).toString(),
          "--format", "json")));

      JsonNode first = json.path("findings").get(0);
      assertThat(first.path("line").asInt()).isEqualTo(2);
      assertThat(first.path("field").isNull()).isTrue();
      assertThat(first.path("type").asText()).isEqualTo("EMAIL_ADDRESS");
      assertThat(first.path("value").asText()).isEqualTo("b***m");
      assertThat(json.path("summary").path("lines").asInt()).isEqualTo(5);
      assertThat(json.path("summary").path("lines_with_findings").asInt()).isEqualTo(3);
      assertThat(json.path("summary").path("counts").path("PHONE_NUMBER").asInt()).isEqualTo(1);
      assertThat(json.path("summary").path("findings").asInt())
          .isEqualTo(json.path("findings").size());
    }

    @Test
    void csvHasAHeaderAndARowPerFindingAndNothingElse() throws Exception {
      Run run = ok(fulcrum("pii", "scan", file("people.txt", TEXT).toString(), "--format",
          "csv"));

      List<String> rows = run.out().lines().toList();
      assertThat(rows.getFirst()).isEqualTo("line,field,type,start,end,score,value");
      assertThat(rows).contains("2,,EMAIL_ADDRESS,5,20,1.0,b***m");
      assertThat(rows).allMatch(row -> row.split(",").length == 7);
      assertThat(run.err()).contains("findings in 3 of 5 lines");
    }
  }

  @Nested
  class JsonLines {
    @Test
    void aJsonlFileIsReadAsJsonAndEachFindingNamesItsField() throws Exception {
      Run run = ok(fulcrum("pii", "scan", file("chats.jsonl", JSONL).toString()));

      assertThat(run.out().lines().findFirst().orElseThrow())
          .isEqualTo("LINE  FIELD                TYPE           START  END  SCORE  VALUE");
      assertThat(run.out()).containsPattern("(?m)^1 +messages\\[0]\\.content +PERSON +5 +18 ")
          .containsPattern("(?m)^1 +messages\\[0]\\.content +EMAIL_ADDRESS +25 +39 ")
          .containsPattern("(?m)^1 +meta\\.ip +IP_ADDRESS +0 +8 ")
          .containsPattern("(?m)^3 +prompt +CREDIT_CARD +5 +24 +1\\.00 +4\\*\\*\\*1$");
    }

    @Test
    void fieldLimitsTheScanToThoseValues() throws Exception {
      JsonNode json = json(ok(fulcrum("pii", "scan", file("chats.jsonl", JSONL).toString(),
          "--field", "messages.content", "--field", "prompt", "--format", "json")));

      List<String> fields = new ArrayList<>();
      json.path("findings").forEach(f -> fields.add(f.path("field").asText()));
      assertThat(fields).containsOnly("messages[0].content", "prompt").contains("prompt");
      assertThat(json.path("summary").path("counts").has("IP_ADDRESS")).isFalse();
    }

    @Test
    void stdinIsReadWithADashAndFormatIn() throws Exception {
      InputStream stdin = System.in;
      Run run;
      try {
        System.setIn(new ByteArrayInputStream(JSONL.getBytes(StandardCharsets.UTF_8)));
        run = ok(fulcrum("pii", "scan", "-", "--format-in", "jsonl", "--format", "json"));
      } finally {
        System.setIn(stdin);
      }

      JsonNode json = json(run);
      assertThat(json.path("source").asText()).isEqualTo("-");
      assertThat(json.path("input").asText()).isEqualTo("jsonl");
      assertThat(json.path("summary").path("counts").path("CREDIT_CARD").asInt()).isEqualTo(1);
    }

    @Test
    void linesThatAreNotJsonAreListedAndSkippedTheRestIsReportedAndTheExitIs2()
        throws Exception {
      Path broken = file("broken.jsonl", JSONL + "{\"prompt\": \"mail me at x@y.com\"\n"
          + "{\"prompt\": \"card 4111 1111 1111 1111\"}\n");

      Run table = fulcrum("pii", "scan", broken.toString());
      JsonNode json = json(fulcrum("pii", "scan", broken.toString(), "--format", "json"));

      assertThat(table.exit()).isEqualTo(2);
      assertThat(table.out()).containsPattern("(?m)^5 +prompt +CREDIT_CARD ");
      assertThat(table.err()).contains("line 4: not valid JSON at column 32; skipped")
          .contains("1 of 5 lines are not JSON and were not scanned")
          .doesNotContain("x@y.com");
      assertThat(json.path("summary").path("unreadable").toString())
          .isEqualTo("[{\"line\":4,\"reason\":\"not valid JSON at column 32\"}]");
    }
  }

  @Nested
  class FailOn {
    @Test
    void exits1WhenANamedTypeIsFoundAndSaysWhich() throws Exception {
      Path people = file("people.txt", TEXT);

      Run secret = fulcrum("pii", "scan", people.toString(), "--fail-on", "secret,US_SSN");
      Run any = fulcrum("pii", "scan", people.toString(), "--fail-on", "any");

      assertThat(secret.exit()).isEqualTo(1);
      assertThat(secret.out()).contains("SECRET");
      assertThat(secret.err()).contains("found SECRET (--fail-on secret,US_SSN)");
      assertThat(any.exit()).isEqualTo(1);
      assertThat(any.err()).contains("found EMAIL_ADDRESS, PHONE_NUMBER, SECRET, PERSON");
    }

    @Test
    void exits0WhenNoneOfThemIsFound() throws Exception {
      Run ssn = ok(fulcrum("pii", "scan", file("people.txt", TEXT).toString(),
          "--fail-on", "US_SSN", "--fail-on", "IBAN_CODE"));
      Run clean = ok(fulcrum("pii", "scan", file("clean.txt", "just words\n").toString(),
          "--fail-on", "any"));

      assertThat(ssn.err()).isEmpty();
      assertThat(clean.out()).isEqualTo("no PII found in 1 line of " + dir.resolve("clean.txt")
          + System.lineSeparator());
    }
  }

  @Nested
  class Errors {
    @Test
    void aMissingFileOrADirectoryIsExit2WithTheReason() {
      Run missing = fulcrum("pii", "scan", dir.resolve("nope.txt").toString());
      Run directory = fulcrum("pii", "scan", dir.toString(), "--format", "csv");

      assertThat(missing.exit()).isEqualTo(2);
      assertThat(missing.err()).isEqualTo("fulcrum pii scan: no such file: "
          + dir.resolve("nope.txt") + System.lineSeparator());
      assertThat(missing.out()).isEmpty();
      assertThat(directory.exit()).isEqualTo(2);
      assertThat(directory.out()).isEmpty();
      assertThat(directory.err()).isEqualTo("fulcrum pii scan: cannot read " + dir
          + ": it is a directory; name a file" + System.lineSeparator());
    }

    @Test
    void usageErrorsAreExit2AndNameTheOption() throws Exception {
      Path people = file("people.txt", TEXT);

      Run unknownType = fulcrum("pii", "scan", people.toString(), "--fail-on", "EMAIL");
      Run fieldOnText = fulcrum("pii", "scan", people.toString(), "--field", "prompt");
      Run badFormat = fulcrum("pii", "scan", people.toString(), "--format", "xml");

      assertThat(unknownType.exit()).isEqualTo(2);
      assertThat(unknownType.err()).contains("unknown entity type 'EMAIL'");
      assertThat(fieldOnText.exit()).isEqualTo(2);
      assertThat(fieldOnText.err()).contains("--field applies to JSON Lines input");
      assertThat(badFormat.exit()).isEqualTo(2);
      assertThat(badFormat.err()).contains("--format");
    }

    @Test
    void anUnreadableConfigIsExit2() throws Exception {
      Run run = fulcrum("pii", "scan", file("people.txt", TEXT).toString(), "--config",
          dir.resolve("missing.yaml").toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("cannot read the config file");
    }
  }

  /** The CLI builds its detector where the gateway does, so both find the same entities. */
  @Nested
  class SameAsTheGateway {
    static final List<String> LINES = List.of(
        "Mail bob@example.com or call +1 415 555 0100.",
        "My name is John Smith and I live in Paris, France.",
        "card 4111 1111 1111 1111, ssn 078-05-1120, IBAN DE89 3704 0044 0532 0130 00",
        "login from 10.0.0.12 via https://example.org/reset?token=abc",
        "Dr. Maria Garcia of Acme Corp met the Canadian delegation on 12 March 2024.",
        "deploy key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD");

    @Test
    void findsExactlyWhatTheAnalyzeEndpointFinds() throws Exception {
      assertSameAsGateway("{ min-score: 0.5 }");
    }

    @Test
    void followsTheConfigsPrivacySettings() throws Exception {
      JsonNode json = assertSameAsGateway("{ names: false, min-score: 0.8 }");

      assertThat(json.path("summary").path("counts").has("PERSON")).isFalse();
      json.path("findings").forEach(f -> assertThat(f.path("score").asDouble())
          .isGreaterThanOrEqualTo(0.8));
    }

    JsonNode assertSameAsGateway(String privacy) throws Exception {
      Path config = file("fulcrum.yaml", config(privacy));
      Path text = file("lines.txt", String.join("\n", LINES) + "\n");

      JsonNode json = json(ok(fulcrum("pii", "scan", text.toString(), "--config",
          config.toString(), "--format", "json")));

      List<List<String>> fromCli = new ArrayList<>();
      List<List<String>> fromGateway = new ArrayList<>();
      LINES.forEach(line -> fromCli.add(new ArrayList<>()));
      json.path("findings").forEach(f -> fromCli.get(f.path("line").asInt() - 1).add(
          entity(f)));
      try (TestGateway gateway = TestGateway.start(config(privacy), Map.of())) {
        for (String line : LINES) {
          var answer = gateway.post("/v1/privacy/analyze",
              Json.MAPPER.writeValueAsString(Map.of("text", line)));
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
          List<String> entities = new ArrayList<>();
          Json.MAPPER.readTree(answer.body()).path("entities").forEach(e ->
              entities.add(entity(e)));
          fromGateway.add(entities);
        }
      }
      assertThat(fromCli).isEqualTo(fromGateway);
      assertThat(fromCli.stream().mapToInt(List::size).sum()).isGreaterThan(LINES.size());
      return json;
    }

    static String entity(JsonNode e) {
      return e.path("type").asText() + " " + e.path("start").asInt() + "-"
          + e.path("end").asInt() + " " + e.path("score").asDouble();
    }
  }
}
