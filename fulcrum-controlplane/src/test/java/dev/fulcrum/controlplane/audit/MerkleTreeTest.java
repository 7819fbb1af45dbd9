package dev.fulcrum.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  @Test
  void matchesTheRfc6962VectorsForTheEmptyTreeAndAnEmptyLeaf() {
    MerkleTree empty = new MerkleTree();
    MerkleTree oneEmptyLeaf = new MerkleTree();
    oneEmptyLeaf.add(new byte[0]);

    assertThat(empty.root().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(oneEmptyLeaf.root().hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void incrementalRootEqualsTheRecursiveDefinitionForEverySizeUpTo70() throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    for (int n = 1; n <= 70; n++) {
      byte[] leaf = ("event " + n).getBytes(StandardCharsets.UTF_8);
      leaves.add(leaf);
      tree.add(leaf);

      assertThat(tree.root().bytes()).as("root of %d leaves", n)
          .isEqualTo(reference(leaves.subList(0, n)));
    }
  }

  /** RFC 6962 section 2.1, literally. */
  private static byte[] reference(List<byte[]> leaves) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    if (leaves.size() == 1) {
      sha.update((byte) 0);
      return sha.digest(leaves.getFirst());
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    byte[] left = reference(leaves.subList(0, k));
    byte[] right = reference(leaves.subList(k, leaves.size()));
    sha.update((byte) 1);
    sha.update(left);
    return sha.digest(right);
  }

  @Test
  void differentOrderGivesADifferentRoot() {
    MerkleTree ab = new MerkleTree();
    ab.add("a");
    ab.add("b");
    MerkleTree ba = new MerkleTree();
    ba.add("b");
    ba.add("a");

    assertThat(Arrays.equals(ab.root().bytes(), ba.root().bytes())).isFalse();
  }
}
