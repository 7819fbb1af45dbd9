package dev.fulcrum.inference.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.core.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Open Inference Protocol v2 server on an ephemeral port, for tests. It checks requests
 * the way Triton does (400 with {@code {"error": "…"}}), records what it receives, and serves:
 *
 * <ul>
 *   <li>{@code embedder}: {@code TEXT} BYTES [-1, 1] → {@code EMBEDDING} FP32 [-1, 8]; the
 *       vector of a text depends only on the text
 *   <li>{@code two-heads}: {@code text} BYTES [-1] → {@code vec} FP32 [-1, 4] and
 *       {@code norm} FP32 [-1]; needs its embedding output named in the settings
 *   <li>{@code add_sub}: {@code INPUT0}, {@code INPUT1} FP32 [-1, 4] → {@code OUTPUT0} (sum),
 *       {@code OUTPUT1} (difference) FP32 [-1, 4], the Triton quick-start model
 *   <li>{@code lengths}: {@code TEXT} BYTES [-1] → {@code LENGTH} INT64 [-1]
 *   <li>{@code nested}: like {@code add_sub} but answers with data nested by row
 *   <li>{@code liar}: like {@code add_sub} but answers one element short
 *   <li>{@code error-NNN}: answers HTTP NNN with a v2 error body, for metadata and inference
 *   <li>{@code slow-MS}: like {@code embedder}, but infers after MS milliseconds
 *   <li>{@code reset}, {@code garbage}: like {@code add_sub}, but infers by dropping the
 *       connection, or by answering 200 with a body that is not JSON
 * </ul>
 */
public final class FakeKServe implements AutoCloseable {

  /** One request as the server received it. */
  public record Received(String method, String path, String authorization, String body) {}

  private static final Map<String, String> METADATA = Map.of(
      "embedder", "{\"name\":\"embedder\",\"versions\":[\"1\"],\"platform\":\"onnxruntime_onnx\","
          + "\"inputs\":[{\"name\":\"TEXT\",\"datatype\":\"BYTES\",\"shape\":[-1,1]}],"
          + "\"outputs\":[{\"name\":\"EMBEDDING\",\"datatype\":\"FP32\",\"shape\":[-1,8]}]}",
      "two-heads", "{\"name\":\"two-heads\",\"versions\":[\"1\"],\"platform\":\"python\","
          + "\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]}],"
          + "\"outputs\":[{\"name\":\"vec\",\"datatype\":\"FP32\",\"shape\":[-1,4]},"
          + "{\"name\":\"norm\",\"datatype\":\"FP32\",\"shape\":[-1]}]}",
      "add_sub", "{\"name\":\"add_sub\",\"versions\":[\"1\"],\"platform\":\"python\","
          + "\"inputs\":[{\"name\":\"INPUT0\",\"datatype\":\"FP32\",\"shape\":[-1,4]},"
          + "{\"name\":\"INPUT1\",\"datatype\":\"FP32\",\"shape\":[-1,4]}],"
          + "\"outputs\":[{\"name\":\"OUTPUT0\",\"datatype\":\"FP32\",\"shape\":[-1,4]},"
          + "{\"name\":\"OUTPUT1\",\"datatype\":\"FP32\",\"shape\":[-1,4]}]}",
      "lengths", "{\"name\":\"lengths\",\"versions\":[],\"platform\":\"python\","
          + "\"inputs\":[{\"name\":\"TEXT\",\"datatype\":\"BYTES\",\"shape\":[-1]}],"
          + "\"outputs\":[{\"name\":\"LENGTH\",\"datatype\":\"INT64\",\"shape\":[-1]}]}");

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger metadataReads = new AtomicInteger();
  private volatile boolean ready = true;

