/** Helpers shared by the adapters of this module; not part of the public API. */
package dev.fulcrum.inference.internal;
