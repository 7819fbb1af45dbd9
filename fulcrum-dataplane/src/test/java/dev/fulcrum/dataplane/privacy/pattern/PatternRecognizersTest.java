package dev.fulcrum.dataplane.privacy.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One specification per recognizer: what it must find, and look-alikes it must leave alone. */
class PatternRecognizersTest {
  private static final Recognizer EMAIL = PatternRecognizers.email();
  private static final Recognizer PHONE = PatternRecognizers.phone();
  private static final Recognizer CARD = PatternRecognizers.creditCard();
  private static final Recognizer IBAN = PatternRecognizers.iban();
  private static final Recognizer SSN = PatternRecognizers.usSsn();
  private static final Recognizer IP = PatternRecognizers.ipAddress();
  private static final Recognizer URL = PatternRecognizers.url();
  private static final Recognizer DOMAIN = PatternRecognizers.domainName();
  private static final Recognizer SECRET = PatternRecognizers.secret();
  private static final Recognizer ENTROPY = PatternRecognizers.highEntropySecret();
  private static final Recognizer DOB = PatternRecognizers.dateOfBirth();

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe@example.com", "J_O+tag@sub.example.co.uk", "o'brien@mail.ie",
      "ünïcode@exämple.de", "x@y.museum"})
  void findsEmailAddresses(String email) {
    assertThat(Found.in(EMAIL, "write to " + email + ", thanks")).containsExactly(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@localhost", "a@b.notatld", "@example.com", "x@.com",
      "first..last@example.com", "name@example", "twitter @handle"})
  void leavesEmailLookalikesAlone(String text) {
    assertThat(Found.in(EMAIL, "see " + text + " now")).isEmpty();
  }

  @Test
  void dropsTrailingLabelsThatAreNotATld() {
    assertThat(Found.in(EMAIL, "mail a@b.com.Thx")).containsExactly("a@b.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 415-555-2671", "(415) 555-2671", "+44 20 7946 0958",
      "020 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+91 98765 43210"})
  void findsPhoneNumbersInInternationalAndNationalFormats(String phone) {
    assertThat(Found.in(PHONE, "call me on " + phone + " tomorrow")).containsExactly(phone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"in 2024 we grew 12%", "order 12345", "version 1.2.3",
      "on 2023-10-05 at 12:30:45", "the 94941 2505 Heatherleigh Suite"})
  void leavesNumbersThatAreNotPhoneNumbersAlone(String text) {
    assertThat(Found.in(PHONE, text)).isEmpty();
  }

  @Test
  void reportsANationalNumberOnceTheFirstRegionHasValidatedIt() {
    List<Entity> out = new ArrayList<>();

    PHONE.find("call (415) 555-2671 today", out);

    assertThat(out).filteredOn(e -> e.start() == 5 && e.end() == 19).singleElement()
        .satisfies(e -> assertThat(e.score()).isEqualTo(0.9));
  }

  @Test
  void needsContextForNumbersThatAreOnlyPossible() {
    assertThat(Found.in(PHONE, "phone: 467 3395")).containsExactly("467 3395");
    assertThat(Found.in(PHONE, "it took 467 3395 steps")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
      "5500 0000 0000 0004", "3400 000000 00009", "6011000000000004", "2223000048400011",
      "3530111333300000"})
  void findsLuhnValidCardsOfKnownIssuers(String card) {
    assertThat(Found.in(CARD, "pay with " + card + " today")).containsExactly(card);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "1234567812345678", "9111111111111111",
      "41111111111111111111111", "SKU4111111111111111"})
  void leavesNumbersThatFailLuhnOrIssuerChecksAlone(String text) {
    assertThat(Found.in(CARD, "ref " + text + " end")).isEmpty();
  }

  @Test
  void findsACardFollowedByItsExpiryAsTheCardAlone() {
    assertThat(Found.in(CARD, "4111 1111 1111 1111 1228")).containsExactly("4111 1111 1111 1111");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32",
      "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "FR1420041010050500013M02606",
      "NO9386011117947", "gb82west12345698765432"})
  void findsIbansGroupedOrNot(String iban) {
    assertThat(Found.in(IBAN, "IBAN: " + iban + ".")).containsExactly(iban);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GB82WEST12345698765433", "DE8937040044053201300", "XX82WEST12345698765432",
      "GB82WEST12345698765432X"})
  void leavesIbansWithBadChecksumsLengthsOrCountriesAlone(String text) {
    assertThat(Found.in(IBAN, "IBAN: " + text + ".")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"536-22-1234", "536 22 1234", "536.22.1234"})
  void findsSsnsWithSeparators(String ssn) {
    assertThat(Found.in(SSN, "number " + ssn + ".")).containsExactly(ssn);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456",
      "536-00-1234", "536-22-0000", "111-11-1111", "078-05-1120", "536-22 1234"})
  void rejectsInvalidSsns(String ssn) {
    assertThat(Found.in(SSN, "ssn " + ssn + ".", 0)).isEmpty();
  }

  @Test
  void needsContextForBareNineDigitSsns() {
    assertThat(Found.in(SSN, "my SSN is 536221234")).containsExactly("536221234");
    assertThat(Found.in(SSN, "invoice 536221234", 0)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.0.1", "8.8.8.8", "255.255.255.255", "2001:db8::1",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.128", "fe80::1ff:fe23:4567:890a",
      "2001:db8:0:0:1::1"})
  void findsIpAddresses(String ip) {
    assertThat(Found.in(IP, "host " + ip + " is up")).contains(ip);
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "12:30:45",
      "00:1A:2B:3C:4D:5E", "std::vector", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2"})
  void leavesIpLookalikesAlone(String text) {
    assertThat(Found.in(IP, "see " + text + " here")).isEmpty();
  }

  @Test
  void scoresVersionNumbersAndTinyIpv6FormsLow() {
    assertThat(Found.in(IP, "upgrade to version 1.2.3.4 now")).isEmpty();
    assertThat(Found.in(IP, "loopback ::1 and a::b")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "http://www.example.co.uk/path?q=1#top",
      "https://user@example.org/a/b", "www.example.com/x", "https://127.0.0.1:8080/",
      "https://localhost:3000/api", "https://en.wikipedia.org/wiki/Foo_(bar)"})
  void findsUrls(String url) {
    assertThat(Found.in(URL, "see " + url + ". Then")).containsExactly(url);
  }

  @Test
  void leavesUrlsWithUnknownTldsAndTrailingPunctuationOut() {
    assertThat(Found.in(URL, "(see https://example.notatld/x)")).isEmpty();
    assertThat(Found.in(URL, "(see https://example.com/x)")).containsExactly(
        "https://example.com/x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "mail.example.co.uk", "acme.io", "müller.de"})
  void findsBareDomainNames(String domain) {
    assertThat(Found.in(DOMAIN, "visit " + domain + " today")).containsExactly(domain);
  }

  @ParameterizedTest
  @ValueSource(strings = {"setup.py", "README.md", "main.rs", "e.g. this", "i.e. that",
      "this.name", "file.txt", "a@example.com", "https://example.com"})
  void leavesFileNamesCodeAndEmailDomainsAlone(String text) {
    assertThat(Found.in(DOMAIN, "open " + text + " now")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKl",
      "sk-proj-Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jKl0n", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "rk_live_4eC39HqLyjWDarjtT1zdp7dc", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
      "gho_16C7e42F292c6912E7710c838347Ae178B4a", "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv", "xoxb-123456789012-abcdefABCDEF",
      "AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
      "glpat-xxxxXXXX1111yyyyZZZZ", "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH",
      "npm_abcdefghijklmnopqrstuvwxyz0123456789",
      "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"})
  void findsVendorPrefixedKeys(String key) {
    assertThat(Found.in(SECRET, "key=" + key + " ok")).containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-learn-is-a-great-library", "task-abcdefghijklmnopqrstu",
      "ghp_tooShort", "AKIA1234", "hf_hub", "my sk_live_ demo"})
  void leavesPrefixLookalikesAlone(String text) {
    assertThat(Found.in(SECRET, "use " + text + " here")).isEmpty();
  }

  @Test
  void findsJwtsWhoseHeaderNamesAnAlgorithm() {
    String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
        + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    assertThat(Found.in(SECRET, "Authorization: Bearer " + jwt)).containsExactly(jwt);
    assertThat(Found.in(SECRET, "eyJub3RhIjoiand0In0.eyJzdWIiOiIxIn0.sig")).isEmpty();
  }

  @Test
  void findsPemPrivateKeyBlocksWithOrWithoutAnEndLine() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n"
        + "-----END RSA PRIVATE KEY-----";

    assertThat(Found.in(SECRET, "key:\n" + pem + "\nthanks")).containsExactly(pem);
    assertThat(Found.in(SECRET, "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
        + "and then prose")).singleElement().asString().startsWith("-----BEGIN PRIVATE KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zx8Qp2Lm7Rt4Vb9Nc3Kd6Hf1Jg5", "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0EXAMPLE"})
  void findsRandomLookingTokens(String token) {
    assertThat(Found.in(ENTROPY, "value " + token + " end")).containsExactly(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"123e4567-e89b-12d3-a456-426614174000",
      "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed it",
      "AbstractSingletonProxyFactoryBean2", "getUserAccountSettingsById2",
      "src/main/java/dev/fulcrum/dataplane/privacy", "internationalization",
      "Users/JohnSmith/Documents/Report2023Final", "SGVsbG8gd29ybGQ"})
  void leavesUuidsShasWordsAndPathsAlone(String text) {
    assertThat(Found.in(ENTROPY, "see " + text + " here")).isEmpty();
  }

  @Test
  void reportsHexDigestsOnlyAfterASecretContextWord() {
    String hex = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    assertThat(Found.in(ENTROPY, "api_key: " + hex)).containsExactly(hex);
  }

  @Test
  void randomBase62TokensAreAlmostAlwaysFound() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42L);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    int found = 0;
    for (int i = 0; i < 200; i++) {
      StringBuilder token = new StringBuilder();
      for (int k = 0; k < 32; k++) {
        token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      found += Found.in(ENTROPY, "token " + token + " end").size();
    }
    assertThat(found).isGreaterThanOrEqualTo(180);
  }

  @ParameterizedTest
  @ValueSource(strings = {"born on 12/05/1990", "DOB: 1990-05-12", "Date of birth: 3 March 1990",
      "d.o.b. March 3rd, 1990", "my birthday is 3rd of March, 1990", "Born 05.12.1990"})
  void findsDatesOfBirth(String text) {
    assertThat(Found.in(DOB, text)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"the meeting is on 12/05/1990", "released 2023-10-05",
      "born on 32/13/1990", "DOB: unknown; the form itself was filed much later, on 2023-10-05"})
  void leavesDatesWithoutBirthContextAlone(String text) {
    assertThat(Found.in(DOB, text)).isEmpty();
  }

  @Test
  void allReturnsEveryRecognizerAndRejectsUnknownPhoneRegions() {
    assertThat(PatternRecognizers.all()).hasSize(11);
    assertThatThrownBy(() -> PatternRecognizers.phone(List.of("XX"),
        PatternRecognizers.PhoneLeniency.VALID)).hasMessageContaining("'XX'");
  }

  @Test
  void loadsTheTldList() {
    assertThat(Tlds.size()).isGreaterThan(1400);
    assertThat(Tlds.contains("COM")).isTrue();
    assertThat(Tlds.contains("notatld")).isFalse();
  }
}
