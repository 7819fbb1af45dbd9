package dev.fulcrum.dataplane.privacy.sanitize;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's secret key for {@link Action#HASH}. Immutable and thread-safe; {@link #toString()}
 * never shows the key.
 */
public final class HashKey {
  static final int MIN_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private HashKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, ALGORITHM);
  }

  /**
   * @param bytes at least 16 bytes of secret key material (copied)
   * @throws IllegalArgumentException when the key is shorter than 16 bytes
   */
  public static HashKey of(byte[] bytes) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException("a hash key needs at least " + MIN_BYTES
          + " bytes, got " + bytes.length);
    }
    return new HashKey(bytes.clone());
  }

  /** HMAC-SHA256 of {@code message} under this key. */
  byte[] mac(byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "HashKey[redacted]";
  }
}
