/** The shared JSON mapper and safe parsing helpers. */
package dev.fulcrum.core.json;
