package dev.fulcrum.core.privacy;

/** How sensitive a tenant's or a request's data is; decides where it may be processed. */
public enum PrivacyLevel {
  /** May go anywhere, raw. */
  PUBLIC,
  /** May leave the trust zone only sanitized. */
  INTERNAL,
  /** Must never reach a CLOUD placement, sanitized or not. */
  PRIVATE
}
