package dev.fulcrum.controlplane.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest as 64 lowercase hex digits: how the audit log refers to content (prompts,
 * responses) without holding it, and the form of chain hashes and Merkle roots.
 */
public record Sha256(String hex) {
  private static final HexFormat FORMAT = HexFormat.of();

  /** The digest before the first event of the chain: 32 zero bytes. */
  public static final Sha256 ZERO = new Sha256("0".repeat(64));

  public Sha256 {
    Objects.requireNonNull(hex, "hex");
    if (!isLowerHex64(hex)) {
      throw new IllegalArgumentException("a SHA-256 digest is 64 lowercase hex digits");
    }
  }

  /** The digest of {@code content}. */
  public static Sha256 of(byte[] content) {
    return fromBytes(digest().digest(content));
  }

  /** The digest of {@code text} encoded as UTF-8. */
  public static Sha256 ofUtf8(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Wraps 32 digest bytes. */
  public static Sha256 fromBytes(byte[] digest) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, got " + digest.length);
    }
    return new Sha256(FORMAT.formatHex(digest));
  }

  /** The 32 digest bytes (a fresh copy). */
  public byte[] bytes() {
    return FORMAT.parseHex(hex);
  }

  // a loop, not a regex: the verifier checks several digests per event
  private static boolean isLowerHex64(String hex) {
    if (hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
