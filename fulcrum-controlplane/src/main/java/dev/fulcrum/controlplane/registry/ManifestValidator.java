package dev.fulcrum.controlplane.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fulcrum.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a version manifest before it is registered, for CI pipelines ({@code fulcrum model
 * validate MANIFEST} exits non-zero on problems). YAML, or JSON when the file ends in {@code
 * .json}:
 *
 * <pre>
 * model: churn                        # required: the name callers use
 * version: "3"                        # required: unique within the model
 * artifact:
 *   uri: file:models/churn-3.onnx     # required: file:, a path (relative to the manifest),
 *                                     #   or a remote URI (s3://, gs://, https://, hf://, …)
 *   sha256: 9f86d0…                   # required: 64 hex digits; computed and compared when
 *                                     #   the artifact is a local file
 * signature:                          # required: JSON Schema objects
 *   input:  { type: object, properties: { tenure: { type: number } } }
 *   output: { type: object, properties: { churn: { type: number } } }
 * metadata:
 *   owner: ml-platform@example.com    # required
 *   training-data: s3://lake/churn@2025-05-01   # required: lineage
 *   metrics: { auc: 0.91 }            # optional: numbers
 *   labels: { task: churn }           # optional: strings
 * routes:                             # required: at least one
 *   - { backend: kserve, model: churn-3, input-usd-per-mtok: 0, output-usd-per-mtok: 0 }
 * </pre>
 *
 * Every problem is reported (not just the first) with its field path, what is wrong and the fix.
 * Thread-safe.
 */
public final class ManifestValidator {
  private static final ObjectMapper YAML = new YAMLMapper();

  private ManifestValidator() {}

  public static ManifestValidator create() {
    return new ManifestValidator();
  }

  /** Validates the manifest file at {@code manifest}; never throws for its content. */
  public ManifestResult validate(Path manifest) {
    String source = manifest.toString();
    String text;
    try {
      text = Files.readString(manifest);
    } catch (IOException e) {
      return invalid(source, "", "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check the path and permissions");
    }
    boolean json = manifest.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return validate(source, text, json, manifest.toAbsolutePath().getParent());
  }

  /**
   * Validates manifest text (an upload to the admin API).
   *
   * @param baseDir where relative artifact paths resolve
   */
  public ManifestResult validate(String source, String text, boolean json, Path baseDir) {
    JsonNode root;
    try {
      root = (json ? Json.MAPPER : YAML).readTree(text);
    } catch (JsonProcessingException e) {
      return invalid(source, "", "is not valid " + (json ? "JSON" : "YAML") + " (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
          "fix the syntax at that position");
    }
    ManifestReader reader = new ManifestReader();
    Optional<VersionSpec> spec = reader.read(root);
    boolean verified = spec.isPresent() && verify(reader, spec.get().artifact(), baseDir);
    if (!reader.problems().isEmpty()) {
      return new ManifestResult.Invalid(source, reader.problems());
    }
    return new ManifestResult.Valid(source, spec.orElseThrow(), verified);
  }

  /** Hashes a local artifact and compares; returns whether it was local and matched. */
  private static boolean verify(ManifestReader reader, Artifact artifact, Path baseDir) {
    Optional<Path> local = localPath(artifact.uri(), baseDir);
    if (local.isEmpty()) {
      return false;
    }
    Path file = local.get();
    if (!Files.isRegularFile(file)) {
      reader.problem("artifact.uri", "names the local file " + file + ", which does not exist",
          "build the artifact first, or correct the path (relative paths start at the "
              + "manifest's directory)");
      return false;
    }
    String actual;
    try {
      actual = sha256(file);
    } catch (IOException e) {
      reader.problem("artifact.uri", "cannot read " + file + " (" + e.getClass()
          .getSimpleName() + ")", "check its permissions");
      return false;
    }
    if (!actual.equals(artifact.sha256())) {
      reader.problem("artifact.sha256", "is " + artifact.sha256() + " but " + file
          + " hashes to " + actual, "set artifact.sha256 to the file's hash, or rebuild the "
              + "artifact this manifest describes");
      return false;
    }
    return true;
  }

  static Optional<Path> localPath(String uri, Path baseDir) {
    if (uri.startsWith("file:")) {
      String rest = uri.substring("file:".length());
      return Optional.of(rest.startsWith("//") ? Path.of(URI.create(uri)) : baseDir.resolve(rest));
    }
    if (uri.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return Optional.empty();
    }
    return Optional.of(baseDir.resolve(uri));
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static ManifestResult invalid(String source, String path, String problem,
      String fix) {
    return new ManifestResult.Invalid(source, List.of(new ManifestProblem(path, problem, fix)));
  }
}
