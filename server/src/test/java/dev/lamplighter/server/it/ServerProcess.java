package dev.lamplighter.server.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code lamplighter} command in a child JVM, as an operator runs it: for crash, signal and
 * command-line tests that an in-process server cannot show.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  private final Process process;
  private final Path outputFile;

  private ServerProcess(Process process, Path outputFile) {
    this.process = process;
    this.outputFile = outputFile;
  }

  /** Runs {@code lamplighter <args>} with the root credentials of {@link TestServer}. */
  static ServerProcess run(Map<String, String> environment, String... args) {
    Map<String, String> withRoot = new java.util.HashMap<>();
    withRoot.put("LAMPLIGHTER_ROOT_ACCOUNT_ID", TestServer.ROOT_ACCOUNT);
    withRoot.put("LAMPLIGHTER_ROOT_ACCESS_KEY_ID", TestServer.ROOT_KEY);
    withRoot.put("LAMPLIGHTER_ROOT_SECRET_ACCESS_KEY", TestServer.ROOT_SECRET);
    withRoot.putAll(environment);
    return launch(withRoot, args);
  }

  /** Runs {@code lamplighter <args>} with no LAMPLIGHTER_* variable set. */
  static ServerProcess runWithoutRoot(String... args) {
    return launch(Map.of(), args);
  }

  private static ServerProcess launch(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.lamplighter.server.cli.Main");
    command.addAll(List.of(args));
    Path outputFile;
    try {
      outputFile = Files.createTempFile("lamplighter-process", ".log");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    // A file, not a pipe: the output stays readable after the process is gone.
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LAMPLIGHTER_"));
    builder.environment().putAll(environment);
    try {
      return new ServerProcess(builder.start(), outputFile);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server on a free port on {@code dataDir} and waits until it listens. */
  static ServerProcess startServer(Path dataDir) {
    ServerProcess server =
        run(
            Map.of(),
            "server",
            "--api-port",
            "0",
            "--mqtt-port",
            "0",
            "--data-port",
            "0",
            "--data-dir",
            dataDir.toString());
    server.awaitPort();
    return server;
  }

  int awaitPort() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + output());
      }
      sleepBriefly();
    }
    throw new IllegalStateException("server did not start: " + output());
  }

  /** The MQTT port, once the device listener has its TLS certificate. */
  int awaitMqttPort() {
    Pattern listening = Pattern.compile("MQTT broker listening on [^ ]+:(\\d+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = lines();
      boolean ready = lines.stream().anyMatch(l -> l.contains("Device TLS certificate ready"));
      for (String line : lines) {
        Matcher m = listening.matcher(line);
        if (m.find() && ready) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + output());
      }
      sleepBriefly();
    }
    throw new IllegalStateException("the MQTT listener did not start: " + output());
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + awaitPort());
  }

  /** Waits for the process to end and returns its exit code. */
  int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("process did not exit: " + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: the process gets no chance to clean up. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: the process shuts down gracefully. */
  void terminate() {
    process.destroy();
  }

  String output() {
    return String.join("\n", lines());
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(outputFile);
    } catch (IOException e) {
      // a leftover log in the temp directory is harmless
    }
  }
}
