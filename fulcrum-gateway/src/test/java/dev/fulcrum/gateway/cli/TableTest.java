package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void alignsEveryColumnToItsWidestCellAndMarksEmptyCells() {
    String table = new Table("MODEL", "PROD", "STATUS").row("chat-small", "1", "serving")
        .row("x", "", "unavailable").render();

    assertThat(table.lines()).containsExactly(
        "MODEL       PROD  STATUS",
        "chat-small  1     serving",
        "x           -     unavailable");
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    assertThatThrownBy(() -> new Table("A", "B").row("1")).isInstanceOf(
        IllegalArgumentException.class);
  }
}
