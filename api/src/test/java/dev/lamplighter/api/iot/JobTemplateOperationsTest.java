package dev.lamplighter.api.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.jobs.JobsEdge;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.jobs.DocumentParameter;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobTemplate;
import dev.lamplighter.jobs.ManagedJobTemplate;
import dev.lamplighter.jobs.NewJobTemplate;
import dev.lamplighter.registry.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ConflictException;
import software.amazon.awssdk.services.iot.model.DescribeJobTemplateResponse;
import software.amazon.awssdk.services.iot.model.DescribeManagedJobTemplateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListManagedJobTemplatesResponse;
import software.amazon.awssdk.services.iot.model.MaintenanceWindow;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TimeoutConfig;

/** The job template and managed template operations, driven by the AWS SDK's {@link IotClient}. */
class JobTemplateOperationsTest {
  private static final String TEMPLATE_ARN =
      "arn:aws:iot:eu-west-1:111122223333:jobtemplate/nightly";

  private JobsEdge edge;
  private IotClient client;

  @BeforeEach
  void start() {
    edge = new JobsEdge();
    client = edge.iot();
  }

  @AfterEach
  void stop() {
    client.close();
    edge.close();
  }

  @Test
  void createJobTemplate_keepsMaintenanceWindowsAsSchedulingAlone() {
    edge.templates.answer("create", args -> template());

    var response =
        client.createJobTemplate(
            b ->
                b.jobTemplateId("nightly")
                    .description("Nightly")
                    .jobArn("arn:aws:iot:eu-west-1:111122223333:job/job-1")
                    .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                    .maintenanceWindows(
                        MaintenanceWindow.builder()
                            .startTime("cron(0 22 * * ? *)")
                            .durationInMinutes(60)
                            .build())
                    .tags(t -> t.key("team").value("lights")));

    assertThat(response.jobTemplateArn()).isEqualTo(TEMPLATE_ARN);
    assertThat(response.jobTemplateId()).isEqualTo("nightly");
    assertThat(edge.templates.only("create").arg(1))
        .isEqualTo(
            new NewJobTemplate(
                "nightly",
                "Nightly",
                "arn:aws:iot:eu-west-1:111122223333:job/job-1",
                null,
                null,
                new JobConfigs(
                    null,
                    null,
                    new JobConfigs.Timeout(30L),
                    null,
                    new JobConfigs.Scheduling(
                        null,
                        null,
                        null,
                        List.of(new JobConfigs.MaintenanceWindow("cron(0 22 * * ? *)", 60))),
                    null),
                List.of(new Tag("team", "lights")),
                List.of()));
  }

