package dev.fulcrum.gateway.cli;

import dev.fulcrum.core.privacy.EntityType;
import dev.fulcrum.dataplane.privacy.PrivacyScanException;
import dev.fulcrum.gateway.config.ConfigException;
import dev.fulcrum.gateway.config.ConfigLoader;
import dev.fulcrum.gateway.config.PrivacyConfig;
import dev.fulcrum.gateway.wiring.PiiDetectors;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum pii scan FILE}: runs the gateway's detector (built from the same privacy
 * settings, by {@link PiiDetectors}) over each line of a text file, or each string value of a
 * JSON Lines file, and prints what it found with the values masked.
 *
 * <p>Exit codes: 0 scanned; 1 a {@code --fail-on} type was found; 2 could not scan (usage, file
 * or config problem), or some JSON Lines lines are not JSON: those are skipped, listed on stderr
 * and in the JSON report, and the rest is scanned and reported (2 wins over 1, as in grep, since
 * the scan is incomplete).
 *
 * <p>The progress bar needs to know whether stderr and stdout are terminals, which the JVM cannot
 * tell reliably: {@code bin/fulcrum} passes {@value #STDERR_TERMINAL} and
 * {@value #STDOUT_TERMINAL}; without them there is no bar.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Find personal and secret data in a text or JSON Lines file, as the "
        + "gateway's privacy scan does. Values are masked unless --show-values.",
        "Text: each line is scanned; offsets are within the line. JSON Lines: each string "
            + "value is scanned; offsets are within the value."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:scanned (nothing --fail-on names was found)",
        "1:an entity type named by --fail-on was found",
        "2:could not scan (usage, file or config problem), or some JSON Lines lines are not "
            + "JSON (skipped and listed; the rest is scanned)"})
final class PiiScanCommand implements Callable<Integer> {
  static final String STDERR_TERMINAL = "fulcrum.stderr.terminal";
  static final String STDOUT_TERMINAL = "fulcrum.stdout.terminal";
  static final int FOUND = 1;
  static final int FAILED = 2;
  /** How many unreadable lines are listed on stderr; the JSON report lists all. */
  static final int LISTED = 10;
  private static final Duration REDRAW = Duration.ofMillis(250);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to scan; - reads stdin.")
  String file;

  @Option(names = "--format-in", paramLabel = "FORMAT",
      description = "text or jsonl (default: jsonl when the file name ends in jsonl or ndjson, "
          + "else text).")
  InputFormat formatIn;

