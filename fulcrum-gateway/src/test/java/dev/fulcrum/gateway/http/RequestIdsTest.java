package dev.fulcrum.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void startsWithTheEpochMillisecondInHexThenTwelveRandomDigits() {
    assertThat(RequestIds.of(0x0123_4567_89abL, 0xfedc_ba98_7654_3210L))
        .isEqualTo("req_0123456789ab" + "ba9876543210");
  }

  @Test
  void laterIdsSortAfterEarlierOnes() {
    List<String> ids = new ArrayList<>();
    for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 5_000; ms += 999) {
      ids.add(RequestIds.of(ms, -ms)); // a random part that falls as time rises
    }
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(RequestIds.next()).matches("req_[0-9a-f]{24}");
  }
}
