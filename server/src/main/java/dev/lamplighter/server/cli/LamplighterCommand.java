package dev.lamplighter.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "lamplighter",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Self-hosted IoT device management that speaks the AWS IoT APIs.",
    subcommands = {
      ServerCommand.class,
      AccountsCommand.class,
      FilesCommand.class,
      LocalProxyCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  1. Start the server with its embedded defaults (SQLite in ./data, API on :8080):",
      "       lamplighter server",
      "  2. List the accounts of the data directory:",
      "       lamplighter accounts list",
      "  3. Put a firmware image in the built-in file store for a job:",
      "       lamplighter files put firmware/lamp-2.1.bin ./lamp-2.1.bin",
      "  4. Show every setting of the server:",
      "       lamplighter server --help",
      "  5. A secure tunnel's source side on local port 5555 (AWS localproxy options):",
      "       lamplighter localproxy -e relay.example:8443 -s 5555 -t \"$TOKEN\""
    })
final class LamplighterCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
