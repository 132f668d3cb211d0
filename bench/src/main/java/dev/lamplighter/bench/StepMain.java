package dev.lamplighter.bench;

import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The main method of a suite's step that drives MQTT clients: parse the command line, run the step,
 * print its result lines, and exit explicitly, because the MQTT client's event loop threads would
 * keep the JVM alive. Exits 2 on a bad command line, 1 when the step failed, 0 otherwise.
 */
public final class StepMain {
  /** A step's work: its result lines. */
  @FunctionalInterface
  public interface Step<O> {
    List<String> run(O options) throws Exception;
  }

  private StepMain() {}

  /**
   * Parses {@code args} with {@code parse} (an {@link IllegalArgumentException} is a bad command
   * line) and runs {@code step}; {@code name} names the step in the log when it fails.
   */
  public static <O> void run(
      Logger log,
      String[] args,
      Function<String[], O> parse,
      Function<O, Object> name,
      Step<O> step) {
    O options;
    try {
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      log.error(e.getMessage());
      System.exit(2);
      return;
    }
    int status = 0;
    try {
      step.run(options).forEach(StandardOutput::println);
    } catch (Exception e) {
      log.error("the {} step failed", name.apply(options), e);
      status = 1;
    }
    System.exit(status);
  }
}
