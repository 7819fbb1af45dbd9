package dev.fulcrum.controlplane.registry;

import java.util.List;

/** A lifecycle move that its {@link TransitionTable} does not list. */
public final class IllegalTransitionException extends RegistryException {
  private final String from;
  private final String to;
  private final List<String> allowed;

  /**
   * @param subject the kind of thing ({@code model version}, {@code rollout})
   * @param name which one ({@code chat-large@3}, {@code rollout 7})
   * @param allowed the states {@code from} may move to
   */
  public IllegalTransitionException(String subject, String name, String from, String to,
      List<String> allowed) {
    super(subject + " " + name + " cannot go from " + from + " to " + to + "; allowed from "
        + from + ": " + (allowed.isEmpty() ? "nothing (" + from + " is final)"
        : String.join(", ", allowed)));
    this.from = from;
    this.to = to;
    this.allowed = List.copyOf(allowed);
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  /** The states that would have been accepted from {@link #from()}. */
  public List<String> allowed() {
    return allowed;
  }
}
