package dev.fulcrum.dataplane.privacy.ner;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;

/**
 * The BIO tag set: {@code O}, then {@code B-} and {@code I-} for each entity type. Tag 0 is
 * outside; tag {@code 1 + 2k} begins and {@code 2 + 2k} continues an entity of type k.
 */
final class Labels {
  static final EntityType[] TYPES = {
      EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.NRP};
  static final int COUNT = 1 + 2 * TYPES.length;
  static final int OUTSIDE = 0;

  private Labels() {}

  static int begin(int type) {
    return 1 + 2 * type;
  }

  static int inside(int type) {
    return 2 + 2 * type;
  }

  /** The entity type index of a tag, or -1 for outside. */
  static int type(int tag) {
    return tag == OUTSIDE ? -1 : (tag - 1) / 2;
  }

  static boolean isBegin(int tag) {
    return tag != OUTSIDE && (tag - 1) % 2 == 0;
  }

  /** Whether {@code tag} may follow {@code prev}; {@code prev} is -1 at the start. */
  static boolean allowed(int prev, int tag) {
    if (tag == OUTSIDE || isBegin(tag)) {
      return true;
    }
    return prev >= 0 && type(prev) == type(tag);
  }

  static String name(int tag) {
    return tag == OUTSIDE ? "O" : (isBegin(tag) ? "B-" : "I-") + TYPES[type(tag)].name();
  }

  static int typeIndex(EntityType type) {
    for (int k = 0; k < TYPES.length; k++) {
      if (TYPES[k] == type) {
        return k;
      }
    }
    return -1;
  }

  static Entity entity(int type, int start, int end, double score) {
    return new Entity(TYPES[type], start, end, score);
  }
}
