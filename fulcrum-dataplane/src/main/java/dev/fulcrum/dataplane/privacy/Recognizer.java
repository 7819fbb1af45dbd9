package dev.fulcrum.dataplane.privacy;

import dev.fulcrum.core.privacy.Entity;
import java.util.List;

/**
 * Finds entities of some types in text. The detector runs several recognizers over the same
 * normalized text and resolves overlaps between their findings.
 *
 * <p>Implementations are thread-safe, do no I/O, never download anything, and tolerate any
 * input (control characters, lone surrogates, replacement characters, binary junk).
 */
public interface Recognizer {

  /**
   * Appends every entity found in {@code text} to {@code out}; offsets index into {@code text}.
   */
  void find(CharSequence text, List<Entity> out);
}
