package dev.fulcrum.gateway.http.admin;

import dev.fulcrum.controlplane.archive.TenantShreddedException;
import dev.fulcrum.controlplane.registry.IllegalTransitionException;
import dev.fulcrum.controlplane.registry.RegistryConflictException;
import dev.fulcrum.controlplane.registry.RegistryException;
import dev.fulcrum.controlplane.registry.UnknownModelException;
import dev.fulcrum.controlplane.registry.UnknownVersionException;
import dev.fulcrum.controlplane.rollout.UnknownRolloutException;
import dev.fulcrum.controlplane.store.StoreException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where admin API failures become HTTP answers. Control-plane exceptions carry
 * messages written for operators and keep them: unknown things are 404, moves the lifecycle
 * does not allow and conflicts with the current state are 409 (the message names the allowed
 * transitions), an archived record of a crypto-shredded tenant is 410, bad input is 400 naming
 * the field. A store failure is 503 and anything else a
 * 500; both are logged here and answered with the request id only, never internals.
 */
final class AdminErrors {
  private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);
  private static final String INVALID = "invalid_request_error";

  private AdminErrors() {}

  static AdminError map(Throwable failure, String requestId) {
    Throwable error = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return switch (error) {
      case BadRequestException e -> new AdminError(400, INVALID, "invalid_field", e.param(),
          e.getMessage());
      case AdminNotFoundException e -> new AdminError(404, INVALID, e.code(), e.param(),
          e.getMessage());
      case UnknownModelException e -> notFound("model_not_found", "model", e);
      case UnknownVersionException e -> notFound("version_not_found", "version", e);
      case UnknownRolloutException e -> notFound("rollout_not_found", "id", e);
      case IllegalTransitionException e -> new AdminError(409, INVALID, "illegal_transition",
          null, e.getMessage());
      case TenantShreddedException e -> new AdminError(410, INVALID, "tenant_shredded", null,
          e.getMessage());
      case RegistryConflictException e -> conflict(e);
      case RegistryException e -> conflict(e);
      // the domain's constructors and services validate their arguments with this
      case IllegalArgumentException e -> new AdminError(400, INVALID, "invalid_value", null,
          e.getMessage());
      case StoreException e -> {
        log.warn("admin request {}: the store failed: {}", requestId, e.getMessage());
        yield new AdminError(503, "server_error", "store_unavailable", null, "the control-plane "
            + "store did not complete the request; nothing was changed, try again (request id "
            + requestId + "; details in the gateway log)");
      }
      default -> {
        log.error("admin request {}: unexpected failure", requestId, error);
        yield new AdminError(500, "server_error", "internal_error", null, "internal error in "
            + "Fulcrum's admin API; quote request id " + requestId + " when reporting it");
      }
    };
  }

  private static AdminError notFound(String code, String param, RegistryException e) {
    return new AdminError(404, INVALID, code, param, e.getMessage());
  }

  private static AdminError conflict(RegistryException e) {
    return new AdminError(409, INVALID, "conflict", null, e.getMessage());
  }
}
