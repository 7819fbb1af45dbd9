package dev.fulcrum.controlplane.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The signed checkpoint statement: {@code {"first":F,"head":"…","last":L,"log":"fulcrum-audit",
 * "number":N,"prev":"…","root":"…","ts":MILLIS,"v":1}} in the canonical JSON form of the events.
 */
final class CheckpointCodec {
  static final String LOG = "fulcrum-audit";

  private CheckpointCodec() {}

  static String statement(long number, long first, long last, Instant ts, Sha256 root,
      Sha256 head, Sha256 previous) {
    TreeMap<String, Object> s = new TreeMap<>();
    s.put("first", first);
    s.put("head", head.hex());
    s.put("last", last);
    s.put("log", LOG);
    s.put("number", number);
    s.put("prev", previous.hex());
    s.put("root", root.hex());
    s.put("ts", ts.toEpochMilli());
    s.put("v", AuditCodec.VERSION);
    return CanonicalJson.write(s);
  }

  /**
   * @throws IllegalArgumentException when {@code statement} is not a canonical statement
   */
  static Checkpoint parse(String statement, byte[] signature) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(statement);
    } catch (IOException e) {
      throw new IllegalArgumentException("statement is not valid JSON");
    }
    JsonFields f = new JsonFields(node, "statement");
    if (f.integer("v") != AuditCodec.VERSION || !LOG.equals(f.text("log"))) {
      throw new IllegalArgumentException("statement is not a Fulcrum audit checkpoint");
    }
    Checkpoint checkpoint = new Checkpoint(f.integer("number"), f.integer("first"),
        f.integer("last"), Instant.ofEpochMilli(f.integer("ts")), new Sha256(f.text("root")),
        new Sha256(f.text("head")), new Sha256(f.text("prev")), statement, signature);
    f.done();
    if (!statement(checkpoint.number(), checkpoint.firstSequence(), checkpoint.lastSequence(),
        checkpoint.timestamp(), checkpoint.merkleRoot(), checkpoint.headHash(),
        checkpoint.previous()).equals(statement)) {
      throw new IllegalArgumentException("statement is not in canonical form");
    }
    return checkpoint;
  }
}
