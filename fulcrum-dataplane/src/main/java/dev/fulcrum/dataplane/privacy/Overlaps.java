package dev.fulcrum.dataplane.privacy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks a set of non-overlapping entities from overlapping findings, in two tiers.
 *
 * <p>First the validated findings (formats and checksums: cards, IBANs, phone numbers, e-mail,
 * secrets...) compete among themselves. Then the {@linkplain #isModelGuess model guesses} (people,
 * places, organizations, groups): a guess overlapping a kept validated finding is cut back to its
 * parts outside it, and a part survives only if it still holds a letter, so a phone number read
 * as part of an address stays a phone number while the address keeps its words. Within a tier,
 * candidates are ranked by score (higher first), then length (longer first), then {@link
 * #priority type priority}, then start (earlier first); each is kept unless it overlaps one
 * already kept. O(n log n).
 */
final class Overlaps {
  static final Comparator<Entity> RANK = Comparator.comparingDouble(Entity::score).reversed()
      .thenComparing(Comparator.comparingInt(Entity::length).reversed())
      .thenComparingInt(e -> priority(e.type()))
      .thenComparingInt(Entity::start);

  private Overlaps() {}

  /** The kept entities, sorted by start; {@code text} is what the offsets index into. */
  static List<Entity> resolve(CharSequence text, List<Entity> candidates) {
    List<Entity> validated = new ArrayList<>();
    List<Entity> guesses = new ArrayList<>();
    for (Entity e : candidates) {
      (isModelGuess(e.type()) ? guesses : validated).add(e);
    }
    TreeMap<Integer, Entity> kept = new TreeMap<>();
    keepRanked(validated, kept);
    if (!guesses.isEmpty()) {
      List<Entity> outside = new ArrayList<>(guesses.size());
      for (Entity guess : guesses) {
        cutAround(text, guess, kept, outside);
      }
      keepRanked(outside, kept);
    }
    return List.copyOf(kept.values());
  }

  /** People, places, organizations and groups: found by a statistical model, not validated. */
  static boolean isModelGuess(EntityType type) {
    return switch (type) {
      case PERSON, LOCATION, ORGANIZATION, NRP -> true;
      default -> false;
    };
  }

  private static void keepRanked(List<Entity> candidates, TreeMap<Integer, Entity> kept) {
    candidates.sort(RANK);
    for (Entity e : candidates) {
      if (!collides(kept, e)) {
        kept.put(e.start(), e);
      }
    }
  }

  /** Adds the parts of {@code guess} outside every kept entity that still hold a letter. */
  private static void cutAround(CharSequence text, Entity guess, TreeMap<Integer, Entity> kept,
      List<Entity> out) {
    int from = guess.start();
    Map.Entry<Integer, Entity> before = kept.lowerEntry(guess.start());
    if (before != null && before.getValue().end() > from) {
      from = before.getValue().end();
    }
    for (Entity inside : kept.subMap(guess.start(), true, guess.end(), false).values()) {
      addPart(text, guess, from, inside.start(), out);
      from = Math.max(from, inside.end());
    }
    addPart(text, guess, from, guess.end(), out);
  }

  private static void addPart(CharSequence text, Entity guess, int start, int end,
      List<Entity> out) {
    if (start == guess.start() && end == guess.end()) {
      out.add(guess);
      return;
    }
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      end--;
    }
    for (int i = start; i < end; i++) {
      if (Character.isLetter(text.charAt(i))) {
        out.add(new Entity(guess.type(), start, end, guess.score()));
        return;
      }
    }
  }

  private static boolean collides(TreeMap<Integer, Entity> kept, Entity e) {
    Map.Entry<Integer, Entity> before = kept.floorEntry(e.start());
    if (before != null && before.getValue().end() > e.start()) {
      return true;
    }
    Map.Entry<Integer, Entity> after = kept.ceilingEntry(e.start());
    return after != null && after.getValue().start() < e.end();
  }

  /**
   * Tie-break between equally scored, equally long findings: the more specific and more harmful
   * type wins (lower number). Secrets and payment data first; broad, fuzzy types last.
   */
  static int priority(EntityType type) {
    return switch (type) {
      case SECRET -> 0;
      case CREDIT_CARD -> 1;
      case IBAN_CODE -> 2;
      case US_SSN -> 3;
      case EMAIL_ADDRESS -> 4;
      case PHONE_NUMBER -> 5;
      case IP_ADDRESS -> 6;
      case URL -> 7;
      case PERSON -> 8;
      case LOCATION -> 9;
      case ORGANIZATION -> 10;
      case NRP -> 11;
      case DATE_TIME -> 12;
      case DOMAIN_NAME -> 13;
    };
  }
}
