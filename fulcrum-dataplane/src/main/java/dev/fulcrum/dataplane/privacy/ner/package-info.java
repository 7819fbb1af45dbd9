/**
 * A local, explainable named-entity model for the privacy scan: {@link
 * dev.fulcrum.dataplane.privacy.ner.NerRecognizer} finds people, locations, organizations and
 * nationality/religious/political groups. Everything else here is package-private: the
 * tokenizer, the gazetteer, the feature templates, the weights and the Viterbi decoder. The
 * trainer lives in the test tree and runs through {@code tools/ner/train.sh}.
 */
package dev.fulcrum.dataplane.privacy.ner;
