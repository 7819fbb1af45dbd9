package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCountingWriterTest {
  @Test
  void reportsEveryNthLineAndPassesTextThrough() throws IOException {
    StringWriter target = new StringWriter();
    List<Long> reports = new ArrayList<>();
    try (LineCountingWriter writer = new LineCountingWriter(target, 2, reports::add)) {
      writer.write("a\nb\n");
      writer.write('c');
      writer.write('\n');
      writer.write("d\ne\n".toCharArray());
    }

    assertThat(target.toString()).isEqualTo("a\nb\nc\nd\ne\n");
    assertThat(reports).containsExactly(2L, 4L);
  }
}
