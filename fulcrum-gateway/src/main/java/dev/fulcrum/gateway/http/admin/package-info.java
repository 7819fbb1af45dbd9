/**
 * The admin API ({@code /admin/v1}) behind admin keys: models and versions, rollouts, kill
 * switches, the published routing state, the audit log, and the encrypted archive with its
 * tenant keys, over the control plane's services.
 *
 * <p>{@link dev.fulcrum.gateway.http.admin.AdminApi} mounts one small service class per resource
 * ({@code ModelAdminService}, {@code RolloutAdminService}, {@code KillSwitchAdminService}, {@code
 * StateAdminService}, {@code AuditAdminService}, {@code ArchiveAdminService}); each lists its
 * routes. Endpoints run on worker threads (the control plane does blocking I/O), read JSON
 * through {@code JsonBody} (400s name the field), write snake_case JSON, and leave every failure
 * to {@code AdminErrors}, the one place that maps exceptions to OpenAI-shaped errors.
 * Reference: {@code docs/admin.md}.
 */
package dev.fulcrum.gateway.http.admin;
