/** The routing snapshot the data plane reads: model aliases, their routes and prices. */
package dev.fulcrum.core.routing;
