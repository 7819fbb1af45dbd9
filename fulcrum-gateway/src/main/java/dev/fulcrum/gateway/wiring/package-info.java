/** Assembly: turns a validated config into running backends, pipeline and HTTP server. */
package dev.fulcrum.gateway.wiring;
