package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.audit.AuditEntry;
import dev.fulcrum.controlplane.audit.AuditLog;
import dev.fulcrum.controlplane.audit.AuditPage;
import dev.fulcrum.controlplane.audit.AuditQuery;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /admin/v1/audit}: one page of the tamper-evident log, oldest first, filtered by any
 * of {@code tenant}, {@code from}/{@code to} (instants or UTC days; {@code [from, to)}), {@code
 * request_id} and {@code model_version}; {@code after} (a sequence number, from {@code
 * next_after}) and {@code limit} (1–1000, default 100) page through it. Each entry carries its
 * sequence, time, type, chain hash and the event's fields exactly as they were hashed. Events
 * hold counts and digests, never prompt text.
 */
final class AuditAdminService {
  private static final int DEFAULT_LIMIT = 100;

  private final AdminContext context;

  AuditAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.get(AdminApi.PREFIX + "/audit", this::page);
  }

  private Reply page(AdminRequest request) {
    AuditLog log = context.audit().orElseThrow(() -> new AdminNotFoundException(
        "audit_disabled", null, "the audit log is off (audit.enabled: false), so there is "
            + "nothing to query"));
    AuditPage page = log.query(query(request));
    ObjectNode body = Json.object().put("object", "list");
    var data = body.putArray("data");
    for (AuditEntry entry : page.entries()) {
      ObjectNode item = data.addObject()
          .put("sequence", entry.sequence())
          .put("timestamp", entry.timestamp().toString())
          .put("type", entry.event().type())
          .put("hash", entry.hash().hex());
      item.set("event", Json.parseObject(entry.eventJson().getBytes(StandardCharsets.UTF_8)));
    }
    body.put("has_more", page.more());
    page.next().ifPresentOrElse(next -> body.put("next_after", next),
        () -> body.putNull("next_after"));
    return Reply.ok(body);
  }

  private static AuditQuery query(AdminRequest request) {
    AuditQuery query = AuditQuery.all().limit(
        (int) request.number("limit", 1, AuditQuery.MAX_LIMIT, DEFAULT_LIMIT));
    Optional<String> tenant = request.query("tenant");
    if (tenant.isPresent()) {
      try {
        query = query.tenant(new Tenant(tenant.get()));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("tenant", "tenant " + e.getMessage());
      }
    }
    Optional<Instant> from = request.query("from").map(text -> instant("from", text));
    Optional<Instant> to = request.query("to").map(text -> instant("to", text));
    if (from.isPresent() || to.isPresent()) {
      Instant start = from.orElse(Instant.EPOCH);
      Instant end = to.orElse(Instant.ofEpochMilli(Long.MAX_VALUE));
      if (!start.isBefore(end)) {
        throw new BadRequestException("to", "to must be after from");
      }
      query = query.between(start, end);
    }
    query = request.query("request_id").map(query::requestId).orElse(query);
    query = request.query("model_version").map(query::modelVersion).orElse(query);
    return query.after(request.number("after", 0, Long.MAX_VALUE, 0));
  }

  private static Instant instant(String name, String text) {
    try {
      return AuditQuery.instant(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name, name + " " + e.getMessage());
    }
  }
}
