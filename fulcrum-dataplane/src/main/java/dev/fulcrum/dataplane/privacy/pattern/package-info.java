/**
 * Recognizers for values with a shape that can be checked: e-mail addresses, phone numbers,
 * payment cards, IBANs, US social security numbers, IP addresses, URLs and domain names, secrets
 * and dates of birth. Each one validates what its pattern finds (checksums, registries, context
 * words) rather than trusting a regular expression alone.
 *
 * <p>{@link dev.fulcrum.dataplane.privacy.pattern.PatternRecognizers} is the only public type;
 * the recognizers themselves are package-private. All are immutable, thread-safe and linear in
 * the text length: repetition in their patterns is bounded, so a hostile input can neither
 * overflow the stack nor backtrack for long.
 */
package dev.fulcrum.dataplane.privacy.pattern;
