package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import java.util.Objects;

/** Everything jobs need from a store. */
public record JobsPorts(
    Transactions transactions,
    ChangeLog changeLog,
    JobRepository jobs,
    JobExecutionRepository executions,
    JobTemplateRepository templates,
    EngineStateRepository engine) {
  public JobsPorts {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(changeLog, "changeLog");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(executions, "executions");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(engine, "engine");
  }
}
