/**
 * The request pipeline: one request from routing through dispatch and fallback. Together with
 * {@code fulcrum-core} and {@code fulcrum-inference} this is the embeddable Java SDK.
 */
package dev.fulcrum.dataplane.pipeline;
