package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanReportTest {
  static final Finding EMAIL = new Finding(2, "", new Entity(EntityType.EMAIL_ADDRESS, 5, 20,
      1.0), "bob@example.com");
  static final Finding PERSON = new Finding(3, "", new Entity(EntityType.PERSON, 0, 10,
      0.87654), "John Smith");
  static final ScanSummary SUMMARY = new ScanSummary(4, 2,
      Map.of(EntityType.PERSON, 1L, EntityType.EMAIL_ADDRESS, 1L), List.of());

  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  String report(OutputFormat format, InputFormat input, ValueDisplay values,
      ScanSummary summary, Finding... findings) {
    ScanReport report = ScanReport.create(format, new ScanReport.Settings("people.txt", input,
        values), new PrintWriter(out, true), new PrintWriter(err, true));
    for (Finding f : findings) {
      report.add(f);
    }
    report.end(summary);
    return out.toString();
  }

  @Test
  void aTextTableHasNoFieldColumnMasksValuesAndEndsWithCountsByType() {
    String table = report(OutputFormat.TABLE, InputFormat.TEXT, ValueDisplay.MASKED, SUMMARY,
        EMAIL, PERSON);

    assertThat(table.lines()).containsExactly(
        "LINE  TYPE           START  END  SCORE  VALUE",
        "2     EMAIL_ADDRESS  5      20   1.00   b***m",
        "3     PERSON         0      10   0.88   J***h",
        "",
        "2 findings in 2 of 4 lines of people.txt",
        "TYPE           COUNT",
        "EMAIL_ADDRESS  1",
        "PERSON         1");
  }

  @Test
  void aJsonLinesTableNamesTheFieldAndShowsValuesOnRequest() {
    Finding inField = new Finding(9, "messages[0].content", EMAIL.entity(), "bob@example.com");
    ScanSummary one = new ScanSummary(9, 1, Map.of(EntityType.EMAIL_ADDRESS, 1L), List.of());

    String table = report(OutputFormat.TABLE, InputFormat.JSONL, ValueDisplay.SHOWN, one,
        inField);

    assertThat(table.lines().toList().subList(0, 2)).containsExactly(
        "LINE  FIELD                TYPE           START  END  SCORE  VALUE",
        "9     messages[0].content  EMAIL_ADDRESS  5      20   1.00   bob@example.com");
    assertThat(table).contains("1 finding in 1 of 9 lines of people.txt");
  }

  @Test
  void nothingFoundIsOneLine() {
    String table = report(OutputFormat.TABLE, InputFormat.TEXT, ValueDisplay.MASKED,
        new ScanSummary(1, 0, Map.of(), List.of()));

    assertThat(table.lines()).containsExactly("no PII found in 1 line of people.txt");
  }

  @Test
  void jsonIsOneDocumentWithFindingsAndSummary() throws Exception {
    ScanSummary withBadLine = new ScanSummary(4, 2, SUMMARY.counts(),
        List.of(new ScanSummary.Unreadable(4, "not valid JSON at column 3")));

    JsonNode json = Json.MAPPER.readTree(report(OutputFormat.JSON, InputFormat.TEXT,
        ValueDisplay.MASKED, withBadLine, EMAIL, PERSON));

    assertThat(json.path("source").asText()).isEqualTo("people.txt");
    assertThat(json.path("input").asText()).isEqualTo("text");
    assertThat(json.path("values").asText()).isEqualTo("masked");
    JsonNode first = json.path("findings").get(0);
    assertThat(first.toString()).isEqualTo("{\"line\":2,\"field\":null,\"type\":\"EMAIL_ADDRESS\","
        + "\"start\":5,\"end\":20,\"score\":1.0,\"value\":\"b***m\"}");
    assertThat(json.path("findings").get(1).path("score").asDouble()).isEqualTo(0.877);
    JsonNode summary = json.path("summary");
    assertThat(summary.path("lines").asLong()).isEqualTo(4);
    assertThat(summary.path("lines_with_findings").asLong()).isEqualTo(2);
    assertThat(summary.path("findings").asLong()).isEqualTo(2);
    assertThat(summary.path("counts").toString())
        .isEqualTo("{\"EMAIL_ADDRESS\":1,\"PERSON\":1}");
    assertThat(summary.path("unreadable").toString())
        .isEqualTo("[{\"line\":4,\"reason\":\"not valid JSON at column 3\"}]");
  }

  @Test
  void jsonEscapesEverythingOutsideAscii() {
    Finding accented = new Finding(1, "", new Entity(EntityType.PERSON, 0, 8, 0.9), "Zoë Lund");

    String json = report(OutputFormat.JSON, InputFormat.TEXT, ValueDisplay.SHOWN, SUMMARY,
        accented);

    assertThat(json).containsIgnoringCase("\"value\":\"Zo\\u00eb Lund\"")
        .doesNotContain("ë");
  }

  @Test
  void csvQuotesCellsThatNeedItAndPutsTheSummaryOnStderr() {
    Finding quoted = new Finding(1, "a,b", new Entity(EntityType.SECRET, 0, 6, 0.95),
        "x\"y,z");

    String csv = report(OutputFormat.CSV, InputFormat.JSONL, ValueDisplay.SHOWN, SUMMARY,
        quoted, EMAIL);

    assertThat(csv).isEqualTo("line,field,type,start,end,score,value\r\n"
        + "1,\"a,b\",SECRET,0,6,0.95,\"x\"\"y,z\"\r\n"
        + "2,,EMAIL_ADDRESS,5,20,1.0,bob@example.com\r\n");
    assertThat(err.toString()).startsWith("2 findings in 2 of 4 lines of people.txt");
  }

  @Test
  void stdinIsCalledSo() {
    assertThat(SUMMARY.text("-")).startsWith("2 findings in 2 of 4 lines of stdin");
  }
}
