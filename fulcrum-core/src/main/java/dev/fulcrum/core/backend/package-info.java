/**
 * The backend SPI: one small interface per capability, each with one abstract {@code doX}
 * method per provider and a guarding pipeline method callers use. Adapters live in
 * {@code fulcrum-inference}, one package each, and all pass the contract test kit in this
 * module's test jar.
 */
package dev.fulcrum.core.backend;
