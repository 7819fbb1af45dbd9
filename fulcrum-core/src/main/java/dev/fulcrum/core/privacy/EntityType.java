package dev.fulcrum.core.privacy;

/** Kinds of personal or secret data the privacy scan recognises. */
public enum EntityType {
  EMAIL_ADDRESS,
  PHONE_NUMBER,
  CREDIT_CARD,
  IBAN_CODE,
  US_SSN,
  IP_ADDRESS,
  URL,
  DOMAIN_NAME,
  /** API keys, tokens, JWTs, private key blocks, high-entropy strings. */
  SECRET,
  PERSON,
  /** Street addresses, cities, countries. */
  LOCATION,
  /** Dates that identify a person, such as a date of birth. */
  DATE_TIME,
  ORGANIZATION,
  /** Nationality, religious or political group. */
  NRP
}
