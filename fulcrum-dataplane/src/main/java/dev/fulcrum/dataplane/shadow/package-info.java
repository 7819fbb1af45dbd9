/**
 * Shadow traffic: mirroring a sampled share of requests to a candidate version, asynchronously
 * and bounded, and comparing its answers with the primary's.
 */
package dev.fulcrum.dataplane.shadow;
