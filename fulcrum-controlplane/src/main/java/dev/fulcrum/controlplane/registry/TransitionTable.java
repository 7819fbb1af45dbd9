package dev.fulcrum.controlplane.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lifecycle written down as data: for each state, the states it may move to. Anything not
 * listed throws {@link IllegalTransitionException} naming what would have been allowed.
 * Immutable and thread-safe.
 *
 * @param <S> the lifecycle's states
 */
public final class TransitionTable<S extends Enum<S>> {
  private final String subject;
  private final Map<S, Set<S>> allowed;

  private TransitionTable(String subject, Map<S, Set<S>> allowed) {
    this.subject = subject;
    this.allowed = allowed;
  }

  /**
   * @param subject what moves through the lifecycle, for messages ({@code model version})
   */
  public static <S extends Enum<S>> Builder<S> builder(String subject, Class<S> states) {
    return new Builder<>(subject, states);
  }

  /** The states {@code from} may move to; empty for a final state. */
  public Set<S> allowedFrom(S from) {
    return allowed.get(from);
  }

  public boolean allows(S from, S to) {
    return allowed.get(from).contains(to);
  }

  /**
   * @param name the thing moving, for the message ({@code chat-large@3})
   * @throws IllegalTransitionException when the table has no {@code from → to} entry
   */
  public void check(String name, S from, S to) {
    if (!allows(from, to)) {
      throw new IllegalTransitionException(subject, name, from.name(), to.name(),
          allowedFrom(from).stream().map(Enum::name).toList());
    }
  }

  /** Collects the table; states never mentioned as a source are final. */
  public static final class Builder<S extends Enum<S>> {
    private final String subject;
    private final Class<S> states;
    private final Map<S, Set<S>> allowed;

    private Builder(String subject, Class<S> states) {
      this.subject = Objects.requireNonNull(subject, "subject");
      this.states = states;
      this.allowed = new EnumMap<>(states);
      for (S state : states.getEnumConstants()) {
        allowed.put(state, EnumSet.noneOf(states));
      }
    }

    @SafeVarargs
    public final Builder<S> allow(S from, S... to) {
      for (S target : to) {
        if (target == from) {
          throw new IllegalArgumentException("a state does not transition to itself: " + from);
        }
        allowed.get(from).add(target);
      }
      return this;
    }

    public TransitionTable<S> build() {
      Map<S, Set<S>> frozen = new EnumMap<>(states);
      allowed.forEach((from, to) -> frozen.put(from,
          Collections.unmodifiableSet(EnumSet.copyOf(to.isEmpty() ? EnumSet.noneOf(states) : to))));
      return new TransitionTable<>(subject, Collections.unmodifiableMap(frozen));
    }
  }
}
