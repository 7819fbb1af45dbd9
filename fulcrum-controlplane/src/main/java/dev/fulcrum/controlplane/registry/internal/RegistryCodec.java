package dev.fulcrum.controlplane.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.routing.Price;
import dev.fulcrum.core.routing.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON columns of the registry tables. */
final class RegistryCodec {
  private RegistryCodec() {}

  static String routes(List<Route> routes) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Route route : routes) {
      array.addObject()
          .put("backend", route.backend())
          .put("model", route.upstreamModel())
          .put("input_usd_per_mtok", route.price().inputUsdPerMTok())
          .put("output_usd_per_mtok", route.price().outputUsdPerMTok());
    }
    return array.toString();
  }

  static List<Route> routes(String json) {
    List<Route> routes = new ArrayList<>();
    for (JsonNode node : read(json)) {
      routes.add(new Route(node.path("backend").asText(), node.path("model").asText(),
          new Price(node.path("input_usd_per_mtok").asDouble(),
              node.path("output_usd_per_mtok").asDouble())));
    }
    return routes;
  }

  static String write(Map<String, ?> map) {
    try {
      return Json.MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers always serializes", e);
    }
  }

  static Map<String, Double> metrics(String json) {
    return Json.MAPPER.convertValue(read(json), new TypeReference<Map<String, Double>>() {});
  }

  static Map<String, String> labels(String json) {
    return Json.MAPPER.convertValue(read(json), new TypeReference<Map<String, String>>() {});
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("registry column holds invalid JSON", e);
    }
  }
}
