/**
 * Placement: the pure, explainable router and the decisions it returns. No I/O happens here;
 * everything the router knows arrives as arguments.
 */
package dev.fulcrum.dataplane.routing;
