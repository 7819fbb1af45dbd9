package dev.fulcrum.inference.kserve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.error.UpstreamUnavailableException;
import dev.fulcrum.core.tensor.MalformedTensorException;
import dev.fulcrum.core.tensor.ModelMetadata;
import dev.fulcrum.core.tensor.TensorJson;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.core.tensor.TensorResponse;

/**
 * The v2 JSON wire form ({@link TensorJson}) as the adapter sees it: a request that cannot be
 * written is the caller's fault ({@link InvalidRequestException}); an answer or metadata that
 * cannot be read is the server's ({@link UpstreamUnavailableException}).
 */
final class V2Json {
  private V2Json() {}

  /** {@code {"inputs":[…], "outputs":[…]}}; no {@code outputs} asks for all of them. */
  static ObjectNode request(TensorRequest request) {
    try {
      return TensorJson.writeRequest(request);
    } catch (MalformedTensorException e) {
      throw new InvalidRequestException(e.getMessage(), e.field());
    }
  }

  static TensorResponse response(String backend, String model, ObjectNode json) {
    try {
      return TensorJson.readResponse(json, model);
    } catch (MalformedTensorException e) {
      throw malformed(backend, "answer", e);
    }
  }

  static ModelMetadata metadata(String backend, ObjectNode json) {
    try {
      return TensorJson.readMetadata(json);
    } catch (MalformedTensorException e) {
      throw malformed(backend, "model metadata", e);
    }
  }

  private static UpstreamUnavailableException malformed(String backend, String what,
      MalformedTensorException e) {
    return new UpstreamUnavailableException(backend, "backend '" + backend + "' sent malformed "
        + what + ": " + e.getMessage() + " (at " + e.field() + ")", null);
  }
}
