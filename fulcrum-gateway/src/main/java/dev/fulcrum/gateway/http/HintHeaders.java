package dev.fulcrum.gateway.http;

import dev.fulcrum.core.error.InvalidRequestException;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.dataplane.pipeline.RequestHints;
import dev.fulcrum.dataplane.routing.Constraints;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the {@code x-fulcrum-*} request hints, rejecting malformed values with a clear 400. */
final class HintHeaders {
  static final String PRIVACY = "x-fulcrum-privacy";
  static final String LATENCY = "x-fulcrum-latency-ms";
  static final String MAX_COST = "x-fulcrum-max-cost-usd";
  static final String FEATURE = "x-fulcrum-feature";
  static final String EXPLAIN = "x-fulcrum-explain";
  private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

  private HintHeaders() {}

  static RequestHints parse(MultiMap headers) {
    String privacy = headers.get(PRIVACY);
    String latency = headers.get(LATENCY);
    String maxCost = headers.get(MAX_COST);
    String feature = headers.get(FEATURE);
    if (privacy == null && latency == null && maxCost == null && feature == null) {
      return RequestHints.NONE;
    }
    return new RequestHints(privacy(privacy), new Constraints(latency(latency), cost(maxCost)),
        feature(feature));
  }

  static boolean explain(MultiMap headers) {
    return "true".equalsIgnoreCase(headers.get(EXPLAIN));
  }

  private static PrivacyLevel privacy(String value) {
    if (value == null) {
      return PrivacyLevel.PUBLIC;
    }
    try {
      return PrivacyLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("header " + PRIVACY + " must be private, internal or "
          + "public");
    }
  }

  private static long latency(String value) {
    if (value == null) {
      return 0;
    }
    try {
      long millis = Long.parseLong(value.strip());
      if (millis > 0) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("header " + LATENCY + " must be a positive whole number "
        + "of milliseconds");
  }

  private static double cost(String value) {
    if (value == null) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double usd = Double.parseDouble(value.strip());
      if (usd >= 0 && Double.isFinite(usd)) {
        return usd;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("header " + MAX_COST + " must be a non-negative number of "
        + "US dollars, e.g. 0.01");
  }

  private static String feature(String value) {
    if (value == null) {
      return "";
    }
    if (!FEATURE_NAME.matcher(value).matches()) {
      throw new InvalidRequestException("header " + FEATURE + " must be 1-64 letters, digits or "
          + "._:/- characters");
    }
    return value;
  }
}
