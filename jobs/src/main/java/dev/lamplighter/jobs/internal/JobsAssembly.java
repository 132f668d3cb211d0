package dev.lamplighter.jobs.internal;

import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.DocumentSources;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.jobs.PresignedUrls;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.Registry;
import java.time.Clock;
import java.time.Duration;

/** Builds the jobs services and the engine on one store. */
public final class JobsAssembly {
  private final JobEngine engine;
  private final JobService jobs;
  private final JobExecutionService executions;
  private final DeviceJobService device;
  private final JobTemplateService templates;

  public JobsAssembly(
      JobsPorts ports,
      Registry registry,
      Clock clock,
      String nodeId,
      Duration tickInterval,
      DocumentSources sources,
      PresignedUrls urls) {
    JobLog log = new JobLog(ports.changeLog());
    ExecutionWriter writer = new ExecutionWriter(ports, log);
    JobProgress progress = new JobProgress(ports, log);
    JobDocumentSource documents = new JobDocumentSource(sources, urls);
    this.engine =
        new JobEngine(ports, registry, clock, nodeId, tickInterval, writer, log, progress);
    this.jobs = new JobServiceImpl(ports, registry, clock, documents, progress, engine::wake);
    this.executions = new JobExecutionServiceImpl(ports, clock, writer, log, progress);
    this.device = new DeviceJobServiceImpl(ports, clock, writer, documents);
    this.templates = new JobTemplateServiceImpl(ports, registry, clock, documents);
  }

  public JobEngine engine() {
    return engine;
  }

  public JobService jobs() {
    return jobs;
  }

  public JobExecutionService executions() {
    return executions;
  }

  public DeviceJobService device() {
    return device;
  }

  public JobTemplateService templates() {
    return templates;
  }

  public void start() {
    engine.start();
  }
}
