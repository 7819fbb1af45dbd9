package dev.fulcrum.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {
  private final ModelMetadata add = new ModelMetadata("add", List.of("1"), "python",
      List.of(new TensorSpec("A", DataType.FP32, Shape.of(-1, 4)),
          new TensorSpec("B", DataType.FP32, Shape.of(-1, 4))),
      List.of(new TensorSpec("SUM", DataType.FP32, Shape.of(-1, 4))));

  @Test
  void acceptsARequestThatFits() {
    add.validate(new TensorRequest("add", List.of(fp32("A", 2, 4), fp32("B", 2, 4)),
        List.of("SUM")));
  }

  @Test
  void namesAnUnknownInputAndListsTheKnownOnes() {
    assertThatThrownBy(() -> add.validate(TensorRequest.of("add",
        List.of(fp32("A", 1, 4), fp32("C", 1, 4)))))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).hasValue("inputs[1].name"))
        .hasMessageContaining("no input 'C'").hasMessageContaining("A, B");
  }

  @Test
  void namesAWrongDatatype() {
    var ints = Tensor.int64("A", Shape.of(1, 4), 1, 2, 3, 4);
    assertThatThrownBy(() -> add.validate(TensorRequest.of("add", List.of(ints))))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).hasValue("inputs[0].datatype"))
        .hasMessageContaining("must be FP32, got INT64");
  }

  @Test
  void namesAShapeThatDoesNotFit() {
    assertThatThrownBy(() -> add.validate(TensorRequest.of("add", List.of(fp32("A", 1, 3)))))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).hasValue("inputs[0].shape"))
        .hasMessageContaining("shape [1, 3]").hasMessageContaining("accepts [-1, 4]");
  }

  @Test
  void namesAnUnknownOutput() {
    assertThatThrownBy(() -> add.validate(new TensorRequest("add", List.of(fp32("A", 1, 4)),
        List.of("SUM", "PRODUCT"))))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).hasValue("outputs[1].name"))
        .hasMessageContaining("no output 'PRODUCT'");
  }

  @Test
  void isBatchableOnlyWhenEveryFirstDimensionIsDynamic() {
    assertThat(add.batchable()).isTrue();
    var fixed = new ModelMetadata("f", List.of(), "", List.of(
        new TensorSpec("A", DataType.FP32, Shape.of(4))), List.of());
    assertThat(fixed.batchable()).isFalse();
  }

  private static Tensor fp32(String name, int rows, int cols) {
    return Tensor.fp32(name, Shape.of(rows, cols), new float[rows * cols]);
  }
}
