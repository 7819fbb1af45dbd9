package dev.fulcrum.dataplane.privacy.ner;

/** The shipped recognizer, loaded once for all test classes (loading takes about a second). */
final class SharedModel {
  private SharedModel() {}

  static NerRecognizer recognizer() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final NerRecognizer INSTANCE = NerRecognizer.load();
  }
}
