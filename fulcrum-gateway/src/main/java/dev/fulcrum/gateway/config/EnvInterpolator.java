package dev.fulcrum.gateway.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config strings with environment
 * values, so secrets stay out of config files. {@code $$} is a literal dollar sign.
 */
final class EnvInterpolator {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> environment;

  EnvInterpolator(Function<String, String> environment) {
    this.environment = environment;
  }

  static EnvInterpolator of(Map<String, String> variables) {
    return new EnvInterpolator(variables::get);
  }

  /**
   * @param onMissing receives the name of a variable that is unset and has no default, and
   *     throws
   */
  String apply(String value, Function<String, RuntimeException> onMissing) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$$")) {
        replacement = "$";
      } else {
        String set = environment.apply(matcher.group(1));
        if (set != null) {
          replacement = set;
        } else if (matcher.group(2) != null) {
          replacement = matcher.group(2);
        } else {
          throw onMissing.apply(matcher.group(1));
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
