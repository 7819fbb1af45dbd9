package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanProgressTest {
  static final long LARGE = ScanProgress.MIN_BYTES;

  @Test
  void showsTheShareReadTheBytesLinesAndSeconds() {
    assertThat(ScanProgress.line("big.txt", 4_500_000, 10_000_000, 41_230,
        Duration.ofMillis(3_250))).isEqualTo(
            "big.txt [#######---------]  45% 4.5/10.0 MB 41230 lines 3 s");
  }

  @Test
  void aLongNameKeepsItsEndAndTheLineStaysNarrowerThanATerminal() {
    String line = ScanProgress.line("/very/long/directory/name/for/some/data/chats-2026-11.jsonl",
        10_000_000, 10_000_000, 1_234_567, Duration.ofSeconds(120));

    assertThat(line).startsWith("…").contains("chats-2026-11.jsonl [####");
    assertThat(line).contains("100%").hasSizeLessThan(80);
  }

  @Test
  void onlyForALargeFileWhenStderrIsATerminal() {
    assertThat(ScanProgress.shown(LARGE, OutputFormat.TABLE, true, true)).isTrue();
    assertThat(ScanProgress.shown(LARGE - 1, OutputFormat.TABLE, true, true)).isFalse();
    assertThat(ScanProgress.shown(-1, OutputFormat.TABLE, true, true)).isFalse();
    assertThat(ScanProgress.shown(LARGE, OutputFormat.TABLE, false, true)).isFalse();
  }

  @Test
  void notWhileJsonOrCsvStreamToTheSameTerminal() {
    assertThat(ScanProgress.shown(LARGE, OutputFormat.JSON, true, true)).isFalse();
    assertThat(ScanProgress.shown(LARGE, OutputFormat.CSV, true, true)).isFalse();
    assertThat(ScanProgress.shown(LARGE, OutputFormat.CSV, true, false)).isTrue();
  }
}
