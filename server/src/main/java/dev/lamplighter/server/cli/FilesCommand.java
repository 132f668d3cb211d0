package dev.lamplighter.server.cli;

import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.gateway.dataplane.FileStore;
import dev.lamplighter.server.DataDirectory;
import dev.lamplighter.server.config.ConfigLoader;
import dev.lamplighter.server.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The built-in file store ({@code <data-dir>/files/{bucket}/{key}}) that job documents point
 * devices to with {@code ${aws:iot:s3-presigned-url:https://s3.{region}.amazonaws.com/{bucket}/
 * {key}}} and that {@code documentSource} URLs are read from. Works with or without a running
 * server: the server serves whatever is in the directory.
 */
@Command(
    name = "files",
    mixinStandardHelpOptions = true,
    description = "Puts files in the built-in file store and lists them.",
    subcommands = {FilesCommand.Put.class, FilesCommand.ListFiles.class},
    footer = {
      "",
      "Examples:",
      "  1. Store a firmware image for a job document:",
      "       lamplighter files put firmware/lamp-2.1.bin ./build/lamp-2.1.bin",
      "  2. Store a job document for --document-source:",
      "       lamplighter files put jobs/firmware-update.json ./firmware-update.json",
      "  3. List a bucket:",
      "       lamplighter files list firmware"
    })
final class FilesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static FileStore store(CommandSpec spec) {
    Path dataDir =
        DataDirectory.prepare(
            ConfigLoader.load(
                    SettingFlags.given(spec.commandLine().getParseResult()), System.getenv())
                .get(ServerSettings.DATA_DIR));
    return new FileStore(dataDir.resolve("files"));
  }

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Copies a file into the store as BUCKET/KEY, replacing an earlier one.",
      footer = {
        "",
        "Examples:",
        "  1. lamplighter files put firmware/lamp-2.1.bin ./lamp-2.1.bin",
        "  2. lamplighter files put firmware/models/x1/lamp-2.1.bin ./lamp-2.1.bin --data-dir /srv/ll"
      })
  static final class Put implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUCKET/KEY", description = "Where to store the file")
    String object;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to store")
    Path file;

    @Override
    @SuppressForbidden(reason = "command output")
    public Integer call() throws IOException {
      int slash = object.indexOf('/');
      if (slash <= 0 || slash == object.length() - 1) {
        spec.commandLine().getErr().println("lamplighter: give the object as BUCKET/KEY");
        return 2;
      }
      if (!Files.isRegularFile(file)) {
        spec.commandLine().getErr().println("lamplighter: no such file: " + file);
        return 2;
      }
      Path stored;
      try (InputStream content = Files.newInputStream(file)) {
        stored = store(spec).put(object.substring(0, slash), object.substring(slash + 1), content);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("lamplighter: " + e.getMessage());
        return 2;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("stored " + object + " (" + Files.size(stored) + " bytes)");
      out.println(
          "job documents refer to it as ${aws:iot:s3-presigned-url:https://s3.amazonaws.com/"
              + object
              + "}");
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the objects of a bucket with their sizes.",
      footer = {"", "Examples:", "  1. lamplighter files list firmware"})
  static final class ListFiles implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUCKET", description = "The bucket to list")
    String bucket;

    @Override
    @SuppressForbidden(reason = "command output")
    public Integer call() throws IOException {
      FileStore store = store(spec);
      Path root = store.root().resolve(bucket).normalize();
      PrintWriter out = spec.commandLine().getOut();
      if (!root.startsWith(store.root()) || !Files.isDirectory(root)) {
        out.flush();
        return 0;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
          out.printf("%12d  %s/%s%n", Files.size(path), bucket, root.relativize(path));
        }
      }
      out.flush();
      return 0;
    }
  }
}
