/** Tenants: who is calling, for policy and accounting. */
package dev.fulcrum.core.tenant;
