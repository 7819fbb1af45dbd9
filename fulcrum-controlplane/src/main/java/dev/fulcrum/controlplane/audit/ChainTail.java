package dev.fulcrum.controlplane.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the writer knows of the end of the log between transactions: the head, the last signed
 * checkpoint, and the Merkle leaves of the events after it. A cache, never the authority: each
 * transaction reads the head back and uses this only when it matches, so a write by anyone else
 * (another replica, a commit that failed) makes the writer read the store again.
 *
 * <p>Owned by the writer thread; not thread-safe.
 */
final class ChainTail {
  /** Beyond this many unsigned events the leaves are dropped and read back when signing. */
  static final int MAX_CACHED_LEAVES = 100_000;

  /** The newest event: its position, time and chain hash. */
  record Head(long seq, long ts, Sha256 hash) {
    static final Head EMPTY = new Head(0, 0, Sha256.ZERO);
  }

  private final MessageDigest digest = Sha256.digest();
  private Head head;
  private long checkpoint;
  private Sha256 link;
  private long signedThrough;
  private long firstUnsignedTs;
  private List<byte[]> leaves;

  /**
   * @param leaves the leaves of events {@code signedThrough + 1 .. head}, or {@code null} when
   *     they were not read (they are read from the store when the next checkpoint is signed)
   */
  ChainTail(Head head, long checkpoint, Sha256 link, long signedThrough, long firstUnsignedTs,
      List<byte[]> leaves) {
    this.head = head;
    this.checkpoint = checkpoint;
    this.link = link;
    this.signedThrough = signedThrough;
    this.firstUnsignedTs = firstUnsignedTs;
    this.leaves = leaves;
  }

  Head head() {
    return head;
  }

  /** The number of the last checkpoint, 0 before the first. */
  long checkpoint() {
    return checkpoint;
  }

  /** The digest of the last checkpoint's statement, which the next one links to. */
  Sha256 link() {
    return link;
  }

  long signedThrough() {
    return signedThrough;
  }

  long unsigned() {
    return head.seq() - signedThrough;
  }

  /** When the oldest unsigned event was written (meaningful while {@link #unsigned} > 0). */
  long firstUnsignedTs() {
    return firstUnsignedTs;
  }

  /** The leaves of the unsigned events, or {@code null} when they must be read. */
  List<byte[]> leaves() {
    return leaves;
  }

  /** Records an event written in the current transaction. */
  void append(long seq, long ts, Sha256 hash, String canonical) {
    if (unsigned() == 0) {
      firstUnsignedTs = ts;
    }
    head = new Head(seq, ts, hash);
    if (leaves != null && leaves.size() >= MAX_CACHED_LEAVES) {
      leaves = null; // a very long checkpoint interval: bound the memory, read them back later
    }
    if (leaves != null) {
      leaves.add(MerkleTree.leafHash(digest, canonical.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Records a checkpoint over everything up to the head. */
  void signed(Checkpoint written) {
    checkpoint = written.number();
    link = Sha256.ofUtf8(written.statement());
    signedThrough = written.lastSequence();
    leaves = new ArrayList<>();
  }
}
