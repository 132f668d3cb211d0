package dev.lamplighter.server.cli;

import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.server.LamplighterServer;
import dev.lamplighter.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Lamplighter server until it receives SIGTERM or SIGINT.",
      "Every setting can also be given as a LAMPLIGHTER_* environment variable or as",
      "'key = value' in the file named by --config; flags win over the environment, which wins",
      "over the file. Secrets (LAMPLIGHTER_MASTER_KEY, LAMPLIGHTER_ROOT_SECRET_ACCESS_KEY) are",
      "read only from the environment or the file."
    },
    sortOptions = false,
    footer = {
      "",
      "Examples:",
      "  1. Start with the embedded defaults (SQLite under ./data, API on 127.0.0.1:8080):",
      "       lamplighter server",
      "  2. Listen on every interface, on a port the system picks (the log names it):",
      "       lamplighter server --bind 0.0.0.0 --api-port 0",
      "  3. Use PostgreSQL instead of the embedded store:",
      "       lamplighter server --store-url 'jdbc:postgresql://db:5432/lamplighter?user=ll&password=pw'",
      "  4. Start with root credentials chosen by you:",
      "       LAMPLIGHTER_ROOT_ACCESS_KEY_ID=AKIDEXAMPLE000000001 \\",
      "       LAMPLIGHTER_ROOT_SECRET_ACCESS_KEY=change-me-to-40-random-characters \\",
      "       lamplighter server",
      "  5. Read settings from a file:",
      "       lamplighter server --config /etc/lamplighter.conf"
    })
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings =
        ConfigLoader.load(SettingFlags.given(spec.commandLine().getParseResult()), System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    LamplighterServer server =
        LamplighterServer.start(
            settings,
            Clock.systemUTC(),
            IdSource.secure(),
            (key, endpoint) -> printRootKey(out, key, endpoint));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "lamplighter-shutdown"));
    stopped.await();
    return 0;
  }

  @SuppressForbidden(reason = "the generated root secret is shown to the operator exactly once")
  private static void printRootKey(PrintWriter out, NewAccessKey key, String endpoint) {
    out.println();
    out.println("Created the root account " + key.key().account() + " with an access key:");
    out.println();
    out.println("  AWS_ACCESS_KEY_ID=" + key.key().accessKeyId());
    out.println("  AWS_SECRET_ACCESS_KEY=" + key.secretAccessKey());
    out.println();
    out.println("The secret is shown only this once. Use it with the AWS CLI, for example:");
    out.println("  aws configure set aws_access_key_id " + key.key().accessKeyId());
    out.println("  aws configure set aws_secret_access_key " + key.secretAccessKey());
    out.println("  aws configure set region us-east-1");
    out.println("  aws --endpoint-url " + endpoint + " iot list-things");
    out.println();
    out.flush();
  }
}
