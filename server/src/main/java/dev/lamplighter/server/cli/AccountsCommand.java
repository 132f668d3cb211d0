package dev.lamplighter.server.cli;

import dev.lamplighter.core.SuppressForbidden;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.security.AccessKey;
import dev.lamplighter.security.Account;
import dev.lamplighter.security.AccountService;
import dev.lamplighter.security.NewAccessKey;
import dev.lamplighter.server.Backend;
import dev.lamplighter.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Account administration on a data directory. The commands open the store directly, so they work
 * whether or not a server is running on the same data directory.
 */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "Creates, lists and disables accounts and their access keys.",
    subcommands = {
      AccountsCommand.Create.class,
      AccountsCommand.ListAccounts.class,
      AccountsCommand.Disable.class,
      AccountsCommand.CreateKey.class,
      AccountsCommand.ListKeys.class,
      AccountsCommand.DisableKey.class
    },
    footer = {
      "",
      "Examples:",
      "  1. Create an account with an access key (the secret is shown once):",
      "       lamplighter accounts create --name city-of-turin",
      "  2. List accounts:",
      "       lamplighter accounts list",
      "  3. Give an account another access key:",
      "       lamplighter accounts create-key 123456789012",
      "  4. Disable an access key:",
      "       lamplighter accounts disable-key LLAKEXAMPLE234567ABC"
    })
final class AccountsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the data directory named by the command's flags and runs {@code work} on it. */
  static int withAccounts(CommandSpec spec, Function<AccountService, Integer> work) {
    try (Backend backend =
        Backend.open(
            ConfigLoader.load(
                SettingFlags.given(spec.commandLine().getParseResult()), System.getenv()),
            Clock.systemUTC(),
            IdSource.secure())) {
      return work.apply(backend.security().accounts());
    }
  }

  @SuppressForbidden(reason = "command output")
  static void printKey(PrintWriter out, NewAccessKey key) {
    out.println("account:           " + key.key().account());
    out.println("access key id:     " + key.key().accessKeyId());
    out.println("secret access key: " + key.secretAccessKey());
    out.println("(the secret is shown only this once)");
    out.flush();
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Creates an account and a first access key for it.",
      footer = {
        "",
        "Examples:",
        "  1. lamplighter accounts create --name city-of-turin",
        "  2. lamplighter accounts create --name staging --account-id 111122223333"
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "A name for the account")
    String name;

    @Option(names = "--account-id", description = "The 12-digit account id (default: a random one)")
    String accountId;

    @Override
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            Account account =
                accounts.createAccount(name, accountId == null ? null : AccountId.of(accountId));
            printKey(spec.commandLine().getOut(), accounts.createAccessKey(account.id()));
            return 0;
          });
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the accounts.",
      footer = {"", "Examples:", "  1. lamplighter accounts list --data-dir /var/lib/lamplighter"})
  static final class ListAccounts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    @SuppressForbidden(reason = "command output")
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s  %-8s  %-20s  %s%n", "ACCOUNT", "STATUS", "CREATED", "NAME");
            for (Account a : accounts.listAccounts()) {
              out.printf("%-12s  %-8s  %-20s  %s%n", a.id(), a.status(), a.createdAt(), a.name());
            }
            out.flush();
            return 0;
          });
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disables an account: none of its access keys is accepted any more.",
      footer = {"", "Examples:", "  1. lamplighter accounts disable 123456789012"})
  static final class Disable implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT_ID", description = "The account to disable")
    String accountId;

    @Override
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            accounts.disableAccount(AccountId.of(accountId));
            spec.commandLine().getOut().println("disabled account " + accountId);
            return 0;
          });
    }
  }

  @Command(
      name = "create-key",
      mixinStandardHelpOptions = true,
      description = "Creates another access key for an account.",
      footer = {"", "Examples:", "  1. lamplighter accounts create-key 123456789012"})
  static final class CreateKey implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT_ID", description = "The account that gets the key")
    String accountId;

    @Override
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            printKey(
                spec.commandLine().getOut(), accounts.createAccessKey(AccountId.of(accountId)));
            return 0;
          });
    }
  }

  @Command(
      name = "list-keys",
      mixinStandardHelpOptions = true,
      description = "Lists the access keys of an account (never their secrets).",
      footer = {"", "Examples:", "  1. lamplighter accounts list-keys 123456789012"})
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ACCOUNT_ID", description = "The account whose keys to list")
    String accountId;

    @Override
    @SuppressForbidden(reason = "command output")
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s  %-8s  %s%n", "ACCESS KEY ID", "STATUS", "CREATED");
            for (AccessKey k : accounts.listAccessKeys(AccountId.of(accountId))) {
              out.printf("%-24s  %-8s  %s%n", k.accessKeyId(), k.status(), k.createdAt());
            }
            out.flush();
            return 0;
          });
    }
  }

  @Command(
      name = "disable-key",
      mixinStandardHelpOptions = true,
      description = "Disables an access key; requests signed with it are refused within seconds.",
      footer = {"", "Examples:", "  1. lamplighter accounts disable-key LLAKEXAMPLE234567ABC"})
  static final class DisableKey implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The key to disable")
    String accessKeyId;

    @Override
    public Integer call() {
      return withAccounts(
          spec,
          accounts -> {
            accounts.disableAccessKey(accessKeyId);
            spec.commandLine().getOut().println("disabled access key " + accessKeyId);
            return 0;
          });
    }
  }
}
