package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelledSetTest {
  private static final LabelledSet SET = LabelledSet.load(LabelledSet.defaultPath());

  @Test
  void isLargeAndCoversEveryStratum() {
    assertThat(SET.all()).hasSizeGreaterThanOrEqualTo(600);
    Map<String, Long> strata = SET.all().stream()
        .collect(Collectors.groupingBy(LabelledPrompt::stratum, Collectors.counting()));
    assertThat(strata).hasSize(Intent.values().length * Complexity.values().length);
    assertThat(strata.values()).allMatch(count -> count >= 15);
  }

  @Test
  void holdsOutAFifthOfEveryStratum() {
    Map<String, Long> all = count(SET.all());
    Map<String, Long> heldOut = count(SET.heldOut());
    all.forEach((stratum, total) -> assertThat(heldOut.get(stratum))
        .as(stratum).isEqualTo(total / 5));
  }

  @Test
  void trainAndHeldOutPartitionTheSet() {
    Set<LabelledPrompt> train = new HashSet<>(SET.train());
    assertThat(SET.heldOut()).noneMatch(train::contains);
    assertThat(SET.train().size() + SET.heldOut().size()).isEqualTo(SET.all().size());
  }

  @Test
  void splitAndFoldsAreAFunctionOfTheData() {
    LabelledSet again = LabelledSet.load(LabelledSet.defaultPath());

    assertThat(again.heldOut()).isEqualTo(SET.heldOut());
    assertThat(again.train()).allMatch(p -> again.fold(p) == SET.fold(p));
    assertThat(SET.train().stream().map(SET::fold).distinct()).hasSize(LabelledSet.FOLDS);
  }

  private static Map<String, Long> count(List<LabelledPrompt> prompts) {
    return prompts.stream().collect(Collectors.groupingBy(LabelledPrompt::stratum,
        Collectors.counting()));
  }
}
