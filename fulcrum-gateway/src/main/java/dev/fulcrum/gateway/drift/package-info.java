/**
 * Drift monitoring of the live traffic: features from answered requests (every one, up to a
 * per-model cap per second), per-model reference and current windows, alerts, and the admin view.
 */
package dev.fulcrum.gateway.drift;
