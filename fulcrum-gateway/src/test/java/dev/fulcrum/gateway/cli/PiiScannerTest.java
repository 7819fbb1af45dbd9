package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PiiScannerTest {
  /** Finds "alice" as a PERSON and "s3cr3t" as a SECRET, wherever they occur. */
  static final Recognizer WORDS = (text, out) -> {
    find(text.toString(), "alice", EntityType.PERSON, out);
    find(text.toString(), "s3cr3t", EntityType.SECRET, out);
  };
  static final PiiDetector DETECTOR = PiiDetector.builder().recognizer(WORDS).build();

  static void find(String text, String word, EntityType type, List<Entity> out) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      out.add(new Entity(type, at, at + word.length(), 0.9));
    }
  }

  record Result(ScanSummary summary, List<String> findings, List<Long> progress) {}

  static Result scan(InputFormat format, JsonFields fields, int threads, String input)
      throws IOException {
    List<String> findings = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    ScanSummary summary = new PiiScanner(DETECTOR, format, fields, threads).scan(
        new BufferedReader(new StringReader(input)),
        f -> findings.add(f.line() + " " + f.field() + " " + f.entity().type() + " "
            + f.entity().start() + "-" + f.entity().end() + " " + f.value()),
        progress::add);
    return new Result(summary, findings, progress);
  }

  @Test
  void textFindingsCarryTheirLineNumberAndOffsetsWithinTheLine() throws IOException {
    Result r = scan(InputFormat.TEXT, JsonFields.all(), 1,
        "nothing\r\nhi alice, s3cr3t\n\nalice\n");

    assertThat(r.findings()).containsExactly("2  PERSON 3-8 alice", "2  SECRET 10-16 s3cr3t",
        "4  PERSON 0-5 alice");
    assertThat(r.summary().lines()).isEqualTo(4);
    assertThat(r.summary().linesWithFindings()).isEqualTo(2);
    assertThat(r.summary().counts()).isEqualTo(Map.of(EntityType.PERSON, 2L,
        EntityType.SECRET, 1L));
    assertThat(r.summary().unreadable()).isEmpty();
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
    Result r = scan(InputFormat.JSONL, JsonFields.all(), 1, "\uFEFF{\"a\":\"alice\"}\n");

    assertThat(r.findings()).containsExactly("1 a PERSON 0-5 alice");
    assertThat(r.summary().unreadable()).isEmpty();
  }

  @Test
  void jsonLinesFindingsNameTheFieldAndOnlySelectedFieldsAreScanned() throws IOException {
    String input = """
        {"user": "alice", "messages": [{"content": "s3cr3t"}, {"content": "to alice"}]}
        {"user": "s3cr3t"}
        """;

    Result all = scan(InputFormat.JSONL, JsonFields.all(), 1, input);
    Result contents = scan(InputFormat.JSONL, JsonFields.of(List.of("messages.content")), 1,
        input);

    assertThat(all.findings()).containsExactly("1 user PERSON 0-5 alice",
        "1 messages[0].content SECRET 0-6 s3cr3t", "1 messages[1].content PERSON 3-8 alice",
        "2 user SECRET 0-6 s3cr3t");
    assertThat(contents.findings()).containsExactly("1 messages[0].content SECRET 0-6 s3cr3t",
        "1 messages[1].content PERSON 3-8 alice");
    assertThat(contents.summary().linesWithFindings()).isEqualTo(1);
  }

  @Test
  void aLineThatIsNotJsonIsRecordedWithWhereItBreaksAndTheRestIsScanned() throws IOException {
    Result r = scan(InputFormat.JSONL, JsonFields.all(), 1, """
        {"a": "alice"}
        {"a": alice}

        {"a": "x"} {"b": "alice"}
        "alice"
        """);

    assertThat(r.findings()).containsExactly("1 a PERSON 0-5 alice", "5  PERSON 0-5 alice");
    assertThat(r.summary().unreadable()).containsExactly(
        new ScanSummary.Unreadable(2, "not valid JSON at column 12"),
        new ScanSummary.Unreadable(4, "not valid JSON at column 12"));
    assertThat(r.summary().lines()).isEqualTo(5);
  }

  @Test
  void manyThreadsGiveTheSameFindingsInTheSameOrderAsOne() throws IOException {
    String input = IntStream.rangeClosed(1, 1_000).mapToObj(i -> i % 7 == 0 ? "alice " + i
        : i % 11 == 0 ? "s3cr3t" : "line " + i).collect(Collectors.joining("\n"));

    Result one = scan(InputFormat.TEXT, JsonFields.all(), 1, input);
    Result four = scan(InputFormat.TEXT, JsonFields.all(), 4, input);

    assertThat(four.findings()).isEqualTo(one.findings()).hasSize(142 + 90 - 12);
    assertThat(four.summary()).isEqualTo(one.summary());
  }

  @Test
  void progressCountsLinesReadBatchByBatch() throws IOException {
    String input = "x\n".repeat(PiiScanner.BATCH * 2 + 1);

    Result r = scan(InputFormat.TEXT, JsonFields.all(), 2, input);

    assertThat(r.progress()).containsExactly((long) PiiScanner.BATCH,
        PiiScanner.BATCH * 2L, PiiScanner.BATCH * 2L + 1);
  }

  @Test
  void aFailingRecognizerFailsTheScan() {
    PiiDetector broken = PiiDetector.builder().recognizer((text, out) -> {
      throw new IllegalStateException("bug");
    }).build();

    assertThatThrownBy(() -> new PiiScanner(broken, InputFormat.TEXT, JsonFields.all(), 2)
        .scan(new BufferedReader(new StringReader("a\nb\n")), f -> {}, n -> {}))
        .isInstanceOf(PrivacyScanException.class);
  }
}
