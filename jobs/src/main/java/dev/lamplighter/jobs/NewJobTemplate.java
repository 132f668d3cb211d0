package dev.lamplighter.jobs;

import dev.lamplighter.registry.Tag;
import java.util.List;
import java.util.Objects;

/**
 * What CreateJobTemplate asks for.
 *
 * @param jobArn an existing job whose document and configurations the template copies (the other
 *     fields override them), or null
 * @param configs scheduling, when set, carries maintenance windows only
 */
public record NewJobTemplate(
    String jobTemplateId,
    String description,
    String jobArn,
    String document,
    String documentSource,
    JobConfigs configs,
    List<Tag> tags,
    List<String> destinationPackageVersions) {
  public NewJobTemplate {
    Objects.requireNonNull(jobTemplateId, "jobTemplateId");
    configs = configs == null ? JobConfigs.NONE : configs;
    tags = tags == null ? List.of() : List.copyOf(tags);
    destinationPackageVersions =
        destinationPackageVersions == null ? List.of() : List.copyOf(destinationPackageVersions);
  }
}
