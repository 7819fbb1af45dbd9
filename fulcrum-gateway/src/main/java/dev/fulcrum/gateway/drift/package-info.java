/**
 * Drift monitoring of the live traffic: features from every answered request, per-model
 * reference and current windows, alerts, and the admin view.
 */
package dev.fulcrum.gateway.drift;
