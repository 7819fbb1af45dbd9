package dev.fulcrum.gateway.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulcrum.controlplane.archive.ArchiveSummary;
import dev.fulcrum.controlplane.archive.ArchivedRecord;
import dev.fulcrum.controlplane.archive.RequestArchive;
import dev.fulcrum.core.json.Json;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.gateway.http.admin.AdminRoutes.Reply;

/**
 * The encrypted request archive and its tenant keys. With {@code archive.enabled: false} every
 * route answers 404 {@code archive_disabled}.
 *
 * <pre>
 * GET  /admin/v1/archive?tenant=T&amp;limit=N      T's newest records: ids and metadata, no content
 * GET  /admin/v1/archive/{id}                   one record, decrypted
 * POST /admin/v1/tenants/{tenant}/keys/rotate   {"by", "reason"}: new records under a new key
 * POST /admin/v1/tenants/{tenant}/shred         {"by", "reason"}: destroy all the tenant's keys
 * </pre>
 *
 * A record of a shredded tenant answers 410 {@code tenant_shredded}; rotations and shreds are
 * audited as control changes.
 */
final class ArchiveAdminService {
  private static final String PATH = AdminApi.PREFIX + "/archive";
  private static final String TENANT = AdminApi.PREFIX + "/tenants/{tenant}";
  private static final int DEFAULT_LIMIT = 100;

  private final AdminContext context;

  ArchiveAdminService(AdminContext context) {
    this.context = context;
  }

  void register(AdminRoutes routes) {
    routes.get(PATH, this::list);
    routes.get(PATH + "/{id}", this::read);
    routes.post(TENANT + "/keys/rotate", this::rotate);
    routes.post(TENANT + "/shred", this::shred);
  }

  private Reply list(AdminRequest request) {
    RequestArchive archive = archive();
    Tenant tenant = tenant("tenant", request.query("tenant").orElseThrow(() ->
        new BadRequestException("tenant", "tenant is missing; list one tenant's records with "
            + "?tenant=ID")));
    int limit = (int) request.number("limit", 1, RequestArchive.MAX_LIST, DEFAULT_LIMIT);
    return Reply.ok(RegistryJson.list(archive.list(tenant, limit).stream()
        .map(ArchiveAdminService::summary).toList()));
  }

  private Reply read(AdminRequest request) {
    RequestArchive archive = archive();
    String id = request.path("id");
    ArchivedRecord record = archive.read(id).orElseThrow(() -> new AdminNotFoundException(
        "archive_record_not_found", "id", "no archived record of request '"
            + AdminRequest.abbreviate(id) + "'; records appear shortly after a chat request "
            + "completes (list them with GET " + PATH + "?tenant=ID)"));
    return Reply.ok(summary(record.summary()).set("record",
        Json.parseObject(record.content())));
  }

  private Reply rotate(AdminRequest request) {
    RequestArchive archive = archive();
    Tenant tenant = tenant("tenant", request.path("tenant"));
    int version = archive.rotate(tenant, request.body().change());
    return Reply.ok(Json.object().put("tenant", tenant.id()).put("key_version", version)
        .put("message", "new records of tenant " + tenant.id() + " are sealed under key v"
            + version + "; older records still read with their own keys"));
  }

  private Reply shred(AdminRequest request) {
    RequestArchive archive = archive();
    Tenant tenant = tenant("tenant", request.path("tenant"));
    int destroyed = archive.shred(tenant, request.body().change());
    return Reply.ok(Json.object().put("tenant", tenant.id())
        .put("destroyed_key_versions", destroyed)
        .put("message", destroyed == 0 ? "tenant " + tenant.id() + " had no keys; nothing was "
            + "destroyed" : "destroyed " + destroyed + " key version(s) of tenant " + tenant.id()
            + ": its archived records can no longer be decrypted by anyone"));
  }

  private RequestArchive archive() {
    return context.archive().orElseThrow(() -> new AdminNotFoundException("archive_disabled",
        null, "the request archive is off (archive.enabled: false), so there are no archived "
            + "records or tenant keys; see docs/config.md#archive"));
  }

  private static ObjectNode summary(ArchiveSummary summary) {
    return Json.object().put("request_id", summary.requestId()).put("tenant", summary.tenant())
        .put("created_at", RegistryJson.time(summary.createdAt()))
        .put("key_version", summary.keyVersion());
  }

  private static Tenant tenant(String param, String id) {
    try {
      return new Tenant(id);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(param, "tenant id '" + AdminRequest.abbreviate(id)
          + "' is not valid: ids are 1 to 63 lowercase letters, digits, '-' or '_', starting "
          + "with a letter or digit");
    }
  }
}