  @Test
  void createJobTemplate_idInUse_isConflict() {
    edge.templates.answer(
        "create",
        args -> {
          throw ErrorCode.CONFLICT.exception("Job template nightly already exists.");
        });

    assertThatThrownBy(
            () ->
                client.createJobTemplate(
                    b -> b.jobTemplateId("nightly").description("Nightly").document("{}")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void describeJobTemplate_answersDocumentConfigsAndWindows() {
    edge.templates.answer("describe", args -> template());

    DescribeJobTemplateResponse response =
        client.describeJobTemplate(b -> b.jobTemplateId("nightly"));

    assertThat(response.jobTemplateArn()).isEqualTo(TEMPLATE_ARN);
    assertThat(response.document()).isEqualTo("{\"operation\":\"on\"}");
    assertThat(response.createdAt()).isEqualTo(JobSamples.CREATED);
    assertThat(response.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
    assertThat(response.maintenanceWindows())
        .singleElement()
        .satisfies(w -> assertThat(w.durationInMinutes()).isEqualTo(60));
    assertThat(response.abortConfig()).isNull();
  }

  @Test
  void listAndDeleteJobTemplates() {
    edge.templates.answer("list", args -> new Page<>(List.of(template()), Optional.of("nightly")));

    var response = client.listJobTemplates(b -> b.maxResults(1));
    client.deleteJobTemplate(b -> b.jobTemplateId("nightly"));

    assertThat(response.jobTemplates())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.jobTemplateArn()).isEqualTo(TEMPLATE_ARN);
              assertThat(t.description()).isEqualTo("Nightly");
              assertThat(t.createdAt()).isEqualTo(JobSamples.CREATED);
            });
    assertThat(response.nextToken()).isNotNull();
    assertThat(edge.templates.only("delete").args()).containsExactly(JobsEdge.SCOPE, "nightly");
  }

  @Test
  void listManagedJobTemplates_pagesTheShippedList_withATokenBoundToTheName() {
    edge.templates.answer(
        "listManaged",
        args ->
            List.of(
                managed("AWS-Download-File", "1.0"),
                managed("AWS-Reboot", "1.0"),
                managed("AWS-Reboot", "2.0")));

    ListManagedJobTemplatesResponse first = client.listManagedJobTemplates(b -> b.maxResults(2));
    ListManagedJobTemplatesResponse second =
        client.listManagedJobTemplates(b -> b.maxResults(2).nextToken(first.nextToken()));

    assertThat(first.managedJobTemplates())
        .extracting(t -> t.templateName() + ":" + t.templateVersion())
        .containsExactly("AWS-Download-File:1.0", "AWS-Reboot:1.0");
    assertThat(first.managedJobTemplates().get(0).templateArn())
        .isEqualTo("arn:aws:iot:eu-west-1::jobtemplate/AWS-Download-File:1.0");
    assertThat(first.managedJobTemplates().get(0).environments()).containsExactly("LINUX");
    assertThat(second.managedJobTemplates())
        .extracting(t -> t.templateName() + ":" + t.templateVersion())
        .containsExactly("AWS-Reboot:2.0");
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(
            () ->
                client.listManagedJobTemplates(
                    b -> b.templateName("AWS-Reboot").nextToken(first.nextToken())))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void describeManagedJobTemplate_answersParametersAndDocument() {
    edge.templates.answer("describeManaged", args -> managed("AWS-Reboot", "1.0"));

    DescribeManagedJobTemplateResponse response =
        client.describeManagedJobTemplate(b -> b.templateName("AWS-Reboot").templateVersion("1.0"));

    assertThat(edge.templates.only("describeManaged").args()).containsExactly("AWS-Reboot", "1.0");
    assertThat(response.templateArn())
        .isEqualTo("arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0");
    assertThat(response.templateVersion()).isEqualTo("1.0");
    assertThat(response.document()).isEqualTo("{\"version\":\"1.0\",\"steps\":[]}");
    assertThat(response.documentParameters())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("pathToHandler");
              assertThat(p.regex()).isEqualTo("^[a-zA-Z0-9_/.-]{1,4096}$");
              assertThat(p.example()).isEqualTo("/opt/handlers");
              assertThat(p.optional()).isTrue();
            });

    edge.templates.answer(
        "describeManaged",
        args -> {
          throw ErrorCode.RESOURCE_NOT_FOUND.exception("No managed template AWS-Nope.");
        });
    assertThatThrownBy(() -> client.describeManagedJobTemplate(b -> b.templateName("AWS-Nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static JobTemplate template() {
    return new JobTemplate(
        "nightly",
        "Nightly",
        "{\"operation\":\"on\"}",
        null,
        new JobConfigs(
            null,
            null,
            new JobConfigs.Timeout(30L),
            null,
            new JobConfigs.Scheduling(
                null,
                null,
                null,
                List.of(new JobConfigs.MaintenanceWindow("cron(0 22 * * ? *)", 60))),
            null),
        List.of(),
        JobSamples.CREATED);
  }

  private static ManagedJobTemplate managed(String name, String version) {
    return new ManagedJobTemplate(
        name,
        version,
        "Runs " + name,
        List.of("LINUX"),
        List.of(
            new DocumentParameter(
                "pathToHandler",
                "Where the handlers are",
                "^[a-zA-Z0-9_/.-]{1,4096}$",
                "/opt/handlers",
                true)),
        "{\"version\":\"1.0\",\"steps\":[]}");
  }
}
