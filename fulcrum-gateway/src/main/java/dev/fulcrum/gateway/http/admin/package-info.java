/**
 * The admin API ({@code /admin/v1}): models, versions, rollouts, kill switches, usage and audit,
 * behind admin keys.
 */
package dev.fulcrum.gateway.http.admin;