  private FakeKServe(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static FakeKServe start() {
    FakeKServe fake = new FakeKServe(Vertx.vertx());
    try {
      fake.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
    return fake;
  }

  /** The server root to configure, e.g. {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Inference requests received for {@code model}. */
  public List<Received> inferences(String model) {
    return received.stream().filter(r -> r.path().equals("/v2/models/" + model + "/infer"))
        .toList();
  }

  public int metadataReads() {
    return metadataReads.get();
  }

  public void ready(boolean isReady) {
    ready = isReady;
  }

  @Override
  public void close() {
    vertx.close();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      String text = body.toString(StandardCharsets.UTF_8);
      received.add(new Received(request.method().name(), request.path(),
          request.getHeader("authorization"), text));
      HttpServerResponse response = request.response();
      String[] parts = request.path().split("/");
      if (request.path().equals("/v2/health/ready")) {
        response.setStatusCode(ready ? 200 : 400).end();
      } else if (parts.length >= 4 && parts[1].equals("v2") && parts[2].equals("models")) {
        String model = parts[3];
        String action = parts.length > 4 ? parts[4] : "";
        route(request.method(), model, action, text, response);
      } else {
        error(response, 404, "unknown path " + request.path());
      }
    });
  }

  private void route(HttpMethod method, String model, String action, String body,
      HttpServerResponse response) {
    if (model.startsWith("error-")) {
      error(response, Integer.parseInt(model.substring(6)), "fake kserve error "
          + model.substring(6));
      return;
    }
    String metadata = metadataOf(model);
    if (metadata == null) {
      error(response, 400, "Request for unknown model: '" + model + "' is not found");
    } else if (action.isEmpty() && method == HttpMethod.GET) {
      metadataReads.incrementAndGet();
      json(response, metadata);
    } else if (action.equals("ready")) {
      response.setStatusCode(200).end();
    } else if (action.equals("infer") && method == HttpMethod.POST) {
      infer(model, body, response);
    } else {
      error(response, 404, "unknown action " + action);
    }
  }

  private static String metadataOf(String model) {
    if (model.startsWith("slow-")) {
      return METADATA.get("embedder").replace("\"embedder\"", "\"" + model + "\"");
    }
    String base = switch (model) {
      case "nested", "liar", "reset", "garbage" -> "add_sub";
      default -> model;
    };
    String metadata = METADATA.get(base);
    return metadata == null ? null : metadata.replace("\"" + base + "\"", "\"" + model + "\"");
  }

  private void infer(String model, String body, HttpServerResponse response) {
    JsonNode request;
    try {
      request = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      error(response, 400, "failed to parse the request JSON buffer");
      return;
    }
    String problem = check(metadataOf(model), request);
    if (problem != null) {
      error(response, 400, problem);
      return;
    }
    switch (model) {
      case "reset" -> response.reset();
      case "garbage" -> response.putHeader("content-type", "application/json").end("<oops>");
      default -> {
        if (model.startsWith("slow-")) {
          vertx.setTimer(Long.parseLong(model.substring(5)),
              id -> json(response, embed(model, request, "EMBEDDING", 8).toString()));
        } else {
          json(response, answer(model, request).toString());
        }
      }
    }
  }

