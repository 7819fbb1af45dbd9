/**
 * {@code fulcrum.yaml}: loading, {@code ${ENV}} interpolation and validation with errors that
 * name the file, line, path and fix.
 */
package dev.fulcrum.gateway.config;
