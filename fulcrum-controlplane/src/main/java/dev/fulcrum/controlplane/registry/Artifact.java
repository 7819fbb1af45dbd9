package dev.fulcrum.controlplane.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a version is made of: a URI ({@code s3://…}, {@code file:…}, {@code hf://…}, a KServe
 * storage URI) and its SHA-256.
 *
 * @param uri where the artifact lives
 * @param sha256 64 hex digits (stored lowercase), or empty when the artifact cannot be hashed
 *     here, as for a model hosted by an API provider
 */
public record Artifact(String uri, String sha256) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public Artifact {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(sha256, "sha256");
    if (uri.isBlank()) {
      throw new IllegalArgumentException("artifact URI must not be empty");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!sha256.isEmpty() && !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("artifact sha256 must be 64 hex digits");
    }
  }

  /** A model served by a provider's API: nothing to hash. */
  public static Artifact hosted(String uri) {
    return new Artifact(uri, "");
  }

  /** The checksum, when the artifact has one. */
  public Optional<String> checksum() {
    return sha256.isEmpty() ? Optional.empty() : Optional.of(sha256);
  }

  static boolean isSha256(String value) {
    return HEX64.matcher(value.toLowerCase(Locale.ROOT)).matches();
  }
}
