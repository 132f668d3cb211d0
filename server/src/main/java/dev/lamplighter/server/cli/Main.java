package dev.lamplighter.server.cli;

import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.core.config.ConfigException;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.server.config.ConfigLoader;
import dev.lamplighter.server.config.ServerSettings;
import dev.lamplighter.store.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The {@code lamplighter} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code. */
  @SuppressForbidden(reason = "the command line reports configuration errors on standard error")
  static int run(String[] args) {
    CommandLine cli = commandLine();
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException) {
            commandLine.getErr().println("lamplighter: " + e.getMessage());
            return 2;
          }
          if (e instanceof ServiceException failure) {
            commandLine.getErr().println("lamplighter: " + failure.getMessage());
            return 1;
          }
          throw e;
        });
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LamplighterCommand());
    SettingFlags.addTo(
        cli.getSubcommands().get("server").getCommandSpec(), ConfigLoader.allSettings());
    List<dev.lamplighter.core.config.Setting<?>> adminFlags =
        new ArrayList<>(ServerSettings.dataDirectory());
    adminFlags.addAll(StoreSettings.all());
    for (CommandLine accounts : cli.getSubcommands().get("accounts").getSubcommands().values()) {
      SettingFlags.addTo(accounts.getCommandSpec(), adminFlags);
    }
    for (CommandLine files : cli.getSubcommands().get("files").getSubcommands().values()) {
      SettingFlags.addTo(files.getCommandSpec(), ServerSettings.dataDirectory());
    }
    return cli;
  }
}
