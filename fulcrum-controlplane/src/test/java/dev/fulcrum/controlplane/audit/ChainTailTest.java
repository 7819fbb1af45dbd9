package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ChainTailTest {

  @Test
  void tracksTheUnsignedEventsAndTheirLeavesUntilACheckpoint() {
    ChainTail tail = new ChainTail(ChainTail.Head.EMPTY, 0, Sha256.ZERO, 0, 0, new ArrayList<>());
    Sha256 hash = Sha256.ofUtf8("x");

    tail.append(1, 1_000, hash, "{\"a\":1}");
    tail.append(2, 1_005, hash, "{\"a\":2}");

    assertThat(tail.unsigned()).isEqualTo(2);
    assertThat(tail.firstUnsignedTs()).isEqualTo(1_000);
    assertThat(tail.head()).isEqualTo(new ChainTail.Head(2, 1_005, hash));
    assertThat(tail.leaves()).hasSize(2);
    assertThat(tail.leaves().get(1)).isEqualTo(MerkleTree.leafHash(Sha256.digest(),
        "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void dropsTheLeavesRatherThanGrowWithoutBound() {
    ChainTail tail = new ChainTail(ChainTail.Head.EMPTY, 0, Sha256.ZERO, 0, 0, new ArrayList<>());
    Sha256 hash = Sha256.ofUtf8("x");
    for (int i = 1; i <= ChainTail.MAX_CACHED_LEAVES; i++) {
      tail.append(i, i, hash, "e");
    }
    assertThat(tail.leaves()).hasSize(ChainTail.MAX_CACHED_LEAVES);

    tail.append(ChainTail.MAX_CACHED_LEAVES + 1, 0, hash, "e");

    assertThat(tail.leaves()).isNull(); // the checkpointer reads them from the store instead
    assertThat(tail.unsigned()).isEqualTo(ChainTail.MAX_CACHED_LEAVES + 1);
  }
}
