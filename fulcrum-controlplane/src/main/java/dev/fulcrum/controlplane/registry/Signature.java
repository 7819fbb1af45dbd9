package dev.fulcrum.controlplane.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.util.Objects;

/**
 * A version's input and output contract, each a JSON Schema document kept as compact JSON text
 * (a record of text stays immutable; parse it with {@link Json#MAPPER} to use it).
 *
 * @param input the schema of what the version accepts
 * @param output the schema of what it returns
 */
public record Signature(String input, String output) {
  /** Accepts and returns anything: for chat models whose contract is the OpenAI API. */
  public static final Signature ANY = new Signature("{}", "{}");

  public Signature {
    input = compactObject(input, "input");
    output = compactObject(output, "output");
  }

  private static String compactObject(String schema, String which) {
    Objects.requireNonNull(schema, which);
    try {
      JsonNode node = Json.MAPPER.readTree(schema);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("signature " + which + " must be a JSON object "
            + "(a JSON Schema)");
      }
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("signature " + which + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ")", e);
    }
  }
}
