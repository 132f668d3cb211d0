package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobTemplate;
import dev.lamplighter.jobs.spi.JobTemplateRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link JobTemplateRepository}. */
abstract class JobTemplateRepositoryContract extends ContractSupport {
  private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00.000000001Z");

  private JobTemplateRepository templates() {
    return store().jobsPorts().templates();
  }

  private static JobTemplate bare(String id) {
    return new JobTemplate(id, null, "{\"operation\":\"reboot\"}", null, null, null, CREATED);
  }

  private List<String> ids(Page<JobTemplate> page) {
    return page.items().stream().map(JobTemplate::jobTemplateId).toList();
  }

  @Test
  void insert_thenFind_returnsEveryField() {
    Scope scope = newScope();
    JobConfigs configs =
        new JobConfigs(
            JobRepositoryContract.FULL_CONFIGS.rollout(),
            JobRepositoryContract.FULL_CONFIGS.abort(),
            JobRepositoryContract.FULL_CONFIGS.timeout(),
            JobRepositoryContract.FULL_CONFIGS.retry(),
            new JobConfigs.Scheduling(
                null,
                null,
                null,
                JobRepositoryContract.FULL_CONFIGS.scheduling().maintenanceWindows()),
            JobRepositoryContract.FULL_CONFIGS.presignedUrl());
    JobTemplate full =
        new JobTemplate(
            "firmware",
            "Firmware update",
            null,
            "s3://firmware/template.json",
            configs,
            List.of("arn:aws:iot:eu-west-1:123456789012:package/fw/version/2.1"),
            CREATED);

    tx(() -> templates().insert(scope, full));
    tx(() -> templates().insert(scope, bare("reboot")));

    assertThat(templates().find(scope, "firmware")).contains(full);
    assertThat(templates().find(scope, "reboot")).contains(bare("reboot"));
    assertThat(templates().find(scope, "reboot").orElseThrow().configs())
        .isEqualTo(JobConfigs.NONE);
    assertThat(templates().find(scope, "ghost")).isEmpty();
  }

  @Test
  void insert_ofATakenId_isRefused_andKeepsTheFirst() {
    Scope scope = newScope();
    tx(() -> templates().insert(scope, bare("reboot")));

    assertThatThrownBy(
            () ->
                tx(
                    () ->
                        templates()
                            .insert(
                                scope,
                                new JobTemplate(
                                    "reboot", "again", "{}", null, null, null, CREATED))))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("reboot");

    assertThat(templates().find(scope, "reboot")).contains(bare("reboot"));
  }

  @Test
  void list_inIdOrder_pageByPage() {
    Scope scope = newScope();
    for (String id : List.of("t-3", "t-1", "Z-upper", "t-2", "a-lower")) {
      tx(() -> templates().insert(scope, bare(id)));
    }

    List<List<String>> pages = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    while (true) {
      Page<JobTemplate> page = templates().list(scope, request);
      pages.add(ids(page));
      if (page.next().isEmpty()) {
        break;
      }
      request = PageRequest.after(page.next().get(), 2);
    }

    assertThat(pages)
        .containsExactly(List.of("Z-upper", "a-lower"), List.of("t-1", "t-2"), List.of("t-3"));
    assertThat(ids(templates().list(scope, PageRequest.after("t-1", 10))))
        .containsExactly("t-2", "t-3");
    assertThat(templates().list(newScope(), PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void delete_removesTheTemplate_soItsIdIsFreeAgain() {
    Scope scope = newScope();
    tx(() -> templates().insert(scope, bare("reboot")));
    tx(() -> templates().insert(scope, bare("kept")));

    tx(() -> templates().delete(scope, "reboot"));

    assertThat(templates().find(scope, "reboot")).isEmpty();
    assertThat(templates().find(scope, "kept")).isPresent();
    tx(() -> templates().insert(scope, bare("reboot")));
    assertThat(templates().find(scope, "reboot")).isPresent();
  }

  @Test
  void scopes_keepTemplatesApart() {
    Scope mine = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    tx(() -> templates().insert(mine, bare("reboot")));
    tx(
        () ->
            templates()
                .insert(
                    otherRegion,
                    new JobTemplate("reboot", "other", "{}", null, null, null, CREATED)));

    tx(() -> templates().delete(otherRegion, "reboot"));

    assertThat(templates().find(mine, "reboot")).contains(bare("reboot"));
    assertThat(templates().find(otherRegion, "reboot")).isEmpty();
    assertThat(templates().find(newScope(), "reboot")).isEmpty();
  }
}
