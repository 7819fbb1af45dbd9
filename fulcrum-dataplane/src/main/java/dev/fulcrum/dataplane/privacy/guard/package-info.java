/**
 * Privacy on the request path: the scan of each request, the per-placement outbound request
 * (raw or sanitized), and restoring answers from the per-request vault, streams included.
 */
package dev.fulcrum.dataplane.privacy.guard;
