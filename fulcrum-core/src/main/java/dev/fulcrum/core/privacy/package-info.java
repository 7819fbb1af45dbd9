/** The privacy vocabulary: entity types, detected entities, privacy levels. */
package dev.fulcrum.core.privacy;
