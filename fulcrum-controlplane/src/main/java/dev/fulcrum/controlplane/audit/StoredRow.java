package dev.fulcrum.controlplane.audit;

/**
 * One {@code audit_events} row exactly as stored. The query columns are {@code null} where the
 * event has no such field (e.g. the tenant of a control-plane change); this type never leaves
 * the package.
 */
record StoredRow(long seq, long ts, String type, String tenant, String requestId,
    String modelVersion, String body, String prevHash, String hash) {

  /** The row for an event about to be written. */
  static StoredRow of(long seq, long ts, AuditEvent event, String body, Sha256 prev,
      Sha256 hash) {
    return switch (event) {
      case RequestServed e -> new StoredRow(seq, ts, event.type(), e.tenant().id(),
          e.requestId(), e.modelVersion(), body, prev.hex(), hash.hex());
      case RequestRefused e -> new StoredRow(seq, ts, event.type(), e.tenant().id(),
          e.requestId(), null, body, prev.hex(), hash.hex());
      case ControlChange e -> new StoredRow(seq, ts, event.type(), null, null, null, body,
          prev.hex(), hash.hex());
    };
  }

  /** The row an intact store would hold for this decoded body. */
  StoredRow expected(AuditCodec.Decoded decoded) {
    return of(decoded.sequence(), decoded.timestamp().toEpochMilli(), decoded.event(), body,
        new Sha256(prevHash), new Sha256(hash));
  }

  @Override
  public String toString() {
    return "StoredRow[seq=" + seq + "]";
  }
}
