package dev.fulcrum.dataplane.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Redis script assembled from resources next to this class, and its SHA-1 for EVALSHA. */
record LuaScript(String text, String sha1) {

  static LuaScript load(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      try (InputStream in = LuaScript.class.getResourceAsStream(part)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + part);
        }
        text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new LuaScript(text.toString(), sha1(text.toString()));
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return "LuaScript[" + sha1 + "]";
  }
}
