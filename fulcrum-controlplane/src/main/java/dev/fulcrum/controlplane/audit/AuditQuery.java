package dev.fulcrum.controlplane.audit;

import dev.fulcrum.core.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events to read: any combination of tenant, time range {@code [from, to)}, request id and
 * model version, in sequence order, one page at a time. Immutable; each method returns a copy.
 *
 * <pre>{@code
 * AuditQuery.all().tenant(acme).between(monday, tuesday).limit(100)
 * }</pre>
 */
public final class AuditQuery {
  /** The largest page a query may ask for. */
  public static final int MAX_LIMIT = 1000;

  private final Tenant tenant;
  private final Instant from;
  private final Instant to;
  private final String requestId;
  private final String modelVersion;
  private final long after;
  private final int limit;

  private AuditQuery(Tenant tenant, Instant from, Instant to, String requestId,
      String modelVersion, long after, int limit) {
    this.tenant = tenant;
    this.from = from;
    this.to = to;
    this.requestId = requestId;
    this.modelVersion = modelVersion;
    this.after = after;
    this.limit = limit;
  }

  /**
   * An instant written by a person: ISO-8601 ({@code 2025-03-01T10:00:00Z}) or a UTC day
   * ({@code 2025-03-01}, its start).
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public static Instant instant(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an instant such as 2025-03-01T10:00:00Z or a "
          + "day such as 2025-03-01, got '" + (text.length() <= 40 ? text
              : text.substring(0, 40) + "…") + "'");
    }
  }

  /** Every event, 100 per page. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, 0, 100);
  }

  /** Only request events of {@code tenant}. */
  public AuditQuery tenant(Tenant tenant) {
    return new AuditQuery(Objects.requireNonNull(tenant, "tenant"), from, to, requestId,
        modelVersion, after, limit);
  }

  /** Only events written at or after {@code from} and before {@code to}. */
  public AuditQuery between(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the time range must end after it starts");
    }
    return new AuditQuery(tenant, from, to, requestId, modelVersion, after, limit);
  }

  /** Only the events of one request. */
  public AuditQuery requestId(String requestId) {
    return new AuditQuery(tenant, from, to, Objects.requireNonNull(requestId, "requestId"),
        modelVersion, after, limit);
  }

  /** Only requests served by one model version. */
  public AuditQuery modelVersion(String modelVersion) {
    return new AuditQuery(tenant, from, to, requestId,
        Objects.requireNonNull(modelVersion, "modelVersion"), after, limit);
  }

  /** Only events after sequence {@code cursor}: pass {@link AuditPage#next()} to page on. */
  public AuditQuery after(long cursor) {
    if (cursor < 0) {
      throw new IllegalArgumentException("cursor must not be negative");
    }
    return new AuditQuery(tenant, from, to, requestId, modelVersion, cursor, limit);
  }

  /** At most {@code limit} events per page (1 to {@value #MAX_LIMIT}). */
  public AuditQuery limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return new AuditQuery(tenant, from, to, requestId, modelVersion, after, limit);
  }

  public Optional<Tenant> tenant() {
    return Optional.ofNullable(tenant);
  }

  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Optional<String> modelVersion() {
    return Optional.ofNullable(modelVersion);
  }

  public long after() {
    return after;
  }

  public int limit() {
    return limit;
  }

  @Override
  public String toString() {
    return "AuditQuery[tenant=" + tenant + ", from=" + from + ", to=" + to + ", requestId="
        + requestId + ", modelVersion=" + modelVersion + ", after=" + after + ", limit=" + limit
        + "]";
  }
}
