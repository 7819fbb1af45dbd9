package dev.fulcrum.controlplane.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The stored form of an API key: {@code sha256:} followed by 64 lowercase hex digits. Config
 * files and stores hold only this form; the plaintext exists only in the caller's hands.
 */
public final class ApiKeyHash {
  public static final String PREFIX = "sha256:";
  private static final Pattern FORM = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  });

  private ApiKeyHash() {}

  /** The stored form of {@code plaintext}. */
  public static String of(String plaintext) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return PREFIX + HexFormat.of().formatHex(digest.digest(plaintext.getBytes(
        StandardCharsets.UTF_8)));
  }

  /** Whether {@code value} is in the stored form (and so not a plaintext key). */
  public static boolean isHash(String value) {
    return FORM.matcher(value).matches();
  }
}
