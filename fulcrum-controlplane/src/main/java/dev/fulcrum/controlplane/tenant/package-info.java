/** Tenants and their API keys, stored only as SHA-256 hashes. */
package dev.fulcrum.controlplane.tenant;
