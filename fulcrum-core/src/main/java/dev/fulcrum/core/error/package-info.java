/**
 * The closed tree of failures Fulcrum reports, split into retriable and non-retriable.
 * Messages are written for API callers and never carry payloads.
 */
package dev.fulcrum.core.error;
