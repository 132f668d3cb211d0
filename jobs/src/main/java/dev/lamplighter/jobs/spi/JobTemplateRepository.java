package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobTemplate;
import java.util.Optional;

/** Custom job templates. */
public interface JobTemplateRepository {

  /** Stores a template whose id is free. */
  void insert(Scope scope, JobTemplate template);

  Optional<JobTemplate> find(Scope scope, String jobTemplateId);

  /** Templates in id order, paged after the last id returned. */
  Page<JobTemplate> list(Scope scope, PageRequest page);

  void delete(Scope scope, String jobTemplateId);
}
