package dev.fulcrum.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML document and the line of every value in it, so errors can point at the line.
 */
final class YamlSource {
  private static final YAMLMapper MAPPER = new YAMLMapper();

  final String file;
  final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlSource(String file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  static YamlSource parse(String file, String text) {
    try {
      JsonNode root = MAPPER.readTree(text);
      return new YamlSource(file, root, index(text));
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
          && p.getLocation() != null ? p.getLocation().getLineNr() : 0;
      String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
          ? p.getOriginalMessage().split("\n", 2)[0] : e.getMessage();
      throw new ConfigException(file + ":" + line + ": not valid YAML: " + reason
          + "; check the indentation and quoting around that line");
    }
  }

  /** The 1-based line of the value at {@code pointer}, or of its nearest ancestor. */
  int line(JsonPointer pointer) {
    for (JsonPointer p = pointer; p != null; p = p.head()) {
      Integer line = lines.get(p.toString());
      if (line != null) {
        return line;
      }
    }
    return 1;
  }

  private static Map<String, Integer> index(String text) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        int line = parser.currentTokenLocation().getLineNr();
        if (token.isStructStart()) {
          // a struct's own pointer is that of its parent slot; record where it starts
          pointer = parser.getParsingContext().getParent() == null ? ""
              : parser.getParsingContext().getParent().pathAsPointer().toString();
        }
        lines.putIfAbsent(pointer, line);
      }
    }
    return lines;
  }
}
