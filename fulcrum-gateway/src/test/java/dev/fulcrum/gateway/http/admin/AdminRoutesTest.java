package dev.fulcrum.gateway.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Path patterns and durations, the two small languages of the admin API. */
class AdminRoutesTest {
  static String match(String path, String requested, String group) {
    var m = Pattern.compile(AdminRoutes.regex(path)).matcher(requested);
    return m.matches() ? m.group(group) : null;
  }

  @Test
  void aModelParameterSpansSlashesButAVersionIsOneSegment() {
    String path = "/admin/v1/models/{model}/versions/{version}/promote";

    assertThat(match(path, "/admin/v1/models/meta-llama/x/versions/3/promote", "model"))
        .isEqualTo("meta-llama/x");
    assertThat(match(path, "/admin/v1/models/meta-llama%2Fx/versions/3/promote", "version"))
        .isEqualTo("3");
    assertThat(match(path, "/admin/v1/models/m/versions/3/4/promote", "version")).isNull();
  }

  @Test
  void aTrailingSlashIsAccepted() {
    assertThat(match("/admin/v1/rollouts/{id}", "/admin/v1/rollouts/7/", "id")).isEqualTo("7");
  }

  @Test
  void durationsReadTheConfigUnitsAndIso8601AndPrintTheShortestExactForm() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("PT1H")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
