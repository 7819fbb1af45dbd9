package dev.fulcrum.dataplane.privacy.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.core.tenant.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionScansTest {
  static final Tenant ACME = new Tenant("acme");
  static final List<Entity> ONE = List.of(new Entity(EntityType.PERSON, 0, 4, 0.9));

  @Test
  void keysDependOnTenantAndEveryCharacterOfTheText() {
    var key = InstructionScans.key(ACME, "You are Jane's assistant.");

    assertThat(InstructionScans.key(ACME, "You are Jane's assistant.")).isEqualTo(key);
    assertThat(InstructionScans.key(ACME, "You are Jane's assistant!")).isNotEqualTo(key);
    assertThat(InstructionScans.key(new Tenant("globex"), "You are Jane's assistant."))
        .isNotEqualTo(key);
    assertThat(key.toString()).doesNotContain("Jane");
  }

  @Test
  void holdsAtMostItsCapacityAndStartsOverWhenFull() {
    var scans = new InstructionScans(2);
    var a = InstructionScans.key(ACME, "a");
    var b = InstructionScans.key(ACME, "b");
    var c = InstructionScans.key(ACME, "c");
    scans.put(a, ONE);
    scans.put(b, List.of());
    scans.put(b, ONE); // an existing key is replaced, not counted again

    assertThat(scans.get(a)).isEqualTo(ONE);
    assertThat(scans.get(b)).isEqualTo(ONE);
    scans.put(c, ONE);
    assertThat(scans.size()).isEqualTo(1);
    assertThat(scans.get(a)).isNull();
    assertThat(scans.get(c)).isEqualTo(ONE);
  }

  @Test
  void onlySystemAndDeveloperMessagesInstruct() {
    assertThat(List.of("system", "developer", "user", "assistant", "tool", "function"))
        .filteredOn(InstructionScans::instructs).containsExactly("system", "developer");
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> new InstructionScans(0)).hasMessageContaining("at least 1");
  }
}
