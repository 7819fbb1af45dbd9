package dev.fulcrum.dataplane.privacy.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IP, domain, URL, SSN and date-of-birth recognizers try their patterns only at candidate
 * starts (see {@link Starts}), found from anchor chars or cheap char tests. These pin the places
 * where a wrong candidate rule would lose a finding: the very start and end of the text, right
 * after punctuation, several values in a row, and look-alikes that share the anchor.
 */
class CandidateStartsTest {
  private static final Recognizer IP = PatternRecognizers.ipAddress();
  private static final Recognizer URL = PatternRecognizers.url();
  private static final Recognizer DOMAIN = PatternRecognizers.domainName();
  private static final Recognizer SSN = PatternRecognizers.usSsn();
  private static final Recognizer DOB = PatternRecognizers.dateOfBirth();

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(IP, "10.0.0.1"),
        Arguments.of(IP, "2001:db8::ff00:42:8329"),
        Arguments.of(IP, "2001:db8::1"),
        Arguments.of(URL, "HTTP://EXAMPLE.COM/a"),
        Arguments.of(URL, "ftp://files.example.org/x"),
        Arguments.of(DOMAIN, "foo-bar.example.org"),
        Arguments.of(DOMAIN, "a.io"),
        Arguments.of(SSN, "536-22-1234"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void findsValuesAtTheEdgesAfterPunctuationAndInARow(Recognizer recognizer, String value) {
    for (String frame : new String[] {"%s", "(%s)", "see %s.", "x;%s, y", "%s %s %s"}) {
      String text = frame.formatted(value, value, value);
      assertThat(Found.in(recognizer, text)).as(text).containsExactly(value);
    }
  }

  @Test
  void triesIpv4OnlyWhereOneToThreeDigitsMeetADot() {
    assertThat(Found.in(IP, "1234.1.1.1 and 1.2.3.4")).containsExactly("1.2.3.4");
    assertThat(Found.in(IP, "12a.1.1.1, 0.0.0.0")).containsExactly("0.0.0.0");
  }

  @Test
  void triesIpv6OncePerRunOfAddressChars() {
    assertThat(Found.in(IP, "g2001:db8::1 x")).isEmpty();
    assertThat(Found.in(IP, "at fe80::1ff:fe23:4567:890a.")).containsExactly(
        "fe80::1ff:fe23:4567:890a");
    assertThat(Found.in(IP, "dead:beef cafe::1234:5678")).containsExactly("cafe::1234:5678");
  }

  @Test
  void triesDomainsOnlyWhereALabelFollowsTheFirstDot() {
    assertThat(Found.in(DOMAIN, "Ask the customer. Then try example.com.")).containsExactly(
        "example.com");
    assertThat(Found.in(DOMAIN, "mail jane.morrison@example.com or x_y.example.com")).isEmpty();
  }

  @Test
  void findsUrlsStartingWithWwwInAnyCase() {
    assertThat(Found.in(URL, "see https://a.example.com and Www.example.org")).containsExactly(
        "https://a.example.com", "Www.example.org");
  }

  @Test
  void findsBirthContextAtTheStartOfTheTextAndAfterPunctuation() {
    assertThat(Found.in(DOB, "DOB: 1990-05-12")).containsExactly("1990-05-12");
    assertThat(Found.in(DOB, "(born 3 March 1990)")).containsExactly("3 March 1990");
    assertThat(Found.in(DOB, "reborn 3 March 1990")).isEmpty();
  }
}
