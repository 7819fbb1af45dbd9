package dev.fulcrum.inference.kserve;

import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.tensor.DataType;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.Shape;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;
import dev.fulcrum.core.tensor.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A tensor model used as a text embedder: texts go into one BYTES input ({@code [n]} or
 * {@code [n, 1]}, as its metadata declares), vectors come out of one floating-point
 * {@code [n, d]} output. The tensors are the configured ones, or else the only ones that fit.
 */
record TextModel(String model, TensorSpec input, TensorSpec output) {

  /**
   * Picks the tensors of {@code metadata} to use.
   *
   * @throws InvalidRequestException when the model cannot serve embeddings, or when it has
   *     several candidates and the settings name none
   */
  static TextModel of(ModelMetadata metadata, KServeSettings settings) {
    TensorSpec input = pick(metadata, metadata.inputs(), settings.textInput(), "input",
        "text-input", spec -> spec.datatype() == DataType.BYTES, "BYTES", settings.name());
    if (input.shape().rank() < 1 || input.shape().rank() > 2
        || (input.shape().rank() == 2 && !input.shape().accepts(Shape.of(1, 1)))) {
      throw new InvalidRequestException("model '" + metadata.name() + "' on backend '"
          + settings.name() + "' takes texts in input '" + input.name() + "' of shape "
          + input.shape() + "; Fulcrum sends texts as [n] or [n, 1]", "model");
    }
    TensorSpec output = pick(metadata, metadata.outputs(), settings.embeddingOutput(),
        "output", "embedding-output", TextModel::floating, "floating-point",
        settings.name());
    return new TextModel(metadata.name(), input, output);
  }

  /** The length of the vectors, when the metadata fixes it. */
  Optional<Long> dimensions() {
    Shape shape = output.shape();
    return shape.rank() == 2 && shape.dim(1) != Shape.DYNAMIC ? Optional.of(shape.dim(1))
        : Optional.empty();
  }

  TensorRequest request(List<String> texts) {
    Shape shape = input.shape().rank() == 1 ? Shape.of(texts.size())
        : Shape.of(texts.size(), 1);
    return new TensorRequest(model, List.of(Tensor.bytes(input.name(), shape, texts)),
        List.of(output.name()));
  }

  List<float[]> vectors(TensorResponse response, int texts, String backend) {
    Tensor tensor = response.output(output.name()).orElseThrow(() ->
        new UpstreamUnavailableException(backend, "model '" + model + "' on backend '" + backend
            + "' answered without its output '" + output.name() + "'", null));
    if (tensor.shape().rank() != 2 || tensor.shape().dim(0) != texts) {
      throw new UpstreamUnavailableException(backend, "model '" + model + "' on backend '"
          + backend + "' returned '" + output.name() + "' with shape " + tensor.shape() + " for "
          + texts + " texts; expected [" + texts + ", d]", null);
    }
    int d = (int) tensor.shape().dim(1);
    List<float[]> vectors = new ArrayList<>(texts);
    for (int row = 0; row < texts; row++) {
      float[] vector = new float[d];
      switch (tensor.data()) {
        case TensorData.Floats floats -> System.arraycopy(floats.values(), row * d, vector, 0, d);
        case TensorData.Doubles doubles -> {
          for (int i = 0; i < d; i++) {
            vector[i] = (float) doubles.values()[row * d + i];
          }
        }
        default -> throw new IllegalStateException("output was checked to be floating-point");
      }
      vectors.add(vector);
    }
    return vectors;
  }

  private static boolean floating(TensorSpec spec) {
    return spec.datatype().storage() == DataType.Storage.FLOATS
        || spec.datatype().storage() == DataType.Storage.DOUBLES;
  }

  private static TensorSpec pick(ModelMetadata metadata, List<TensorSpec> specs,
      Optional<String> configured, String kind, String setting, Predicate<TensorSpec> fits,
      String wanted, String backend) {
    String where = "model '" + metadata.name() + "' on backend '" + backend + "'";
    if (configured.isPresent()) {
      TensorSpec spec = specs.stream().filter(s -> s.name().equals(configured.get()))
          .findFirst().orElseThrow(() -> new InvalidRequestException(where + " has no " + kind
              + " '" + configured.get() + "' (backends." + backend + "." + setting
              + "); its " + kind + "s are " + names(specs), "model"));
      if (!fits.test(spec)) {
        throw new InvalidRequestException(where + ": " + kind + " '" + spec.name() + "' is "
            + spec.datatype() + ", but embeddings need a " + wanted + " " + kind, "model");
      }
      return spec;
    }
    List<TensorSpec> candidates = specs.stream().filter(fits).toList();
    if (candidates.size() == 1) {
      return candidates.getFirst();
    }
    throw new InvalidRequestException(candidates.isEmpty()
        ? where + " has no " + wanted + " " + kind + ", so it cannot serve embeddings"
        : where + " has several " + wanted + " " + kind + "s ("
            + names(candidates) + "); name the one to use in backends." + backend + "."
            + setting, "model");
  }

  private static String names(List<TensorSpec> specs) {
    return specs.isEmpty() ? "(none)"
        : specs.stream().map(TensorSpec::name).collect(Collectors.joining(", "));
  }
}
