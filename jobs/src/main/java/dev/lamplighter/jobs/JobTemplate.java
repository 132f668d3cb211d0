package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A custom job template: a document and configurations jobs are created from.
 *
 * @param configs the configurations; scheduling, when set, holds maintenance windows only
 */
public record JobTemplate(
    String jobTemplateId,
    String description,
    String document,
    String documentSource,
    JobConfigs configs,
    List<String> destinationPackageVersions,
    Instant createdAt) {
  public JobTemplate {
    Objects.requireNonNull(jobTemplateId, "jobTemplateId");
    configs = configs == null ? JobConfigs.NONE : configs;
    destinationPackageVersions =
        destinationPackageVersions == null ? List.of() : List.copyOf(destinationPackageVersions);
  }
}
