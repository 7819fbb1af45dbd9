package dev.fulcrum.dataplane.privacy.pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The pattern recognizers, one factory method each, plus {@link #all()} for the standard set.
 * Every recognizer returned is immutable, thread-safe and does no I/O (the TLD list is a class
 * path resource read once).
 *
 * <p>Scores (a detector's default minimum score is 0.5): checksum-validated values (cards,
 * IBANs) and e-mail addresses 1.0; vendor-prefixed secrets, JWTs and PEM keys 0.95; IP
 * addresses 0.9; URLs 0.8-0.9; Luhn-valid cards of unknown issuers after "card" 0.8; phone
 * numbers 0.75, 0.9 with a context word (possible-only numbers 0.7 with context, else 0.4; past
 * the matcher budget 0.5 unverified); SSNs 0.85 dashed,
 * 0.6 spaced, 0.95 with context (bare nine digits only with context); dates of birth 0.85;
 * high-entropy tokens 0.7; bare domain names 0.6. Unlikely readings (a version number that looks
 * like an IPv4 address, a domain ending in a file-extension TLD) score 0.3.
 */
public final class PatternRecognizers {

  /** Default regions for national-format phone numbers (international ones need none). */
  public static final List<String> DEFAULT_PHONE_REGIONS =
      List.of("US", "GB", "DE", "FR", "IN", "CA", "AU", "BR", "IL", "ES", "IT", "NL");

  /** How strictly a phone number candidate is checked; mirrors libphonenumber's leniency. */
  public enum PhoneLeniency {
    /** A possible length for the region. */
    POSSIBLE,
    /** A valid number for the region (the default). */
    VALID,
    /** Valid, and grouped the way the region groups numbers (loosely). */
    STRICT_GROUPING,
    /** Valid, and grouped exactly the way the region formats numbers. */
    EXACT_GROUPING;

    PhoneNumberUtil.Leniency toLibphonenumber() {
      return switch (this) {
        case POSSIBLE -> PhoneNumberUtil.Leniency.POSSIBLE;
        case VALID -> PhoneNumberUtil.Leniency.VALID;
        case STRICT_GROUPING -> PhoneNumberUtil.Leniency.STRICT_GROUPING;
        case EXACT_GROUPING -> PhoneNumberUtil.Leniency.EXACT_GROUPING;
      };
    }
  }

  private PatternRecognizers() {}

  /** Every pattern recognizer with default settings. */
  public static List<Recognizer> all() {
    return List.of(email(), phone(), creditCard(), iban(), usSsn(), ipAddress(), url(),
        domainName(), secret(), highEntropySecret(), dateOfBirth());
  }

  public static Recognizer email() {
    return new EmailRecognizer();
  }

  /** Phone numbers in {@link #DEFAULT_PHONE_REGIONS} at {@link PhoneLeniency#VALID}. */
  public static Recognizer phone() {
    return phone(DEFAULT_PHONE_REGIONS, PhoneLeniency.VALID);
  }

  /**
   * Phone numbers in the given regions (ISO 3166 alpha-2 codes, such as "US") and leniency.
   *
   * @throws IllegalArgumentException when a region is not one libphonenumber knows
   */
  public static Recognizer phone(List<String> regions, PhoneLeniency leniency) {
    Objects.requireNonNull(leniency, "leniency");
    var supported = PhoneNumberUtil.getInstance().getSupportedRegions();
    List<String> upper = regions.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
    for (String region : upper) {
      if (!supported.contains(region)) {
        throw new IllegalArgumentException("phone region '" + region + "' is not an ISO 3166 "
            + "alpha-2 code that libphonenumber knows; use codes such as US, GB, DE");
      }
    }
    return new PhoneRecognizer(upper, leniency.toLibphonenumber());
  }

  public static Recognizer creditCard() {
    return new CreditCardRecognizer();
  }

  public static Recognizer iban() {
    return new IbanRecognizer();
  }

  public static Recognizer usSsn() {
    return new UsSsnRecognizer();
  }

  public static Recognizer ipAddress() {
    return new IpAddressRecognizer();
  }

  public static Recognizer url() {
    return new UrlRecognizer();
  }

  public static Recognizer domainName() {
    return new DomainNameRecognizer();
  }

  /** Vendor-prefixed API keys, JWTs and PEM private keys. */
  public static Recognizer secret() {
    return new SecretRecognizer();
  }

  /** Random-looking tokens without a known prefix. */
  public static Recognizer highEntropySecret() {
    return new HighEntropyRecognizer();
  }

  /** Dates next to a birth context word. */
  public static Recognizer dateOfBirth() {
    return new DateOfBirthRecognizer();
  }
}
