package dev.fulcrum.core.error;

/**
 * The upstream refused the request with a 4xx other than 429. When the upstream blames the
 * request (400, 404, 422) the caller must change it; when it blames Fulcrum's own credentials
 * (401, 403) the operator must fix the backend configuration.
 */
public final class UpstreamRejectedException extends NonRetriableException {
  private final String backend;
  private final int upstreamStatus;

  public UpstreamRejectedException(String backend, int upstreamStatus, String message) {
    super(message, null);
    this.backend = backend;
    this.upstreamStatus = upstreamStatus;
  }

  public String backend() {
    return backend;
  }

  public int upstreamStatus() {
    return upstreamStatus;
  }

  /** True when the upstream rejected Fulcrum's credentials rather than the caller's request. */
  public boolean credentialsRejected() {
    return upstreamStatus == 401 || upstreamStatus == 403;
  }
}
