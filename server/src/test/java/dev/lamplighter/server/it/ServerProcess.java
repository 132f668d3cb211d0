package dev.lamplighter.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final List<String> output = new CopyOnWriteArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
              }
            },
            "server-process-output");
    reader.setDaemon(true);
    reader.start();
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
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("LAMPLIGHTER_"));
    builder.environment().putAll(environment);
    try {
      return new ServerProcess(builder.start());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server on a free port on {@code dataDir} and waits until it listens. */
  static ServerProcess startServer(Path dataDir) {
    ServerProcess server =
        run(Map.of(), "server", "--api-port", "0", "--data-dir", dataDir.toString());
    server.awaitPort();
    return server;
  }

  int awaitPort() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + String.join("\n", output));
      }
      sleepBriefly();
    }
    throw new IllegalStateException("server did not start: " + String.join("\n", output));
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + awaitPort());
  }

  /** Waits for the process to end and returns its exit code. */
  int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("process did not exit: " + String.join("\n", output));
      }
      // let the reader drain the last lines
      for (int i = 0; i < 20 && !outputComplete(); i++) {
        sleepBriefly();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean outputComplete() {
    try {
      return process.getInputStream().available() == 0;
    } catch (IOException e) {
      return true;
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
    return String.join("\n", output);
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
  }
}
