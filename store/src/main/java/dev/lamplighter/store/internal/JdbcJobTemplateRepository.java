package dev.lamplighter.store.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobTemplate;
import dev.lamplighter.jobs.spi.JobTemplateRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Custom job templates, one row each in {@code job_templates}; the configurations and destination
 * package versions as JSON columns. A template never changes once created.
 */
final class JdbcJobTemplateRepository implements JobTemplateRepository {
  private static final String COLUMNS =
      "template_id, description, document, document_source, configs,"
          + " destination_package_versions, created_at";

  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM job_templates WHERE account_id = ? AND region = ? AND template_id = ?";
  private static final String INSERT =
      "INSERT INTO job_templates (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, template_id) DO NOTHING";
  private static final String DELETE =
      "DELETE FROM job_templates WHERE account_id = ? AND region = ? AND template_id = ?";
  private static final String LIST_FIRST =
      "SELECT "
          + COLUMNS
          + " FROM job_templates WHERE account_id = ? AND region = ?"
          + " ORDER BY template_id LIMIT ?";
  private static final String LIST_AFTER =
      "SELECT "
          + COLUMNS
          + " FROM job_templates WHERE account_id = ? AND region = ? AND template_id > ?"
          + " ORDER BY template_id LIMIT ?";

  private final Jdbc jdbc;

  JdbcJobTemplateRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Scope scope, JobTemplate template) {
    String resource = resource(template.jobTemplateId());
    jdbc.write(
        resource,
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT,
                  scope.account().value(),
                  scope.region().value(),
                  template.jobTemplateId(),
                  template.description(),
                  template.document(),
                  template.documentSource(),
                  StoreJson.write(template.configs()),
                  StoreJson.write(template.destinationPackageVersions()),
                  Instants.format(template.createdAt()));
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  @Override
  public Optional<JobTemplate> find(Scope scope, String jobTemplateId) {
    return jdbc.read(
        resource(jobTemplateId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcJobTemplateRepository::toTemplate,
                scope.account().value(),
                scope.region().value(),
                jobTemplateId));
  }

  @Override
  public Page<JobTemplate> list(Scope scope, PageRequest page) {
    String account = scope.account().value();
    String region = scope.region().value();
    int fetch = page.limit() + 1;
    List<JobTemplate> fetched =
        jdbc.read(
            "Job templates",
            connection ->
                page.after().isPresent()
                    ? Jdbc.query(
                        connection,
                        LIST_AFTER,
                        JdbcJobTemplateRepository::toTemplate,
                        account,
                        region,
                        page.after().get(),
                        fetch)
                    : Jdbc.query(
                        connection,
                        LIST_FIRST,
                        JdbcJobTemplateRepository::toTemplate,
                        account,
                        region,
                        fetch));
    return Page.fromLookahead(fetched, page.limit(), JobTemplate::jobTemplateId);
  }

  @Override
  public void delete(Scope scope, String jobTemplateId) {
    jdbc.write(
        resource(jobTemplateId),
        connection ->
            Jdbc.update(
                connection,
                DELETE,
                scope.account().value(),
                scope.region().value(),
                jobTemplateId));
  }

  private static JobTemplate toTemplate(ResultSet row) throws SQLException {
    return new JobTemplate(
        row.getString("template_id"),
        row.getString("description"),
        row.getString("document"),
        row.getString("document_source"),
        StoreJson.read(row.getString("configs"), JobConfigs.class),
        StoreJson.readStringList(row.getString("destination_package_versions")),
        Instants.parse(row.getString("created_at")));
  }

  private static String resource(String jobTemplateId) {
    return "Job template " + jobTemplateId;
  }
}
