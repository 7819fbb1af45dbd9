package dev.fulcrum.controlplane.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestValidatorTest {
  /** A well-formed SHA-256 that is not the artifact's. */
  private static final String WEIGHTS_SHA =
      "ddb43ac12d9b2b7b2b3f8e2ad8b3a6c9a5d3bbea3a1f5bc0bde1fc4b17a2aaf8";

  @TempDir
  Path dir;
  private String weightsSha;
  private final ManifestValidator validator = ManifestValidator.create();

  @BeforeEach
  void artifact() throws IOException {
    Files.createDirectories(dir.resolve("models"));
    Path weights = Files.writeString(dir.resolve("models/churn-3.onnx"), "model weights\n");
    weightsSha = ManifestValidator.sha256(weights);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private String manifest(String uri, String sha) {
    return """
        model: churn
        version: 3
        artifact:
          uri: %s
          sha256: %s
        signature:
          input: { type: object, properties: { tenure: { type: number } } }
          output: { type: object, properties: { churn: { type: number } } }
        metadata:
          owner: ml-platform@example.com
          training-data: s3://lake/churn@2025-05-01
          metrics: { auc: 0.91 }
          labels: { task: churn }
        routes:
          - { backend: kserve, model: churn-3 }
        """.formatted(uri, sha);
  }

  @Test
  void aCompleteManifestIsValidAndItsLocalArtifactVerified() throws IOException {
    ManifestResult result = validator.validate(write("churn.yaml",
        manifest("file:models/churn-3.onnx", weightsSha)));

    assertThat(result).isInstanceOf(ManifestResult.Valid.class);
    assertThat(result.exitCode()).isZero();
    ManifestResult.Valid valid = (ManifestResult.Valid) result;
    assertThat(valid.checksumVerified()).isTrue();
    assertThat(valid.spec().id()).isEqualTo("churn@3");
    assertThat(valid.spec().metadata().metrics()).containsEntry("auc", 0.91);
    assertThat(valid.spec().routes().getFirst().backend()).isEqualTo("kserve");
    assertThat(valid.spec().signature().input()).contains("\"tenure\"");
    assertThat(result.render()).endsWith("valid churn@3 (artifact sha256 verified)");
  }

  @Test
  void aPlainRelativePathIsALocalArtifactToo() throws IOException {
    ManifestResult result = validator.validate(write("churn.yaml",
        manifest("models/churn-3.onnx", weightsSha)));

    assertThat(((ManifestResult.Valid) result).checksumVerified()).isTrue();
  }

  @Test
  void jsonManifestsAreReadAsJson() throws IOException {
    String json = """
        {"model": "churn", "version": "3",
         "artifact": {"uri": "s3://models/churn-3.onnx", "sha256": "%s"},
         "signature": {"input": {"type": "object"}, "output": {"type": "object"}},
         "metadata": {"owner": "ml", "training-data": "s3://lake/churn@2025-05-01"},
         "routes": [{"backend": "kserve", "model": "churn-3"}]}
        """.formatted(WEIGHTS_SHA);

    ManifestResult result = validator.validate(write("churn.json", json));

    assertThat(result).isInstanceOf(ManifestResult.Valid.class);
    assertThat(((ManifestResult.Valid) result).checksumVerified()).isFalse();
    assertThat(result.render()).contains("remote artifact; sha256 not verified");
  }

  @Test
  void aChecksumMismatchNamesBothHashes() throws IOException {
    ManifestResult result = validator.validate(write("churn.yaml",
        manifest("file:models/churn-3.onnx", WEIGHTS_SHA)));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("artifact.sha256");
      assertThat(problem.problem()).contains(WEIGHTS_SHA).contains(weightsSha);
      assertThat(problem.fix()).contains("set artifact.sha256");
    });
  }

  @Test
  void aMissingLocalArtifactIsAProblem() throws IOException {
    ManifestResult result = validator.validate(write("churn.yaml",
        manifest("file:models/nope.onnx", weightsSha)));

    assertThat(result.problems()).extracting(ManifestProblem::path)
        .containsExactly("artifact.uri");
  }

  @Test
  void listsEveryProblemWithItsPathAndFix() throws IOException {
    ManifestResult result = validator.validate(write("bad.yaml", """
        model: churn
        version: 1.10
        artifact: { uri: s3://m/x.onnx, sha256: abc }
        signature:
          input: { type: table }
        metadata:
          traning-data: s3://lake
          metrics: { auc: high }
        routes: []
        """));

    assertThat(result.problems()).extracting(ManifestProblem::path).containsExactlyInAnyOrder(
        "version", "artifact.sha256", "signature.input.type", "signature.output",
        "metadata.traning-data", "metadata.owner", "metadata.training-data",
        "metadata.metrics.auc", "routes");
    assertThat(result.problems()).filteredOn(p -> p.path().equals("metadata.traning-data"))
        .singleElement().satisfies(p -> assertThat(p.fix())
            .isEqualTo("did you mean 'training-data'?"));
    assertThat(result.problems()).filteredOn(p -> p.path().equals("version"))
        .singleElement().satisfies(p -> assertThat(p.fix()).isEqualTo("quote it: version: "
            + "\"1.1\""));
    assertThat(result.render()).startsWith(dir.resolve("bad.yaml") + ": 9 problems")
        .contains("  metadata.owner: is missing; fix: add owner:");
  }

  @Test
  void aSyntaxErrorIsReportedWithItsPosition() throws IOException {
    ManifestResult result = validator.validate(write("broken.yaml", "model: [churn\n"));

    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEmpty();
      assertThat(problem.problem()).startsWith("is not valid YAML (line ");
    });
  }

  @Test
  void anUnreadableFileIsAProblemNotAnException() {
    ManifestResult result = validator.validate(dir.resolve("missing.yaml"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.problems().getFirst().problem()).startsWith("cannot read the file");
  }
}
