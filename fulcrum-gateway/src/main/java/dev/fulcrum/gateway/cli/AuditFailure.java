package dev.fulcrum.gateway.cli;

/**
 * An audit command could not do its work (bad config, missing keyset or store, bad argument):
 * the message says what and how to fix it; the command prints it and exits with {@link #CODE}.
 */
final class AuditFailure extends RuntimeException {
  /** The exit code for "could not run", as for picocli's own usage errors. */
  static final int CODE = 2;

  AuditFailure(String message) {
    super(message, null, false, false);
  }
}
