/**
 * The routing snapshot the data plane reads: models, their weighted versions (canaries),
 * shadows, routes and prices, and the backends a kill switch has turned off. Published by the
 * control plane, never mutated.
 */
package dev.fulcrum.core.routing;
