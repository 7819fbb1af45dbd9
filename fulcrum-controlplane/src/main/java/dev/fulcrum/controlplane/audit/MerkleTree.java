package dev.fulcrum.controlplane.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 6962 (Certificate Transparency) Merkle tree hash, computed incrementally in
 * O(log n) memory: leaf = {@code SHA-256(0x00 || data)}, node = {@code SHA-256(0x01 || left ||
 * right)}, the left subtree always the largest power of two below n. The empty tree's root is
 * {@code SHA-256("")}. Not thread-safe.
 */
final class MerkleTree {
  private final List<byte[]> peaks = new ArrayList<>(); // roots of perfect subtrees, largest first
  private final MessageDigest digest = Sha256.digest();
  private long size;

  void add(String canonical) {
    add(canonical.getBytes(StandardCharsets.UTF_8));
  }

  void add(byte[] data) {
    addLeafHash(leafHash(digest, data));
  }

  /** The leaf hash {@code SHA-256(0x00 || data)}, computed with (and resetting) {@code digest}. */
  static byte[] leafHash(MessageDigest digest, byte[] data) {
    digest.update((byte) 0);
    return digest.digest(data);
  }

  /** Adds a leaf whose hash is already known ({@link #leafHash}). */
  void addLeafHash(byte[] leaf) {
    byte[] hash = leaf;
    for (long n = size; (n & 1) == 1; n >>= 1) {
      hash = node(peaks.removeLast(), hash);
    }
    peaks.add(hash);
    size++;
  }

  long size() {
    return size;
  }

  Sha256 root() {
    if (peaks.isEmpty()) {
      return Sha256.fromBytes(digest.digest());
    }
    byte[] hash = peaks.getLast();
    for (int i = peaks.size() - 2; i >= 0; i--) {
      hash = node(peaks.get(i), hash);
    }
    return Sha256.fromBytes(hash);
  }

  private byte[] node(byte[] left, byte[] right) {
    digest.update((byte) 1);
    digest.update(left);
    return digest.digest(right);
  }
}