  @Option(names = "--field", paramLabel = "PATH",
      description = "JSON Lines: scan only the strings at or below PATH, keys joined by dots; "
          + "repeatable. messages.content means every message's content.")
  List<String> fieldPaths = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Scan with the privacy settings of this gateway config (names, "
          + "min-score); default: the built-in defaults.")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--show-values",
      description = "Print the values found; by default they are masked (b***m).")
  boolean showValues;

  @Option(names = "--fail-on", paramLabel = "TYPES", split = ",",
      description = "Exit 1 when an entity of these types is found: any, or names such as "
          + "EMAIL_ADDRESS,SECRET (comma-separated or repeated).")
  List<String> failOn = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "Scan on N threads (default: one per core); findings keep the input's "
          + "order.")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    InputFormat input = formatIn == null ? InputFormat.guess(file) : formatIn;
    JsonFields fields = fields(input);
    FailOn failing = failing();
    int scanThreads = threads();
    try {
      PiiScanner scanner = new PiiScanner(PiiDetectors.create(privacy(), InstantSource.system()),
          input, fields, scanThreads);
      ScanSummary summary = scan(scanner, input, spec.commandLine().getOut(), err);
      return exitCode(summary, failing, err);
    } catch (ConfigException e) {
      err.println("fulcrum pii scan: " + e.getMessage());
      return FAILED;
    } catch (IOException | UncheckedIOException e) {
      err.println("fulcrum pii scan: " + describe(e));
      return FAILED;
    } catch (PrivacyScanException e) {
      err.println("fulcrum pii scan: the scan failed: " + e.getMessage());
      return FAILED;
    }
  }

  private JsonFields fields(InputFormat input) {
    if (fieldPaths.isEmpty()) {
      return JsonFields.all();
    }
    if (input != InputFormat.JSONL) {
      throw new ParameterException(spec.commandLine(), "--field applies to JSON Lines input; "
          + "name the file *.jsonl or add --format-in jsonl");
    }
    try {
      return JsonFields.of(fieldPaths);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int threads() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got "
          + threads);
    }
    return threads;
  }

  private FailOn failing() {
    try {
      return FailOn.of(failOn);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private PrivacyConfig privacy() {
    return config == null ? PrivacyConfig.defaults()
        : ConfigLoader.withVariables(System.getenv()).load(config).privacy();
  }

  private ScanSummary scan(PiiScanner scanner, InputFormat input, PrintWriter out,
      PrintWriter err) throws IOException {
    AtomicLong lines = new AtomicLong();
    ScanReport report;
    ScanSummary summary;
    try (CountingInputStream bytes = new CountingInputStream(open())) {
      long size = file.equals("-") ? -1 : Files.size(Path.of(file));
      // created only now: input that cannot be opened leaves stdout empty (no CSV header)
      report = ScanReport.create(format, new ScanReport.Settings(file, input,
          showValues ? ValueDisplay.SHOWN : ValueDisplay.MASKED), out, err);
      BufferedReader reader = new BufferedReader(new InputStreamReader(bytes,
          StandardCharsets.UTF_8), 1 << 16); // closed with bytes; malformed UTF-8 becomes U+FFFD
      Optional<Progress> progress = progress(size, bytes, lines, err);
      try {
        summary = scanner.scan(reader, report::add, lines::set);
      } finally {
        progress.ifPresent(Progress::close);
      }
    }
    report.end(summary);
    return summary;
  }

  /** The progress bar, running, when {@link ScanProgress#shown} says so. */
  private Optional<Progress> progress(long size, CountingInputStream bytes, AtomicLong lines,
      PrintWriter err) {
    if (!ScanProgress.shown(size, format, Boolean.getBoolean(STDERR_TERMINAL),
        Boolean.getBoolean(STDOUT_TERMINAL))) {
      return Optional.empty();
    }
    return Optional.of(Progress.inPlace(err, REDRAW, elapsed -> ScanProgress.line(file,
        bytes.count(), size, lines.get(), elapsed)));
  }

  private InputStream open() throws IOException {
    if (file.equals("-")) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {} // stdin stays open for whoever runs this command next
      };
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new FileSystemException(file, null, "it is a directory; name a file");
    }
    return Files.newInputStream(path);
  }

  private int exitCode(ScanSummary summary, FailOn failing, PrintWriter err) {
    List<ScanSummary.Unreadable> unreadable = summary.unreadable();
    for (ScanSummary.Unreadable line : unreadable.subList(0, Math.min(LISTED,
        unreadable.size()))) {
      err.println("line " + line.line() + ": " + line.reason() + "; skipped");
    }
    if (unreadable.size() > LISTED) {
      err.println("… and " + (unreadable.size() - LISTED) + " more");
    }
    Set<EntityType> found = failing.triggeredBy(summary);
    if (!found.isEmpty()) {
      err.println("fulcrum pii scan: found " + String.join(", ", found.stream().map(Enum::name)
          .toList()) + " (--fail-on " + String.join(",", failOn) + ")");
    }
    if (!unreadable.isEmpty()) {
      err.println("fulcrum pii scan: " + unreadable.size() + " of " + summary.lines()
          + " lines are not JSON and were not scanned");
      return FAILED;
    }
    return found.isEmpty() ? 0 : FOUND;
  }

  private String describe(Exception e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file: " + missing.getFile();
      case AccessDeniedException denied -> "cannot read " + denied.getFile()
          + ": permission denied";
      case FileSystemException other -> "cannot read " + other.getFile() + ": "
          + other.getReason();
      case UncheckedIOException unchecked -> unchecked.getMessage() + " ("
          + unchecked.getCause().getMessage() + ")";
      default -> "cannot read " + file + ": " + e.getMessage();
    };
  }
}
