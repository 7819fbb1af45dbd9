package dev.fulcrum.dataplane.privacy.pattern;

import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.Recognizer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials with a recognisable shape: API keys with a known vendor prefix (OpenAI, Stripe,
 * GitHub, Slack, AWS access key ids, Google, GitLab, Hugging Face, npm, SendGrid), JSON Web
 * Tokens whose header decodes to a JSON object naming an {@code alg}, and PEM private key blocks.
 * Each prefix is located with a plain string search, then its body is checked with an anchored,
 * bounded pattern, so prose without any prefix costs one pass per prefix.
 */
final class SecretRecognizer implements Recognizer {
  static final double SCORE = 0.95;

  /** A literal prefix and the shape of what follows it. */
  private record KeyShape(String prefix, Pattern body, boolean mixed) {}

  private static final List<KeyShape> SHAPES = List.of(
      shape("sk-", "(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,400}", true),
      shape("sk_live_", "[A-Za-z0-9]{16,247}", false),
      shape("sk_test_", "[A-Za-z0-9]{16,247}", false),
      shape("rk_live_", "[A-Za-z0-9]{16,247}", false),
      shape("rk_test_", "[A-Za-z0-9]{16,247}", false),
      shape("ghp_", "[A-Za-z0-9]{36}", false),
      shape("gho_", "[A-Za-z0-9]{36}", false),
      shape("ghs_", "[A-Za-z0-9]{36}", false),
      shape("ghu_", "[A-Za-z0-9]{36}", false),
      shape("ghr_", "[A-Za-z0-9]{36}", false),
      shape("github_pat_", "[A-Za-z0-9_]{22,255}", false),
      shape("xoxa-", "[A-Za-z0-9-]{10,250}", false),
      shape("xoxb-", "[A-Za-z0-9-]{10,250}", false),
      shape("xoxp-", "[A-Za-z0-9-]{10,250}", false),
      shape("xoxr-", "[A-Za-z0-9-]{10,250}", false),
      shape("xoxs-", "[A-Za-z0-9-]{10,250}", false),
      shape("AKIA", "[A-Z0-9]{16}", false),
      shape("ASIA", "[A-Z0-9]{16}", false),
      shape("AIza", "[0-9A-Za-z_-]{35}", false),
      shape("glpat-", "[0-9A-Za-z_-]{20,255}", false),
      shape("hf_", "[A-Za-z0-9]{30,255}", false),
      shape("npm_", "[A-Za-z0-9]{36}", false),
      shape("SG.", "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", false));
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{2,16000}\\.[A-Za-z0-9_-]{0,4000}");
  private static final Pattern PEM_BEGIN = Pattern.compile(
      "-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----");
  private static final Pattern PEM_END = Pattern.compile("-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----");
  private static final int PEM_MAX = 16_384;

  private static KeyShape shape(String prefix, String body, boolean mixed) {
    return new KeyShape(prefix, Pattern.compile(body), mixed);
  }

  @Override
  public void find(CharSequence text, List<Entity> out) {
    String s = text.toString();
    for (KeyShape shape : SHAPES) {
      findKeys(s, shape, out);
    }
    findJwts(s, out);
    findPemBlocks(s, out);
  }

  private static void findKeys(String s, KeyShape shape, List<Entity> out) {
    Matcher m = null; // made on the first prefix found: most texts hold none
    for (int at = s.indexOf(shape.prefix()); at >= 0; at = s.indexOf(shape.prefix(), at + 1)) {
      int bodyStart = at + shape.prefix().length();
      if (at > 0 && isTokenChar(s.charAt(at - 1)) || bodyStart >= s.length()) {
        continue;
      }
      m = m == null ? shape.body().matcher(s) : m;
      m.region(bodyStart, s.length());
      if (m.lookingAt() && (m.end() == s.length() || !isTokenChar(s.charAt(m.end())))
          && (!shape.mixed() || isMixed(s, m.start(), m.end()))) {
        out.add(new Entity(EntityType.SECRET, at, m.end(), SCORE));
        at = m.end() - 1;
      }
    }
  }

  private static void findJwts(String s, List<Entity> out) {
    Matcher m = null;
    for (int at = s.indexOf("eyJ"); at >= 0; at = s.indexOf("eyJ", at + 1)) {
      if (at > 0 && isTokenChar(s.charAt(at - 1))) {
        continue;
      }
      m = m == null ? JWT.matcher(s) : m;
      m.region(at, s.length());
      if (m.lookingAt() && headerNamesAlg(s, at, s.indexOf('.', at))) {
        out.add(new Entity(EntityType.SECRET, at, m.end(), SCORE));
        at = m.end() - 1;
      }
    }
  }

  private static boolean headerNamesAlg(String s, int start, int end) {
    try {
      String header = new String(Base64.getUrlDecoder().decode(s.substring(start, end)),
          StandardCharsets.UTF_8).strip();
      return header.startsWith("{") && header.endsWith("}") && header.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false; // not base64url: not a JWT
    }
  }

  private static void findPemBlocks(String s, List<Entity> out) {
    if (!s.contains("-----BEGIN ")) {
      return;
    }
    Matcher begin = PEM_BEGIN.matcher(s);
    while (begin.find()) {
      Matcher end = PEM_END.matcher(s).region(begin.end(),
          Math.min(s.length(), begin.end() + PEM_MAX));
      int stop = end.find() ? end.end() : base64BodyEnd(s, begin.end());
      out.add(new Entity(EntityType.SECRET, begin.start(), stop, SCORE));
    }
  }

  /** Without an END line, the block runs over base64 text, whitespace and header lines. */
  private static int base64BodyEnd(String s, int from) {
    int limit = Math.min(s.length(), from + PEM_MAX);
    int i = from;
    while (i < limit) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && "+/=:,- \t\r\n".indexOf(c) < 0) {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean isMixed(String s, int from, int to) {
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return digit && upper && lower;
  }

  static boolean isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-';
  }
}
