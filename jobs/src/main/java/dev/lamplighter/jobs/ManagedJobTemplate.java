package dev.lamplighter.jobs;

import java.util.List;
import java.util.Objects;

/**
 * An AWS managed job template, shipped with the server: a document in the {@code version}/{@code
 * steps} format run by a device agent's handlers, with parameters a job fills in.
 *
 * @param environments the device environments it is for ({@code LINUX})
 */
public record ManagedJobTemplate(
    String name,
    String version,
    String description,
    List<String> environments,
    List<DocumentParameter> parameters,
    String document) {
  public ManagedJobTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    environments = List.copyOf(environments);
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(document, "document");
  }

  /**
   * The template's ARN in {@code region}: managed templates belong to no account, so the account
   * part is empty.
   */
  public String arn(String region) {
    return "arn:aws:iot:" + region + "::jobtemplate/" + name + ":" + version;
  }
}
