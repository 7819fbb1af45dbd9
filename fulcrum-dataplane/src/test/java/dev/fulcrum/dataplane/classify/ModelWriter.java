package dev.fulcrum.dataplane.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import java.util.List;

/**
 * Writes the weights file {@link ModelFile} reads. Objects are indented and each weight row sits
 * on one line, so the file diffs by label. The version is a hash of everything serving reads, so
 * it changes exactly when the model does.
 */
final class ModelWriter {
  static final String VERSION_PREFIX = "minilm-softmax-1+";

  private ModelWriter() {}

  /**
   * One head's parameters on raw features.
   *
   * @param <L> the label type
   */
  record Head<L extends Enum<L>>(
      List<L> labels, double[][] weights, double[] bias, double temperature) {}

  static String write(List<EmbeddingWindow> windows, Head<Complexity> complexity,
      Head<Intent> intent, ObjectNode training) {
    ObjectNode body = Json.object();
    ObjectNode embedding = body.putObject("embedding");
    embedding.put("model", MiniLmEmbedder.MODEL_ID);
    embedding.put("dimensions", MiniLmEmbedder.DIMENSIONS);
    var windowArray = embedding.putArray("windows");
    for (EmbeddingWindow window : windows) {
      windowArray.addObject().put("headChars", window.headChars())
          .put("tailChars", window.tailChars());
    }
    LexicalFeatures.NAMES.forEach(body.putArray("lexicalFeatures")::add);
    ObjectNode heads = body.putObject("heads");
    head(heads.putObject("complexity"), complexity);
    head(heads.putObject("intent"), intent);

    ObjectNode root = Json.object();
    root.put("format", ModelFile.FORMAT);
    root.put("version", VERSION_PREFIX + LabelledSet.hash(compact(body)).substring(0, 12));
    root.setAll(body);
    root.set("training", training);
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <L extends Enum<L>> void head(ObjectNode node, Head<L> head) {
    head.labels().forEach(label -> node.withArray("labels").add(label.name()));
    node.put("temperature", head.temperature());
    ObjectNode bias = node.putObject("bias");
    ObjectNode weights = node.putObject("weights");
    for (int k = 0; k < head.labels().size(); k++) {
      String label = head.labels().get(k).name();
      bias.put(label, (float) head.bias()[k]);
      var row = weights.putArray(label);
      for (double w : head.weights()[k]) {
        row.add((float) w);
      }
    }
  }

  private static String compact(ObjectNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
