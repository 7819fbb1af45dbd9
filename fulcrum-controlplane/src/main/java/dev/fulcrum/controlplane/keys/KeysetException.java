package dev.fulcrum.controlplane.keys;

/**
 * A keyset could not be read, written, generated or turned into a primitive: the file is missing
 * or unreadable, holds a different kind of key than asked for, or is corrupt. Messages name the
 * source (a path) and never contain key material.
 */
public final class KeysetException extends RuntimeException {
  public KeysetException(String message, Throwable cause) {
    super(message, cause);
  }
}
