package dev.lamplighter.jobs;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.internal.JobsAssembly;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.TaggableResource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The jobs services and their engine, wired to a store. Build one per server; {@link #start} starts
 * the engine's background thread, {@link #close} stops it.
 *
 * <pre>{@code
 * Jobs jobs = Jobs.create(store.jobsPorts(), registry, clock, Jobs.Settings.DEFAULT, files, urls);
 * jobs.start();
 * ...
 * jobs.close();
 * }</pre>
 */
public final class Jobs implements AutoCloseable {
  private final JobsAssembly assembly;

  /**
   * How the engine runs.
   *
   * @param nodeId this server's name in the engine's lease (unique per running process)
   * @param tickInterval how often the engine looks for work when nothing wakes it
   */
  public record Settings(String nodeId, Duration tickInterval) {
    public static Settings of(String nodeId) {
      return new Settings(nodeId, Duration.ofSeconds(1));
    }
  }

  private Jobs(JobsAssembly assembly) {
    this.assembly = assembly;
  }

  /**
   * @param sources where {@code documentSource} URLs are read from
   * @param urls how presigned-URL placeholders are signed
   */
  public static Jobs create(
      JobsPorts ports,
      Registry registry,
      Clock clock,
      Settings settings,
      DocumentSources sources,
      PresignedUrls urls) {
    return new Jobs(
        new JobsAssembly(
            ports, registry, clock, settings.nodeId(), settings.tickInterval(), sources, urls));
  }

  /** The resource types jobs make taggable: jobs and job templates. */
  public static List<TaggableResource> taggable(JobsPorts ports) {
    return List.of(
        Registry.taggable(
            ResourceType.JOB, (Scope s, String n) -> ports.jobs().find(s, n).isPresent()),
        Registry.taggable(
            ResourceType.JOB_TEMPLATE,
            (Scope s, String n) -> ports.templates().find(s, n).isPresent()));
  }

  public JobService jobs() {
    return assembly.jobs();
  }

  public JobExecutionService executions() {
    return assembly.executions();
  }

  public DeviceJobService device() {
    return assembly.device();
  }

  public JobTemplateService templates() {
    return assembly.templates();
  }

  /**
   * Runs one engine pass now, on the calling thread: for tests that move the clock, and for tools.
   *
   * @return whether this node holds the engine's lease
   */
  public boolean runEngineOnce() {
    return assembly.engine().tick();
  }

  /** Starts the engine's background thread. */
  public void start() {
    assembly.start();
  }

  @Override
  public void close() {
    assembly.engine().close();
  }
}