  /** What Triton would say about a request that does not fit the model, or null. */
  private static String check(String metadata, JsonNode request) {
    JsonNode spec;
    try {
      spec = Json.MAPPER.readTree(metadata);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (JsonNode input : request.path("inputs")) {
      JsonNode declared = null;
      for (JsonNode candidate : spec.path("inputs")) {
        if (candidate.path("name").equals(input.path("name"))) {
          declared = candidate;
        }
      }
      if (declared == null) {
        return "unexpected inference input '" + input.path("name").asText() + "'";
      }
      if (!declared.path("datatype").equals(input.path("datatype"))) {
        return "inference input data-type is '" + input.path("datatype").asText()
            + "', model expects '" + declared.path("datatype").asText() + "'";
      }
      long elements = 1;
      for (JsonNode dim : input.path("shape")) {
        elements *= dim.asLong();
      }
      if (input.path("data").size() != elements) {
        return "unexpected number of elements for input '" + input.path("name").asText() + "'";
      }
    }
    return null;
  }

  private static ObjectNode answer(String model, JsonNode request) {
    return switch (model) {
      case "embedder" -> embed(model, request, "EMBEDDING", 8);
      case "two-heads" -> twoHeads(request);
      case "lengths" -> lengths(request);
      default -> addSub(model, request);
    };
  }

  private static ObjectNode embed(String model, JsonNode request, String output, int dims) {
    JsonNode texts = request.path("inputs").get(0).path("data");
    ArrayNode data = Json.MAPPER.createArrayNode();
    for (JsonNode text : texts) {
      int seed = text.asText().hashCode();
      for (int d = 0; d < dims; d++) {
        data.add(((seed >>> (d * 3)) & 0xff) / 255.0);
      }
    }
    return result(model, output, "FP32", new long[] {texts.size(), dims}, data);
  }

  private static ObjectNode twoHeads(JsonNode request) {
    ObjectNode answer = embed("two-heads", request, "vec", 4);
    JsonNode texts = request.path("inputs").get(0).path("data");
    ArrayNode norms = Json.MAPPER.createArrayNode();
    texts.forEach(text -> norms.add(1.0));
    ObjectNode norm = ((ArrayNode) answer.path("outputs")).addObject();
    norm.put("name", "norm").put("datatype", "FP32");
    norm.putArray("shape").add(texts.size());
    norm.set("data", norms);
    return answer;
  }

  private static ObjectNode lengths(JsonNode request) {
    JsonNode texts = request.path("inputs").get(0).path("data");
    ArrayNode data = Json.MAPPER.createArrayNode();
    texts.forEach(text -> data.add((long) text.asText().getBytes(StandardCharsets.UTF_8).length));
    return result("lengths", "LENGTH", "INT64", new long[] {texts.size()}, data);
  }

  private static ObjectNode addSub(String model, JsonNode request) {
    JsonNode a = input(request, "INPUT0");
    JsonNode b = input(request, "INPUT1");
    long rows = a.path("shape").get(0).asLong();
    ObjectNode json = Json.object();
    json.put("model_name", model).put("model_version", "1");
    ArrayNode outputs = json.putArray("outputs");
    for (String name : List.of("OUTPUT0", "OUTPUT1")) {
      if (!wanted(request, name)) {
        continue;
      }
      ArrayNode flat = Json.MAPPER.createArrayNode();
      for (int i = 0; i < a.path("data").size(); i++) {
        double x = a.path("data").get(i).asDouble();
        double y = b.path("data").get(i).asDouble();
        flat.add(name.equals("OUTPUT0") ? x + y : x - y);
      }
      if (model.equals("liar")) {
        flat.remove(flat.size() - 1);
      }
      ObjectNode output = outputs.addObject();
      output.put("name", name).put("datatype", "FP32");
      output.putArray("shape").add(rows).add(4);
      output.set("data", model.equals("nested") ? nest(flat, 4) : flat);
    }
    return json;
  }

  private static ObjectNode result(String model, String output, String datatype, long[] shape,
      ArrayNode data) {
    ObjectNode json = Json.object();
    json.put("model_name", model).put("model_version", "1");
    ObjectNode tensor = json.putArray("outputs").addObject();
    tensor.put("name", output).put("datatype", datatype);
    ArrayNode dims = tensor.putArray("shape");
    for (long dim : shape) {
      dims.add(dim);
    }
    tensor.set("data", data);
    return json;
  }

  private static JsonNode input(JsonNode request, String name) {
    for (JsonNode input : request.path("inputs")) {
      if (input.path("name").asText().equals(name)) {
        return input;
      }
    }
    throw new IllegalStateException("missing input " + name);
  }

  private static boolean wanted(JsonNode request, String output) {
    JsonNode outputs = request.path("outputs");
    if (!outputs.isArray() || outputs.isEmpty()) {
      return true;
    }
    for (JsonNode wanted : outputs) {
      if (wanted.path("name").asText().equals(output)) {
        return true;
      }
    }
    return false;
  }

  private static ArrayNode nest(ArrayNode flat, int width) {
    ArrayNode rows = Json.MAPPER.createArrayNode();
    for (int i = 0; i < flat.size(); i += width) {
      ArrayNode row = rows.addArray();
      for (int j = i; j < Math.min(flat.size(), i + width); j++) {
        row.add(flat.get(j));
      }
    }
    return rows;
  }

  private static void json(HttpServerResponse response, String body) {
    response.putHeader("content-type", "application/json").end(body);
  }

  private static void error(HttpServerResponse response, int status, String message) {
    ObjectNode json = Json.object();
    json.put("error", message);
    if (status == 429) {
      response.putHeader("retry-after", "3");
    }
    response.setStatusCode(status).putHeader("content-type", "application/json")
        .end(json.toString());
  }
}
