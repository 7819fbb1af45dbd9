package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
  StringWriter text = new StringWriter();
  PrintWriter err = new PrintWriter(text);

  @Test
  void inPlaceRedrawsOneLineOverItselfAndErasesItWhenClosed() throws Exception {
    CountDownLatch ticks = new CountDownLatch(2);
    Progress progress = Progress.inPlace(err, Duration.ofMillis(1), elapsed -> {
      ticks.countDown();
      return ticks.getCount() == 1 ? "abcd" : "ab";
    });
    assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
    progress.close();

    assertThat(text.toString()).startsWith("\rabcd\rab  ").endsWith("\r  \r")
        .doesNotContain("\n");
  }

  @Test
  void workThatEndsBeforeTheFirstTickPrintsNothing() {
    Progress.inPlace(err, Duration.ofHours(1), elapsed -> "x").close();

    assertThat(text.toString()).isEmpty();
  }
}
