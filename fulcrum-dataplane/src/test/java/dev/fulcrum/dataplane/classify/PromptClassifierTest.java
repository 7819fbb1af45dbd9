package dev.fulcrum.dataplane.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped classifier, end to end with the real MiniLM model. None of these prompts is in the
 * labelled set. Embeds about twenty short texts.
 */
class PromptClassifierTest {
  private static final PromptClassifier CLASSIFIER = PromptClassifiers.loadDefault();

  @Test
  void loadsWeightsAndModelFromTheClasspath() {
    URL weights = ModelFile.class.getResource(ModelFile.DEFAULT_RESOURCE);
    URL onnx = Thread.currentThread().getContextClassLoader()
        .getResource("all-minilm-l6-v2-q.onnx");

    assertThat(weights).isNotNull();
    assertThat(onnx).isNotNull();
    assertThat(List.of(weights.getProtocol(), onnx.getProtocol())).allMatch(
        protocol -> protocol.equals("file") || protocol.equals("jar"));
    assertThat(CLASSIFIER.modelVersion()).isEqualTo(ModelFile.readDefault().version());
    assertThat(PromptClassifiers.loadDefault()).isSameAs(CLASSIFIER);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      hi, how are you?                                                  | SIMPLE  | CHAT
      Summarize this article in two sentences: The library will close for renovation from June to August. Books can be returned at the town hall, and the children's reading club moves to the community centre. | SIMPLE | SUMMARIZE
      Translate "where is the train station?" into German.              | SIMPLE  | TRANSLATE
      Write a Python function that reverses a linked list.              | SIMPLE  | CODE
      Is this review positive or negative? "The room was dirty and the staff were rude." | SIMPLE | CLASSIFY
      Prove by induction that 1 + 2 + ... + n = n(n+1)/2 for every positive integer n, then prove that the sum of the first n cubes equals the square of that sum. | COMPLEX | REASONING
      Design a multi-region, fault-tolerant payment processing system: idempotent APIs, exactly-once ledger updates, reconciliation with card networks, and failover without double charges. Explain the data model and the trade-offs. | COMPLEX | CODE
      """)
  void labelsObviousPromptsRight(String prompt, Complexity complexity, Intent intent) {
    PromptClass result = CLASSIFIER.classify(prompt);

    assertThat(result.complexity()).as("complexity").isEqualTo(complexity);
    assertThat(result.intent()).as("intent").isEqualTo(intent);
  }

  @Test
  void isDeterministic() {
    String prompt = "Extract every date and amount from this invoice: due 3 May, total $1,240.";
    PromptClass first = CLASSIFIER.classify(prompt);
    PromptClassifier fresh =
        new LinearPromptClassifier(ModelFile.readDefault(), MiniLmEmbedder.shared());

    assertThat(CLASSIFIER.classify(prompt)).isEqualTo(first);
    assertThat(fresh.classify(prompt)).isEqualTo(first);
  }

  @Test
  void leadingPaddingDoesNotHideTheWords() {
    String prompt = "Translate \"good morning\" into Spanish.";

    assertThat(CLASSIFIER.classify(" ".repeat(700) + prompt).intent())
        .isEqualTo(CLASSIFIER.classify(prompt).intent());
  }

  @Test
  void confidencesAreProbabilitiesForAnyInput() {
    List<String> prompts = List.of("?", "😀😀😀", "\u0000\u0007 \uD800 text \uFFFD",
        "日本語で短い挨拶を書いてください。", "SELECT * FROM t;\n".repeat(5),
        "word ".repeat(10_000), "\u0000".repeat(700) + "hello", "\u200B\u0007");

    for (String prompt : prompts) {
      PromptClass result = CLASSIFIER.classify(prompt);
      assertThat(result.complexityConfidence()).isBetween(0.5, 1.0);
      assertThat(result.intentConfidence()).isBetween(1.0 / Intent.values().length, 1.0);
    }
  }
}
