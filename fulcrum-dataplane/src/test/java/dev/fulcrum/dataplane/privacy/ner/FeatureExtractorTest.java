package dev.fulcrum.dataplane.privacy.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  /**
   * The shipped model was trained on these exact keys: any change to how a feature is hashed
   * (or to which keys are precomputed) would silently detach it from its weights. The checksum
   * was recorded with the straightforward per-token hashing, before keys were precomputed.
   */
  @Test
  void makesTheKeysTheShippedModelWasTrainedOn() {
    String text = "Dr. Jane Morrison moved from New York to 221B Baker Street, London. SHE met "
        + "Jean-Pierre O'Brien of Acme Corp and two Buddhists; call +1 415-555-2671 or "
        + "mail jane@example.com. The quick brown fox jumps over the lazy dog.";
    TokenSeq seq = new TokenSeq(Tagger.SEGMENT);
    Tokenizer.next(text, 0, seq);
    SharedModel.recognizer().gazetteer().annotate(seq);
    int[] keys = new int[FeatureExtractor.MAX_FEATURES];
    int[] origins = new int[FeatureExtractor.MAX_FEATURES];
    Set<Template> used = EnumSet.noneOf(Template.class);
    long checksum = 0;

    for (int i = 0; i < seq.size(); i++) {
      int count = FeatureExtractor.extract(seq, i, keys, 0, origins);
      for (int f = 0; f < count; f++) {
        checksum = (checksum * 31 + keys[f]) * 31 + origins[f];
        used.add(Template.values()[origins[f] >>> 8]);
      }
    }

    assertThat(used).containsExactlyInAnyOrder(Template.values());
    assertThat(checksum).isEqualTo(5_544_679_638_776_250_428L);
  }
}
