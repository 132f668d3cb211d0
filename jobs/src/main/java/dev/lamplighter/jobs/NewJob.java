package dev.lamplighter.jobs;

import dev.lamplighter.registry.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What CreateJob asks for.
 *
 * @param jobId unique in the scope
 * @param targets thing and thing-group ARNs (1 to 100)
 * @param targetSelection SNAPSHOT when null
 * @param document the job document (JSON), or null when {@code documentSource} or a template gives
 *     it
 * @param documentSource an S3 URL of the document in the file store, or null
 * @param jobTemplateArn a custom template's or an AWS managed template's ARN, or null
 * @param documentParameters values for a managed template's {@code ${aws:iot:parameter:…}}
 * @param configs the advanced configurations, each overriding the template's
 * @param destinationPackageVersions kept as given
 */
public record NewJob(
    String jobId,
    List<String> targets,
    TargetSelection targetSelection,
    String description,
    String document,
    String documentSource,
    String jobTemplateArn,
    Map<String, String> documentParameters,
    JobConfigs configs,
    String namespaceId,
    List<Tag> tags,
    List<String> destinationPackageVersions) {
  public NewJob {
    Objects.requireNonNull(jobId, "jobId");
    targets = List.copyOf(targets);
    documentParameters = documentParameters == null ? Map.of() : Map.copyOf(documentParameters);
    configs = configs == null ? JobConfigs.NONE : configs;
    tags = tags == null ? List.of() : List.copyOf(tags);
    destinationPackageVersions =
        destinationPackageVersions == null ? List.of() : List.copyOf(destinationPackageVersions);
  }
}
