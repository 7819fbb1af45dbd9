package dev.fulcrum.dataplane.privacy.pattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The IANA top-level domains, from the committed {@code tlds.txt} (see its PROVENANCE.md). */
final class Tlds {
  private static final String RESOURCE = "tlds.txt";
  private static final Set<String> ALL = load();

  private Tlds() {}

  /** Whether {@code label} (any case) is a delegated top-level domain. */
  static boolean contains(CharSequence label) {
    return label.length() >= 2 && label.length() <= 63
        && ALL.contains(label.toString().toLowerCase(Locale.ROOT));
  }

  static int size() {
    return ALL.size();
  }

  private static Set<String> load() {
    try (InputStream in = Tlds.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath next to "
            + Tlds.class.getName() + "; the build must package src/main/resources");
      }
      Set<String> tlds = new HashSet<>(2048);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          tlds.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(tlds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
