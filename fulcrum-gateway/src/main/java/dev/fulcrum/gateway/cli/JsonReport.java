package dev.fulcrum.gateway.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.privacy.EntityType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The findings as one JSON document, written as they are found (so memory does not grow with
 * the input), ASCII only (other characters escaped) whatever the terminal's encoding:
 *
 * <pre>{@code
 * {"source":"chats.jsonl","input":"jsonl","values":"masked",
 *  "findings":[{"line":3,"field":"messages[0].content","type":"EMAIL_ADDRESS",
 *               "start":12,"end":27,"score":1.0,"value":"b***m"}],
 *  "summary":{"lines":120,"lines_with_findings":1,"findings":1,"counts":{"EMAIL_ADDRESS":1},
 *             "unreadable":[{"line":9,"reason":"not valid JSON at column 2"}]}}
 * }</pre>
 *
 * <p>{@code field} is null for text input; scores are {@link Finding#score() rounded} to three
 * decimals.
 */
final class JsonReport implements ScanReport {
  private final Settings settings;
  private final PrintWriter out;
  private final JsonGenerator json;

  JsonReport(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
    try {
      json = Json.MAPPER.getFactory().createGenerator(out)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
      json.writeStartObject();
      json.writeStringField("source", settings.source());
      json.writeStringField("input", settings.input().name().toLowerCase(Locale.ROOT));
      json.writeStringField("values", settings.values().name().toLowerCase(Locale.ROOT));
      json.writeArrayFieldStart("findings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void add(Finding f) {
    try {
      json.writeStartObject();
      json.writeNumberField("line", f.line());
      if (settings.input() == InputFormat.TEXT) {
        json.writeNullField("field");
      } else {
        json.writeStringField("field", f.field());
      }
      json.writeStringField("type", f.entity().type().name());
      json.writeNumberField("start", f.entity().start());
      json.writeNumberField("end", f.entity().end());
      json.writeNumberField("score", f.score());
      json.writeStringField("value", settings.values().render(f.value()));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end(ScanSummary summary) {
    try {
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("lines", summary.lines());
      json.writeNumberField("lines_with_findings", summary.linesWithFindings());
      json.writeNumberField("findings", summary.findings());
      json.writeObjectFieldStart("counts");
      for (Map.Entry<EntityType, Long> count : summary.counts().entrySet()) {
        json.writeNumberField(count.getKey().name(), count.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("unreadable");
      for (ScanSummary.Unreadable line : summary.unreadable()) {
        json.writeStartObject();
        json.writeNumberField("line", line.line());
        json.writeStringField("reason", line.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
