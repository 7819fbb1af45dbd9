package dev.fulcrum.dataplane.privacy.guard;

import dev.fulcrum.core.backend.Placement;
import dev.fulcrum.core.chat.ChatMessage;
import dev.fulcrum.core.chat.ChatRequest;
import dev.fulcrum.core.embedding.EmbeddingRequest;
import dev.fulcrum.core.error.PermissionDeniedException;
import dev.fulcrum.core.privacy.Entity;
import dev.fulcrum.core.privacy.PrivacyLevel;
import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.core.tensor.Tensor;
import dev.fulcrum.core.tensor.TensorData;
import dev.fulcrum.core.tensor.TensorRequest;
import dev.fulcrum.dataplane.privacy.PiiDetector;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import dev.fulcrum.dataplane.privacy.sanitize.Sanitizer;
import dev.fulcrum.dataplane.privacy.sanitize.Vault;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Privacy on the request path: scans every text of every message once, and prepares the request
 * for each placement it may be sent to — raw inside the tenant's trust zone (or for PUBLIC
 * data), sanitized per policy outside it, with a per-request vault to restore the answer.
 *
 * <p>Fails closed: a scan that errors or runs out of its budget yields a failed {@link Scan},
 * which keeps the request inside the trust zone (the router drops other placements), and
 * {@link #prepare} refuses to send unscanned content outside it. Thread-safe.
 */
public final class PrivacyGuard {
  private static final Logger log = LoggerFactory.getLogger(PrivacyGuard.class);
  /** Instruction texts whose scan results are kept, over all tenants. */
  static final int INSTRUCTION_SCANS = 1_024;

  private final PiiDetector detector;
  private final PrivacySettings settings;
  private final Function<Tenant, HashKey> hashKeys;
  private final Executor scanThreads;
  private final InstantSource clock;
  private final InstructionScans instructionScans = new InstructionScans(INSTRUCTION_SCANS);

  /**
   * @param hashKeys each tenant's key for the HASH action
   * @param scanThreads where large requests are scanned
   */
  public PrivacyGuard(PiiDetector detector, PrivacySettings settings,
      Function<Tenant, HashKey> hashKeys, Executor scanThreads, InstantSource clock) {
    this.detector = detector;
    this.settings = settings;
    this.hashKeys = hashKeys;
    this.scanThreads = scanThreads;
    this.clock = clock;
  }

  /**
   * Scans a chat request's message texts. Never fails: a failure is a failed scan. The texts of
   * {@code tenant}'s instruction messages (system, developer) are scanned once and then looked
   * up ({@link InstructionScans}).
   */
  public CompletionStage<Scan> scan(ChatRequest request, Tenant tenant) {
    List<List<Text>> texts = new ArrayList<>(request.messages().size());
    for (ChatMessage message : request.messages()) {
      boolean instructions = InstructionScans.instructs(message.role());
      List<String> parts = message.texts();
      List<Text> messageTexts = new ArrayList<>(parts.size());
      for (String part : parts) {
        messageTexts.add(instructions ? Text.instruction(tenant, part, instructionScans,
            settings.inlineChars()) : new Text(part));
      }
      texts.add(messageTexts);
    }
    return scanTexts(texts);
  }

  /** Scans an embeddings request's inputs (one "message" per input). */
  public CompletionStage<Scan> scan(EmbeddingRequest request) {
    return scanTexts(request.inputs().stream().map(input -> List.of(new Text(input))).toList());
  }

  /**
   * Scans the texts of a tensor request's BYTES inputs (one "message" per input, one text per
   * element); numeric inputs hold no text.
   */
  public CompletionStage<Scan> scan(TensorRequest request) {
    return scanTexts(request.inputs().stream()
        .map(input -> texts(input).stream().map(Text::new).toList()).toList());
  }

  /** Scans one text, for {@code /v1/privacy/analyze}. */
  public List<Entity> analyze(String text) {
    return detector.analyze(text, settings.scanBudget());
  }

  /** The tenant's sanitizer under the configured policy. */
  public Sanitizer sanitizer(Tenant tenant) {
    return Sanitizer.create(settings.policy(), hashKeys.apply(tenant));
  }

  /** Whether content of a request at {@code level} is sanitized before reaching {@code placement}. */
  public boolean sanitizes(Tenant tenant, PrivacyLevel level, Placement placement, Scan scan) {
    return !scan.clean() && level != PrivacyLevel.PUBLIC && !tenant.trusts(placement);
  }

  /** The chat request as it may leave for {@code placement}. */
  public Outbound prepare(ChatRequest request, Scan scan, Tenant tenant, PrivacyLevel level,
      Placement placement) {
    if (leavesRaw(scan, tenant, level, placement)) {
      return Outbound.raw(request);
    }
    Vault vault = Vault.create();
    Sanitizer sanitizer = sanitizer(tenant);
    List<ChatMessage> messages = new ArrayList<>(request.messages().size());
    for (int m = 0; m < request.messages().size(); m++) {
      int message = m;
      int[] text = {0};
      messages.add(request.messages().get(m).mapText(original -> sanitizer.sanitize(original,
          scan.entities(message, text[0]++), vault).text()));
    }
    return Outbound.sanitized(request.withMessages(messages), vault);
  }

  /** The embeddings request as it may leave for {@code placement}. */
  public EmbeddingRequest prepare(EmbeddingRequest request, Scan scan, Tenant tenant,
      PrivacyLevel level, Placement placement) {
    if (leavesRaw(scan, tenant, level, placement)) {
      return request;
    }
    Vault vault = Vault.create();
    Sanitizer sanitizer = sanitizer(tenant);
    List<String> inputs = new ArrayList<>(request.inputs().size());
    for (int i = 0; i < request.inputs().size(); i++) {
      inputs.add(sanitizer.sanitize(request.inputs().get(i), scan.entities(i, 0), vault).text());
    }
    return new EmbeddingRequest(request.model(), inputs, request.format(), request.options());
  }

  /**
   * The tensor request as it may leave for {@code placement}: BYTES elements sanitized like
   * embedding inputs, numeric inputs unchanged.
   */
  public TensorRequest prepare(TensorRequest request, Scan scan, Tenant tenant,
      PrivacyLevel level, Placement placement) {
    if (leavesRaw(scan, tenant, level, placement)) {
      return request;
    }
    Vault vault = Vault.create();
    Sanitizer sanitizer = sanitizer(tenant);
    List<Tensor> inputs = new ArrayList<>(request.inputs().size());
    for (int i = 0; i < request.inputs().size(); i++) {
      Tensor input = request.inputs().get(i);
      List<String> texts = texts(input);
      if (texts.isEmpty()) {
        inputs.add(input);
        continue;
      }
      List<String> clean = new ArrayList<>(texts.size());
      for (int j = 0; j < texts.size(); j++) {
        clean.add(sanitizer.sanitize(texts.get(j), scan.entities(i, j), vault).text());
      }
      inputs.add(new Tensor(input.name(), input.datatype(), input.shape(),
          new TensorData.Texts(clean)));
    }
    return new TensorRequest(request.model(), inputs, request.outputs());
  }

  /**
   * Whether a request may leave for {@code placement} as it is.
   *
   * @throws PermissionDeniedException when it was not scanned and would leave the trust zone
   */
  private boolean leavesRaw(Scan scan, Tenant tenant, PrivacyLevel level, Placement placement) {
    if (scan.failed() && !tenant.trusts(placement)) {
      throw notScanned(placement);
    }
    return !sanitizes(tenant, level, placement, scan);
  }

  private static List<String> texts(Tensor tensor) {
    return tensor.data() instanceof TensorData.Texts texts ? texts.values() : List.of();
  }

  private CompletionStage<Scan> scanTexts(List<List<Text>> texts) {
    long chars = texts.stream().flatMap(List::stream).filter(t -> t.found == null)
        .mapToLong(t -> t.text.length()).sum();
    if (chars == 0) {
      return CompletableFuture.completedFuture(scanNow(texts, Instant.MAX));
    }
    Instant deadline = clock.instant().plus(settings.scanBudget());
    if (chars <= settings.inlineChars()) {
      return CompletableFuture.completedFuture(scanNow(texts, deadline));
    }
    try {
      return CompletableFuture.supplyAsync(() -> scanNow(texts, deadline), scanThreads);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.warn("privacy scan refused by its threads; the request stays in the trust zone");
      return CompletableFuture.completedFuture(Scan.unfinished());
    }
  }

  private Scan scanNow(List<List<Text>> texts, Instant deadline) {
    try {
      List<List<List<Entity>>> found = new ArrayList<>(texts.size());
      for (List<Text> message : texts) {
        List<List<Entity>> perText = new ArrayList<>(message.size());
        for (Text text : message) {
          perText.add(entities(text, deadline));
        }
        found.add(perText);
      }
      return Scan.of(found);
    } catch (RuntimeException e) {
      // fail closed: whatever went wrong, the request does not leave the trust zone
      log.warn("privacy scan failed ({}); the request stays in the trust zone",
          e instanceof PrivacyScanException scan ? scan.reason() : e.getClass().getSimpleName());
      return Scan.unfinished();
    }
  }

  /** What an earlier scan of an instruction text found, or what a scan finds now. */
  private List<Entity> entities(Text text, Instant deadline) {
    if (text.found != null) {
      return text.found;
    }
    if (text.text.isEmpty()) {
      return List.of();
    }
    InstructionScans.Key key = text.key;
    if (key == null && text.instructedBy != null) { // too long to hash on the calling thread
      key = InstructionScans.key(text.instructedBy, text.text);
      List<Entity> found = instructionScans.get(key);
      if (found != null) {
        return found;
      }
    }
    List<Entity> entities = detector.analyze(text.text, deadline);
    if (key != null) {
      instructionScans.put(key, entities);
    }
    return entities;
  }

  /**
   * One text to scan. For an instruction text: its tenant, and when it was short enough to be
   * hashed on the calling thread its key and what an earlier scan of it found (null when it
   * must be scanned). A longer one is hashed where it is scanned, so an event loop never hashes
   * megabytes.
   */
  private record Text(String text, Tenant instructedBy, InstructionScans.Key key,
      List<Entity> found) {
    Text(String text) {
      this(text, null, null, null);
    }

    static Text instruction(Tenant tenant, String text, InstructionScans scans, int inlineChars) {
      if (text.isEmpty()) {
        return new Text(text);
      }
      if (text.length() > inlineChars) {
        return new Text(text, tenant, null, null);
      }
      InstructionScans.Key key = InstructionScans.key(tenant, text);
      return new Text(text, tenant, key, scans.get(key));
    }
  }

  private static PermissionDeniedException notScanned(Placement placement) {
    return new PermissionDeniedException("the privacy scan did not complete, so the request may "
        + "not go to a " + placement + " backend outside the trust zone");
  }
}
