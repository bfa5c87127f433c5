package cn.gov.xining.hotline.routing.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set in force on this instance. Replacing it compiles and validates the new one first: a
 * broken set is refused and the old one stays. An accepted set is written to the active file before
 * it takes effect; decisions in flight keep the set they started with.
 *
 * <p>Changes over the API reach every instance through {@link RuleSetDistribution} (the {@code
 * routing-rules} topic), which calls {@link #replace} here on each of them. The active file is then
 * this instance's copy of the last set it activated: what it starts with before the topic is read,
 * and what stays in force while the topic is still empty (a single-node run, or the first start
 * after the topic was introduced, when the distribution publishes it for the others).
 */
@Component
public class ActiveRuleSet {

  private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

  private final RuleSetCompiler compiler;
  private final RulesProperties properties;
  private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();
  private final boolean fromActiveFile;

  public ActiveRuleSet(RuleSetCompiler compiler, RulesProperties properties) throws IOException {
    this.compiler = compiler;
    this.properties = properties;
    String shipped = properties.location().getContentAsString(StandardCharsets.UTF_8);
    fromActiveFile = properties.activeFile() != null && Files.exists(properties.activeFile());
    if (fromActiveFile) {
      current.set(
          compiler.compile(Files.readString(properties.activeFile(), StandardCharsets.UTF_8)));
      String shippedVersion = compiler.compile(shipped).version();
      if (!shippedVersion.equals(version())) {
        log.warn(
            "the rule set put over the API ({}) overrides the one shipped with this release ({});"
                + " delete {} to return to the shipped rules",
            version(),
            shippedVersion,
            properties.activeFile());
      }
    } else {
      current.set(compiler.compile(shipped));
    }
    log.info("routing rule set {} active with {} rules", version(), current.get().rules().size());
  }

  /** The rule set in force now; a decision reads it once and keeps it to the end. */
  public CompiledRuleSet current() {
    return current.get();
  }

  public String version() {
    return current.get().version();
  }

  /** Whether the set this instance started with was the active file's, not the shipped one. */
  boolean startedFromActiveFile() {
    return fromActiveFile;
  }

  /** Validates, persists and activates a new rule set; throws if it is invalid. */
  public synchronized CompiledRuleSet replace(String yaml) {
    var compiled = check(yaml);
    persist(yaml);
    current.set(compiled);
    log.info(
        "routing rule set {} now active with {} rules",
        compiled.version(),
        compiled.rules().size());
    return compiled;
  }

  /** Compiles and validates a rule set against the one in force, activating nothing. */
  CompiledRuleSet check(String yaml) {
    var compiled = compiler.compile(yaml);
    var active = current.get();
    if (compiled.version().equals(active.version()) && !yaml.equals(active.source())) {
      // Decisions name the version; two different rule sets under one name cannot be told apart.
      throw new InvalidRuleSetException(
          List.of(
              "version "
                  + compiled.version()
                  + " is already in force with other rules; give the new set a new version"));
    }
    return compiled;
  }

  private void persist(String yaml) {
    if (properties.activeFile() == null) {
      return;
    }
    try {
      Files.createDirectories(properties.activeFile().toAbsolutePath().getParent());
      var temporary =
          properties.activeFile().resolveSibling(properties.activeFile().getFileName() + ".new");
      Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
      Files.move(
          temporary,
          properties.activeFile(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the rule set in " + properties.activeFile(), e);
    }
  }
}
