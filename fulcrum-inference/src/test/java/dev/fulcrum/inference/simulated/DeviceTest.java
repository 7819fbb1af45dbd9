package dev.fulcrum.inference.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTest {
  /** Timers that fire only when the test says so. */
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Long> delays = new ArrayList<>();
  private final List<String> done = new ArrayList<>();

  private Device device(int slots) {
    return new Device(slots, (millis, task) -> {
      delays.add(millis);
      timers.add(task);
    });
  }

  private void fire(int timer) {
    timers.get(timer).run();
  }

  @Test
  void runsOneJobAtATimeInArrivalOrderWithOneSlot() {
    Device device = device(1);
    device.run(Duration.ofMillis(21), () -> done.add("a"));
    device.run(Duration.ofMillis(22), () -> done.add("b"));
    device.run(Duration.ofMillis(23), () -> done.add("c"));

    assertThat(timers).hasSize(1);
    assertThat(device.busy()).isEqualTo(1);
    assertThat(device.waiting()).isEqualTo(2);

    fire(0);
    assertThat(done).containsExactly("a");
    assertThat(delays).containsExactly(21L, 22L);
    fire(1);
    fire(2);
    assertThat(done).containsExactly("a", "b", "c");
    assertThat(device.busy()).isZero();
  }

  @Test
  void runsUpToItsSlotsAtOnce() {
    Device device = device(2);
    for (String job : List.of("a", "b", "c")) {
      device.run(Duration.ofMillis(10), () -> done.add(job));
    }

    assertThat(timers).hasSize(2);
    assertThat(device.waiting()).isEqualTo(1);
    fire(1);
    assertThat(timers).hasSize(3);
    assertThat(done).containsExactly("b");
  }

  @Test
  void runsFreeJobsAtOnceButStillInTurn() {
    Device device = device(1);
    device.run(Duration.ofMillis(10), () -> done.add("slow"));
    device.run(Duration.ZERO, () -> done.add("free 1"));
    device.run(Duration.ZERO, () -> done.add("free 2"));
    assertThat(done).isEmpty();

    fire(0);

    assertThat(done).containsExactly("slow", "free 1", "free 2");
    assertThat(device.busy()).isZero();
  }

  @Test
  void anUnlimitedDeviceNeverQueues() {
    Device device = device(SimulatedSettings.UNLIMITED);
    for (int i = 0; i < 100; i++) {
      device.run(Duration.ofMillis(5), () -> { });
    }
    assertThat(timers).hasSize(100);
    assertThat(device.waiting()).isZero();
  }
}
