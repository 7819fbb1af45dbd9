package dev.fulcrum.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

  @Test
  void refusesDataThatDoesNotFillTheShape() {
    assertThatThrownBy(() -> Tensor.fp32("x", Shape.of(2, 3), 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shape [2, 3] (6 elements) but 3 elements");
  }

  @Test
  void refusesDataOfAnotherKindThanTheDatatype() {
    assertThatThrownBy(() -> new Tensor("x", DataType.INT64, Shape.of(1),
        new TensorData.Floats(new float[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INT64")
        .hasMessageContaining("FLOATS");
  }

  @Test
  void refusesIntegersOutOfTheirTypesRange() {
    assertThatThrownBy(() -> new Tensor("x", DataType.UINT8, Shape.of(2),
        new TensorData.Integers(new long[] {1, 256})))
        .hasMessageContaining("out of range for UINT8");
    assertThat(new Tensor("x", DataType.INT8, Shape.of(1),
        new TensorData.Integers(new long[] {-128})).rows()).isEqualTo(1);
  }

  @Test
  void refusesADynamicShapeForData() {
    assertThatThrownBy(() -> Tensor.fp32("x", Shape.of(-1, 2), 1, 2))
        .hasMessageContaining("dynamic shape");
  }

  @Test
  void stacksRowsAndSlicesThemBackRowMajor() {
    Tensor a = Tensor.fp32("in", Shape.of(1, 2), 1, 2);
    Tensor b = Tensor.fp32("in", Shape.of(2, 2), 3, 4, 5, 6);

    Tensor batch = Tensor.concat(List.of(a, b));

    assertThat(batch.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(((TensorData.Floats) batch.data()).values()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(batch.rows(1, 3)).isEqualTo(b);
    assertThat(batch.rows(0, 1)).isEqualTo(a);
  }

  @Test
  void stacksTextsToo() {
    Tensor a = Tensor.bytes("t", Shape.of(1, 1), List.of("x"));
    Tensor b = Tensor.bytes("t", Shape.of(1, 1), List.of("y"));
    Tensor batch = Tensor.concat(List.of(a, b));
    assertThat(((TensorData.Texts) batch.data()).values()).containsExactly("x", "y");
    assertThat(batch.rows(1, 2)).isEqualTo(b);
  }

  @Test
  void refusesToStackRowsOfDifferentShapes() {
    assertThatThrownBy(() -> Tensor.concat(List.of(Tensor.fp32("in", Shape.of(1, 2), 1, 2),
        Tensor.fp32("in", Shape.of(1, 3), 1, 2, 3))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot stack");
  }

  @Test
  void neverPrintsItsData() {
    Tensor secret = Tensor.bytes("t", Shape.of(1), List.of("Alice's SSN is 078-05-1120"));
    TensorRequest request = TensorRequest.of("m", List.of(secret));

    assertThat(secret.toString()).doesNotContain("Alice").contains("BYTES").contains("[1]");
    assertThat(secret.data().toString()).doesNotContain("Alice");
    assertThat(request.toString()).doesNotContain("Alice");
    assertThat(new TensorResponse("m", List.of(secret)).toString()).doesNotContain("Alice");
  }

  @Test
  void shapesWithADynamicDimensionAcceptAnySizeThere() {
    Shape spec = Shape.of(-1, 4);
    assertThat(spec.accepts(Shape.of(7, 4))).isTrue();
    assertThat(spec.accepts(Shape.of(7, 5))).isFalse();
    assertThat(spec.accepts(Shape.of(7))).isFalse();
    assertThatThrownBy(spec::elementCount).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void parsesWireDatatypesAndNamesTheKnownOnesOtherwise() {
    assertThat(DataType.fromWire("FP32")).isEqualTo(DataType.FP32);
    assertThatThrownBy(() -> DataType.fromWire("FLOAT32"))
        .hasMessageContaining("unknown tensor datatype 'FLOAT32'").hasMessageContaining("FP32");
  }

  @Test
  void refusesDuplicateInputs() {
    Tensor a = Tensor.fp32("in", Shape.of(1), 1);
    assertThatThrownBy(() -> TensorRequest.of("m", List.of(a, a)))
        .hasMessageContaining("'in' is given twice");
  }
}
