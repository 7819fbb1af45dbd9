package dev.fulcrum.bench.classify;

import dev.fulcrum.dataplane.classify.PromptClass;
import dev.fulcrum.dataplane.classify.PromptClassifier;
import dev.fulcrum.dataplane.classify.PromptClassifiers;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link PromptClassifier#classify} call on one thread, by prompt size, sampled so
 * JMH reports the median and p99. {@code embedOnce} is the reference cost of a single MiniLM
 * embedding of the prompt's first 600 characters (MiniLM reads at most 128 tokens), so the
 * classifier's cost can be read as "number of embeddings it runs" × that, plus a little.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ClassifierBenchmark {

  /** Prompt size: under 60 characters, 300–500 characters, about 6,000 characters. */
  @Param({"short", "medium", "long"})
  public String size;

  private PromptClassifier classifier;
  private EmbeddingModel miniLm;
  private List<String> prompts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    classifier = PromptClassifiers.loadDefault();
    miniLm = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    prompts = Prompts.of(size);
  }

  @Benchmark
  public PromptClass classify() {
    next = (next + 1) % prompts.size();
    return classifier.classify(prompts.get(next));
  }

  @Benchmark
  public float[] embedOnce() {
    next = (next + 1) % prompts.size();
    String prompt = prompts.get(next);
    return miniLm.embed(prompt.substring(0, Math.min(600, prompt.length()))).content().vector();
  }
}
