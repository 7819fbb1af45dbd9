package dev.fulcrum.dataplane.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled prompts and their fixed split. Within each intent × complexity stratum, prompts are
 * ordered by the SHA-256 of their UTF-8 text; every fifth one (ranks 4, 9, 14, …) is held out and
 * the rest are for training. Training prompts are further dealt into {@value #FOLDS}
 * cross-validation folds by the same rule on SHA-256 of {@code "fold:" + prompt}. The rule needs no
 * random seed and no stored split column; {@code tools/classifier/PROVENANCE.md} states it too.
 */
final class LabelledSet {
  static final int FOLDS = 5;
  private static final int HELD_OUT_EVERY = 5;

  private final List<LabelledPrompt> all;
  private final List<LabelledPrompt> train = new ArrayList<>();
  private final List<LabelledPrompt> heldOut = new ArrayList<>();
  private final Map<LabelledPrompt, Integer> folds = new LinkedHashMap<>();

  private LabelledSet(List<LabelledPrompt> all) {
    this.all = List.copyOf(all);
    for (List<LabelledPrompt> stratum : strata(all).values()) {
      List<LabelledPrompt> ranked = rank(stratum, "");
      for (int i = 0; i < ranked.size(); i++) {
        (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 ? heldOut : train).add(ranked.get(i));
      }
    }
    for (List<LabelledPrompt> stratum : strata(train).values()) {
      List<LabelledPrompt> ranked = rank(stratum, "fold:");
      for (int i = 0; i < ranked.size(); i++) {
        folds.put(ranked.get(i), i % FOLDS);
      }
    }
    Map<LabelledPrompt, Integer> order = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      order.put(all.get(i), i);
    }
    train.sort(Comparator.comparing(order::get));
    heldOut.sort(Comparator.comparing(order::get));
  }

  /** {@code tools/classifier/prompts.jsonl}, found from the module or the repository root. */
  static Path defaultPath() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    for (Path dir = base.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools/classifier/prompts.jsonl");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("tools/classifier/prompts.jsonl not found above " + base);
  }

  static LabelledSet load(Path file) {
    List<LabelledPrompt> prompts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int n = 0; n < lines.size(); n++) {
        if (lines.get(n).isBlank()) {
          continue;
        }
        LabelledPrompt prompt = parse(Json.MAPPER.readTree(lines.get(n)), file, n + 1);
        if (!seen.add(prompt.prompt())) {
          throw new IllegalStateException(file + ":" + (n + 1) + ": duplicate prompt");
        }
        prompts.add(prompt);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LabelledSet(prompts);
  }

  List<LabelledPrompt> all() {
    return all;
  }

  List<LabelledPrompt> train() {
    return List.copyOf(train);
  }

  List<LabelledPrompt> heldOut() {
    return List.copyOf(heldOut);
  }

  /** The cross-validation fold of a training prompt, in [0, {@value #FOLDS}). */
  int fold(LabelledPrompt trainingPrompt) {
    Integer fold = folds.get(trainingPrompt);
    if (fold == null) {
      throw new IllegalArgumentException("not a training prompt: " + trainingPrompt);
    }
    return fold;
  }

  /** SHA-256 of the data file's lines as loaded, for provenance. */
  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LabelledPrompt parse(JsonNode node, Path file, int line) {
    try {
      return new LabelledPrompt(node.path("prompt").asText(),
          Intent.valueOf(node.path("intent").asText()),
          Complexity.valueOf(node.path("complexity").asText()),
          node.path("lang").asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + ":" + line + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, List<LabelledPrompt>> strata(List<LabelledPrompt> prompts) {
    Map<String, List<LabelledPrompt>> strata = new LinkedHashMap<>();
    for (LabelledPrompt p : prompts) {
      strata.computeIfAbsent(p.stratum(), k -> new ArrayList<>()).add(p);
    }
    return strata;
  }

  private static List<LabelledPrompt> rank(List<LabelledPrompt> stratum, String salt) {
    List<LabelledPrompt> ranked = new ArrayList<>(stratum);
    ranked.sort(Comparator.comparing(p -> hash(salt + p.prompt())));
    return ranked;
  }

  static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
