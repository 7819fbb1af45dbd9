package dev.fulcrum.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorJsonTest {

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static MalformedTensorException refusal(String body) {
    try {
      TensorJson.readRequest(json(body), "m");
    } catch (MalformedTensorException e) {
      return e;
    }
    throw new AssertionError("expected a refusal of " + body);
  }

  @Test
  void readsARequestWithNestedDataAndRequestedOutputs() {
    TensorRequest request = TensorJson.readRequest(json("""
        {"id": "r1", "inputs": [
          {"name": "x", "datatype": "FP32", "shape": [2, 2], "data": [[1, 2], [3, 4.5]]},
          {"name": "t", "datatype": "BYTES", "shape": [1], "data": ["hi"]}],
         "outputs": [{"name": "y", "parameters": {"binary_data": true}}]}"""), "add");

    assertThat(request.model()).isEqualTo("add");
    assertThat(request.inputs()).containsExactly(
        Tensor.fp32("x", Shape.of(2, 2), 1, 2, 3, 4.5f),
        Tensor.bytes("t", Shape.of(1), List.of("hi")));
    assertThat(request.outputs()).containsExactly("y");
  }

  @Test
  void writesWhatItReads() {
    TensorRequest request = new TensorRequest("m", List.of(
        Tensor.int64("i", Shape.of(3), 1, -2, 3),
        new Tensor("b", DataType.BOOL, Shape.of(2), new TensorData.Bools(new boolean[] {true,
            false})),
        new Tensor("d", DataType.FP64, Shape.of(1, 1), new TensorData.Doubles(new double[] {
            0.25}))), List.of("out"));

    assertThat(TensorJson.readRequest(TensorJson.writeRequest(request), "m")).isEqualTo(request);
    TensorResponse response = new TensorResponse("m", request.inputs());
    assertThat(TensorJson.readResponse(TensorJson.writeResponse(response), "other"))
        .isEqualTo(response);
  }

  @Test
  void roundTripsMetadataWithDynamicDimensions() {
    ModelMetadata metadata = new ModelMetadata("add_sub", List.of("1"), "python",
        List.of(new TensorSpec("INPUT0", DataType.FP32, Shape.of(-1, 4))),
        List.of(new TensorSpec("OUTPUT0", DataType.FP32, Shape.of(-1, 4))));

    assertThat(TensorJson.readMetadata(TensorJson.writeMetadata(metadata))).isEqualTo(metadata);
  }

  @Test
  void namesTheFieldOfEveryMistakeWithoutQuotingData() {
    assertThat(refusal("{}")).hasMessage("'inputs' must be an array, got null")
        .extracting(MalformedTensorException::field).isEqualTo("inputs");
    assertThat(refusal("{\"inputs\": []}").getMessage()).contains("at least one input");
    var wrongKind = refusal("""
        {"inputs": [{"name": "x", "datatype": "INT32", "shape": [2], "data": [1, "secret"]}]}""");
    assertThat(wrongKind).hasMessage("input 'x' is INT32, but element 1 is a string");
    assertThat(wrongKind.field()).isEqualTo("inputs[0].data");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP32", "shape": [2, -1], "data": [1, 2]}]}""")
        .field()).isEqualTo("inputs[0].shape");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP99", "shape": [1], "data": [1]}]}"""))
        .hasMessageContaining("unknown tensor datatype 'FP99'");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP32", "shape": [2, 3], "data": [1, 2]}]}"""))
        .hasMessage("input 'x' has shape [2, 3] (6 elements) but 2 elements of data");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "UINT8", "shape": [1], "data": [300]}]}"""))
        .hasMessage("input 'x' holds a value out of range for UINT8");
  }

  @Test
  void refusesTheBinaryExtensionAndRepeatedNames() {
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP32", "shape": [1],
                     "parameters": {"binary_data_size": 4}}]}""").getMessage())
        .contains("binary tensor extension");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP32", "shape": [1], "data": [1]},
                    {"name": "x", "datatype": "FP32", "shape": [1], "data": [2]}]}"""))
        .hasMessage("input 'x' is given twice").extracting(MalformedTensorException::field)
        .isEqualTo("inputs[1].name");
    assertThat(refusal("""
        {"inputs": [{"name": "x", "datatype": "FP32", "shape": [1], "data": [1]}],
         "outputs": [{"name": "y"}, {"name": "y"}]}""").field()).isEqualTo("outputs[1].name");
  }

  @Test
  void refusesToWriteWhatJsonCannotCarry() {
    TensorResponse response = new TensorResponse("m",
        List.of(Tensor.fp32("y", Shape.of(1), Float.NaN)));

    assertThatThrownBy(() -> TensorJson.writeResponse(response))
        .isInstanceOf(MalformedTensorException.class)
        .hasMessage("output 'y' holds NaN or infinity, which JSON cannot carry");
  }
}
