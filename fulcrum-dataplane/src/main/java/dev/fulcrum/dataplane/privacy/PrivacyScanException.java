package dev.fulcrum.dataplane.privacy;

import java.util.Objects;

/**
 * The privacy scan could not finish, so nothing is known about the text and the caller must fail
 * closed (not send it anywhere it could not go raw). The gateway answers such a request with
 * HTTP 503.
 *
 * <p>Not part of the {@code FulcrumException} tree because that tree is closed in
 * {@code fulcrum-core}; the edge maps this type explicitly. The message never contains any of the
 * scanned text, and no cause is attached, since a recognizer's own exception message might.
 */
public final class PrivacyScanException extends RuntimeException {
  /**
   * The error code callers see when a request is refused because its scan failed: a
   * {@code /v1/privacy/*} call, or a request that could go nowhere inside the trust zone.
   */
  public static final String CODE = "privacy_scan_failed";

  /** Why the scan stopped. */
  public enum Reason {
    /** The scan's time budget ran out before every recognizer had run. */
    DEADLINE_EXCEEDED,
    /** A recognizer failed; its findings, and so the whole scan, cannot be trusted. */
    RECOGNIZER_FAILED
  }

  private final Reason reason;

  PrivacyScanException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  static PrivacyScanException deadlineExceeded(int scannedChars, int totalChars) {
    return new PrivacyScanException(Reason.DEADLINE_EXCEEDED, "privacy scan ran past its time "
        + "budget with " + scannedChars + " of " + totalChars + " chars scanned; the request is "
        + "refused rather than sent unscanned (raise the scan budget or send less text)");
  }

  static PrivacyScanException recognizerFailed(Recognizer recognizer, Throwable failure) {
    return new PrivacyScanException(Reason.RECOGNIZER_FAILED, "privacy recognizer "
        + recognizer.getClass().getName() + " failed with " + failure.getClass().getName()
        + "; the request is refused rather than sent unscanned");
  }

  public Reason reason() {
    return reason;
  }
}
