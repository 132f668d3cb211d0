package dev.lamplighter.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server for tests, shared by the whole JVM: started on first use from the binaries on
 * the test class path (see {@link PostgresBinaries}), stopped by a shutdown hook. It listens on
 * 127.0.0.1 at a free port, trusts every local connection as user {@code postgres}, and runs
 * without fsync, which tests do not need.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as on CI), every command runs
 * as {@code nobody} through {@code setpriv}, and the server's directory is handed to {@code
 * nobody}.
 *
 * <p>Tests create their own databases (this class speaks no SQL): connect to {@code
 * jdbcUrl("postgres")} and {@code CREATE DATABASE}.
 */
public final class EmbeddedPostgres {
  private static final String USER = "postgres";
  private static final int START_ATTEMPTS = 3;
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private static EmbeddedPostgres shared;

  private final Path binaries;
  private final Path runDir;
  private final List<String> runAs;
  private final int port;

  private EmbeddedPostgres(Path binaries, Path runDir, List<String> runAs, int port) {
    this.binaries = binaries;
    this.runDir = runDir;
    this.runAs = runAs;
    this.port = port;
  }

  /** The JVM's server, started by the first call. */
  public static synchronized EmbeddedPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  /** A JDBC URL for {@code database} as the superuser; {@code postgres} always exists. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  private static EmbeddedPostgres start() {
    Path binaries = PostgresBinaries.unpacked();
    List<String> runAs =
        isRoot()
            ? List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")
            : List.of();
    try {
      Path runDir = Files.createTempDirectory("lamplighter-pg-run");
      if (!runAs.isEmpty()) {
        handToNobody(runDir);
      }
      Path data = runDir.resolve("data");
      run(
          runAs,
          runDir.resolve("initdb.out"),
          binaries.resolve("bin/initdb").toString(),
          "-A",
          "trust",
          "-U",
          USER,
          "-E",
          "UTF-8",
          "--locale=C",
          "--no-sync",
          "-D",
          data.toString());
      for (int attempt = 1; ; attempt++) {
        int port = freePort();
        try {
          run(
              runAs,
              runDir.resolve("pg_ctl-start.out"),
              binaries.resolve("bin/pg_ctl").toString(),
              "-w",
              "-t",
              "60",
              "-D",
              data.toString(),
              "-l",
              runDir.resolve("postgres.log").toString(),
              "-o",
              "-p " + port + " -h 127.0.0.1 -k " + runDir + " -F",
              "start");
        } catch (IllegalStateException e) {
          // Most likely another process took the port between our probe and the bind.
          if (attempt == START_ATTEMPTS) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(runDir, "postgres.log"));
          }
          continue;
        }
        EmbeddedPostgres server = new EmbeddedPostgres(binaries, runDir, runAs, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
        return server;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  private void stop() {
    try {
      run(
          runAs,
          runDir.resolve("pg_ctl-stop.out"),
          binaries.resolve("bin/pg_ctl").toString(),
          "-D",
          runDir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } catch (RuntimeException e) {
      // The JVM is exiting; a server that is already gone is fine.
    }
    PostgresBinaries.deleteTree(runDir);
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static void handToNobody(Path dir) throws IOException {
    UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName("nobody"));
    view.setGroup(users.lookupPrincipalByGroupName("nogroup"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Runs a command to completion, its output into {@code output}; fails unless it exits 0. */
  private static void run(List<String> runAs, Path output, String... command) {
    List<String> line = new ArrayList<>(runAs);
    line.addAll(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("PG"));
    environment.put("LC_ALL", "C");
    try {
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", line));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "failed with exit code "
                + process.exitValue()
                + ": "
                + String.join(" ", line)
                + "\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", line), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", line), e);
    }
  }

  private static String tail(Path dir, String file) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }
}
