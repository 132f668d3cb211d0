package dev.lamplighter.jobs;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * Custom job templates of a scope, and the AWS managed templates every scope sees.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with a change log entry
 * (resource type JOB_TEMPLATE).
 */
public interface JobTemplateService {

  /**
   * CreateJobTemplate.
   *
   * @throws dev.lamplighter.core.error.ServiceException CONFLICT for a template id in use;
   *     RESOURCE_NOT_FOUND for an unknown job to copy or document source; INVALID_REQUEST for a
   *     document that is not a JSON object, both or neither of document and source (without a job),
   *     or configurations out of range
   */
  JobTemplate create(Scope scope, NewJobTemplate template);

  /**
   * DescribeJobTemplate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown template
   */
  JobTemplate describe(Scope scope, String jobTemplateId);

  /** ListJobTemplates, in id order. */
  Page<JobTemplate> list(Scope scope, PageRequest page);

  /**
   * DeleteJobTemplate.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown template
   */
  void delete(Scope scope, String jobTemplateId);

  /** ListManagedJobTemplates: every version, or those of one template name, in name order. */
  List<ManagedJobTemplate> listManaged(String templateName);

  /**
   * DescribeManagedJobTemplate.
   *
   * @param version a version, or null for the newest
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown name or
   *     version
   */
  ManagedJobTemplate describeManaged(String templateName, String version);
}
