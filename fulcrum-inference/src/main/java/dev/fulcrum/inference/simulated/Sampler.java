package dev.fulcrum.inference.simulated;

import java.time.Duration;
import java.util.SplittableRandom;

/** The random draws of a simulated backend, from one seeded source. Thread-safe. */
final class Sampler {
  /** z-score of the 99th percentile of a standard normal distribution. */
  private static final double Z99 = 2.3263478740408408;

  private final SimulatedSettings settings;
  private final SplittableRandom random;

  Sampler(SimulatedSettings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  /** Time to first token, drawn from the configured log-normal distribution. */
  Duration firstToken() {
    long median = settings.latency().median().toNanos();
    long p99 = settings.latency().p99().toNanos();
    if (median == 0 || median == p99) {
      return Duration.ofNanos(median);
    }
    double sigma = (Math.log(p99) - Math.log(median)) / Z99;
    return Duration.ofNanos((long) Math.exp(Math.log(median) + sigma * gaussian()));
  }

  /** Whether this call should fail, per the configured error rate. */
  boolean fails() {
    double rate = settings.errorRate();
    return rate > 0 && nextDouble() < rate;
  }

  /** Time between two generated tokens; zero when generation is instant. */
  Duration perToken() {
    double tps = settings.tokensPerSecond();
    return tps == 0 ? Duration.ZERO : Duration.ofNanos((long) (1e9 / tps));
  }

  private synchronized double gaussian() {
    return random.nextGaussian();
  }

  private synchronized double nextDouble() {
    return random.nextDouble();
  }
}
