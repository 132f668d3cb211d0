package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.DocumentSources;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.ManagedJobTemplate;
import dev.lamplighter.jobs.PresignedUrls;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where a job's document text comes from and how it is served: read once from a {@code
 * documentSource} when the job is created, its managed template's parameters filled in on read, and
 * presigned-URL placeholders replaced for each device request.
 */
final class JobDocumentSource {
  private final DocumentSources sources;
  private final PresignedUrls urls;

  JobDocumentSource(DocumentSources sources, PresignedUrls urls) {
    this.sources = sources;
    this.urls = urls;
  }

  /**
   * The text of a document named by an S3 URL, checked as a job document.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the file store has
   *     no such object; INVALID_REQUEST when it is not a job document
   */
  String read(String documentSource) {
    String text =
        sources
            .read(documentSource)
            .orElseThrow(
                () ->
                    ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "The document source %s names no object in the file store.",
                        documentSource));
    JobDocuments.check(text);
    return text;
  }

  /** The job's document with its managed template's parameters filled in. */
  static String substituted(Job job) {
    if (job.jobTemplateArn() == null) {
      return job.document();
    }
    Optional<ManagedJobTemplate> managed = ManagedTemplates.byArn(job.jobTemplateArn());
    if (managed.isEmpty()) {
      return job.document();
    }
    Map<String, String> values =
        TemplateParameters.resolve(managed.get(), job.documentParameters());
    return JobDocuments.substituteParameters(job.document(), values);
  }

  /** The document as a device gets it now: parameters filled in, fresh presigned URLs. */
  String forDevice(Job job) {
    Duration expiresIn = PresignedPlaceholders.DEFAULT_EXPIRY;
    if (job.configs().presignedUrl() != null
        && job.configs().presignedUrl().expiresInSec() != null) {
      expiresIn = Duration.ofSeconds(job.configs().presignedUrl().expiresInSec());
    }
    return PresignedPlaceholders.substitute(substituted(job), urls, expiresIn);
  }
}
