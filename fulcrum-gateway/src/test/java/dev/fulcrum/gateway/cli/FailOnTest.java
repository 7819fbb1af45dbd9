package dev.fulcrum.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.EntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailOnTest {
  static final ScanSummary FOUND = new ScanSummary(10, 2,
      Map.of(EntityType.PERSON, 3L, EntityType.EMAIL_ADDRESS, 1L), List.of());

  @Test
  void namesAreCaseInsensitiveAndAnyMeansEveryType() {
    assertThat(FailOn.of(List.of("email_address", " SECRET ")).types())
        .containsExactlyInAnyOrder(EntityType.EMAIL_ADDRESS, EntityType.SECRET);
    assertThat(FailOn.of(List.of("ANY")).types()).isEqualTo(EnumSet.allOf(EntityType.class));
  }

  @Test
  void triggeredByIsTheListedTypesThatWereFound() {
    assertThat(FailOn.of(List.of("SECRET", "EMAIL_ADDRESS")).triggeredBy(FOUND))
        .containsExactly(EntityType.EMAIL_ADDRESS);
    assertThat(FailOn.of(List.of("any")).triggeredBy(FOUND))
        .containsExactly(EntityType.EMAIL_ADDRESS, EntityType.PERSON);
    assertThat(FailOn.of(List.of("SECRET")).triggeredBy(FOUND)).isEmpty();
  }

  @Test
  void withoutNamesNothingFails() {
    assertThat(FailOn.of(List.of()).triggeredBy(FOUND)).isEmpty();
  }

  @Test
  void anUnknownTypeIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> FailOn.of(List.of("EMAIL")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown entity type 'EMAIL'")
        .hasMessageContaining("EMAIL_ADDRESS, PHONE_NUMBER");
  }
}
