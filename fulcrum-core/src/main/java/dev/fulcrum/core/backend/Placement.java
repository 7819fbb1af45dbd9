package dev.fulcrum.core.backend;

/** Where a backend runs, relative to the tenant's trust boundary. */
public enum Placement {
  /** In this process or on the user's device. */
  LOCAL,
  /** In a private or on-prem pool the operator controls. */
  PRIVATE,
  /** On a third-party cloud provider. */
  CLOUD
}
