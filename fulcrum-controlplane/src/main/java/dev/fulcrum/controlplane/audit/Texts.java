package dev.fulcrum.controlplane.audit;

import java.util.List;
import java.util.Objects;

/** Validation shared by the event records: bounded, present, valid Unicode. */
final class Texts {
  private Texts() {}

  static String require(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is " + value.length() + " characters; at most "
          + maxLength + " are kept in the audit log");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " is not valid Unicode (unpaired surrogate)");
      }
    }
    return value;
  }

  static String requireNonBlank(String value, String name, int maxLength) {
    if (require(value, name, maxLength).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static List<String> requireAll(List<String> values, String name, int maxItems, int maxLength) {
    if (values.size() > maxItems) {
      throw new IllegalArgumentException(name + " has " + values.size() + " items; at most "
          + maxItems + " are kept");
    }
    values.forEach(v -> require(v, name + " item", maxLength));
    return List.copyOf(values);
  }

  static int requireStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status (100-599), got " + status);
    }
    return status;
  }
}
