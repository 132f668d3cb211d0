package dev.lamplighter.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.jobs.ManagedJobTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job documents, managed templates' parameters, and presigned-URL placeholders. */
class DocumentsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | not valid JSON",
        "[1,2] | must be a JSON object",
        "\"text\" | must be a JSON object",
        "{\"a\":1} {\"b\":2} | must be a JSON object",
        "{\"a\":1,\"a\":2} | not valid JSON"
      })
  void documentsThatAreNotOneJsonObject_areInvalidRequests(String document, String message) {
    assertThatThrownBy(() -> JobDocuments.check(document))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining(message);
  }

  @Test
  void documentsOver32Kilobytes_areRefused_atExactlyTheLimit() {
    String filler = "x".repeat(JobDocuments.MAX_BYTES - "{\"a\":\"\"}".length());
    JobDocuments.check("{\"a\":\"" + filler + "\"}");

    assertThatThrownBy(() -> JobDocuments.check("{\"a\":\"" + filler + "x\"}"))
        .hasMessageContaining("32768");
  }

  @Test
  void managedTemplate_parametersAreCheckedAndSubstituted_escapedForJson() {
    ManagedJobTemplate download = ManagedTemplates.find("AWS-Download-File", null);
    Map<String, String> values =
        TemplateParameters.resolve(
            download,
            Map.of("downloadUrl", "https://files/firmware \"v2\".bin", "filePath", "/opt/fw.bin"));

    String document = JobDocuments.substituteParameters(download.document(), values);

    assertThat(document)
        .isEqualTo(
            "{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Download-File\","
                + "\"type\":\"runHandler\",\"input\":{\"handler\":\"download-file.sh\","
                + "\"args\":[\"https://files/firmware \\\"v2\\\".bin\",\"/opt/fw.bin\"],"
                + "\"path\":\"\"},\"runAsUser\":\"\"}}]}");
    JobDocuments.check(document);
  }

  @Test
  void managedTemplate_refusesMissingUnknownAndMismatchedParameters() {
    ManagedJobTemplate runCommand = ManagedTemplates.find("AWS-Run-Command", "1.0");

    assertThatThrownBy(() -> TemplateParameters.resolve(runCommand, Map.of()))
        .hasMessageContaining("Missing required document parameter command");
    assertThatThrownBy(
            () ->
                TemplateParameters.resolve(
                    runCommand, Map.of("command", "ls", "pathToHandler", "/x")))
        .hasMessageContaining("pathToHandler is not a parameter of managed template");
    assertThatThrownBy(
            () ->
                TemplateParameters.resolve(
                    runCommand, Map.of("command", "ls", "runAsUser", "u".repeat(257))))
        .hasMessageContaining("runAsUser does not match the regex (.){0,256}");
  }

  @Test
  void managedTemplates_areFoundByArn_withoutAnAccount() {
    assertThat(ManagedTemplates.byArn("arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0"))
        .get()
        .extracting(ManagedJobTemplate::name)
        .isEqualTo("AWS-Reboot");
    assertThat(ManagedTemplates.byArn("arn:aws:iot:eu-west-1:111122223333:jobtemplate/mine"))
        .isEmpty();
    assertThatThrownBy(
            () -> ManagedTemplates.byArn("arn:aws:iot:eu-west-1::jobtemplate/AWS-Nothing:1.0"))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void everyManagedTemplate_isAValidDocument_whenItsParametersAreFilled() {
    assertThat(ManagedTemplates.list(null))
        .extracting(ManagedJobTemplate::name)
        .containsExactly(
            "AWS-Download-File",
            "AWS-Install-Application",
            "AWS-Reboot",
            "AWS-Remove-Application",
            "AWS-Restart-Application",
            "AWS-Run-Command",
            "AWS-Start-Application",
            "AWS-Stop-Application");
    for (ManagedJobTemplate template : ManagedTemplates.ALL) {
      Map<String, String> given = new java.util.HashMap<>();
      template.parameters().stream()
          .filter(p -> !p.optional())
          .forEach(p -> given.put(p.key(), p.example()));
      String document =
          JobDocuments.substituteParameters(
              template.document(), TemplateParameters.resolve(template, given));
      JobDocuments.check(document);
      assertThat(JobDocuments.parameterNames(document)).as(template.name()).isEmpty();
    }
  }

  @Test
  void presignedPlaceholders_becomeSignedUrls_v2DecodedFirst_unsignableOnesStay() {
    List<String> asked = new CopyOnWriteArrayList<>();
    String document =
        "{\"a\":\"${aws:iot:s3-presigned-url:https://s3.eu-west-1.amazonaws.com/fw/v2.bin}\","
            + "\"b\":\"${aws:iot:s3-presigned-url-v2:https%3A%2F%2Fs3.amazonaws.com%2Ffw%2Fa%20b}\","
            + "\"c\":\"${aws:iot:s3-presigned-url:https://elsewhere/x}\"}";

    String out =
        PresignedPlaceholders.substitute(
            document,
            (url, expiresIn) -> {
              asked.add(url + " " + expiresIn.getSeconds());
              return url.contains("elsewhere") ? Optional.empty() : Optional.of("https://signed/1");
            },
            Duration.ofSeconds(600));

    assertThat(out)
        .isEqualTo(
            "{\"a\":\"https://signed/1\",\"b\":\"https://signed/1\","
                + "\"c\":\"${aws:iot:s3-presigned-url:https://elsewhere/x}\"}");
    assertThat(asked)
        .containsExactly(
            "https://s3.eu-west-1.amazonaws.com/fw/v2.bin 600",
            "https://s3.amazonaws.com/fw/a b 600",
            "https://elsewhere/x 600");
  }
}
