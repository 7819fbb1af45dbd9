/**
 * Internals shared by the privacy packages: text normalization with an offset map back to the
 * original. Not API: types here may change without notice; only the {@code privacy} packages use
 * them.
 */
package dev.fulcrum.dataplane.privacy.internal;
