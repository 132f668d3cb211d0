package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.DocumentParameter;
import dev.lamplighter.jobs.ManagedJobTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS managed job templates, shipped with the server: the documents AWS publishes for them, in
 * the {@code version}/{@code steps} format a device agent runs with its handler scripts ({@code
 * download-file.sh}, {@code install-packages.sh}, ...), and their parameters.
 */
final class ManagedTemplates {
  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-z-]*:iot:([a-z0-9-]*)::jobtemplate/([A-Za-z0-9_-]+):([0-9.]+)");

  private static final DocumentParameter RUN_AS_USER =
      new DocumentParameter(
          "runAsUser",
          "Execute handler as another user. If not specified, then handler is executed as the"
              + " same user as device client.",
          "(.){0,256}",
          "user1",
          true);
  private static final DocumentParameter PATH_TO_HANDLER =
      new DocumentParameter(
          "pathToHandler",
          "Path to handler on the device. If not specified, then device client will use the"
              + " current working directory.",
          "(.){0,4096}",
          "/path/to/handler/script",
          true);

  static final List<ManagedJobTemplate> ALL =
      List.of(
          handlerTemplate(
              "AWS-Download-File",
              "A managed job template for downloading a file.",
              "Download-File",
              "download-file.sh",
              List.of(
                  required(
                      "downloadUrl",
                      "URL of file to download.",
                      "http://www.example.com/index.html"),
                  required(
                      "filePath",
                      "Path on the device where downloaded file is written.",
                      "/path/to/file"))),
          handlerTemplate(
              "AWS-Install-Application",
              "A managed job template for installing one or more applications.",
              "Install-Application",
              "install-packages.sh",
              List.of(
                  required(
                      "packages",
                      "Space separated list of packages to install.",
                      "package1 package2"))),
          handlerTemplate(
              "AWS-Reboot",
              "A managed job template for rebooting the device.",
              "Reboot",
              "reboot.sh",
              List.of()),
          handlerTemplate(
              "AWS-Remove-Application",
              "A managed job template for uninstalling one or more applications.",
              "Remove-Application",
              "remove-packages.sh",
              List.of(
                  required(
                      "packages",
                      "Space separated list of packages to uninstall.",
                      "package1 package2"))),
          handlerTemplate(
              "AWS-Restart-Application",
              "A managed job template for restarting one or more system services.",
              "Restart-Application",
              "restart-services.sh",
              List.of(
                  required(
                      "services",
                      "Space separated list of services to restart.",
                      "service1 service2"))),
          handlerTemplate(
              "AWS-Start-Application",
              "A managed job template for starting one or more system services.",
              "Start-Application",
              "start-services.sh",
              List.of(
                  required(
                      "services",
                      "Space separated list of services to start.",
                      "service1 service2"))),
          handlerTemplate(
              "AWS-Stop-Application",
              "A managed job template for stopping one or more system services.",
              "Stop-Application",
              "stop-services.sh",
              List.of(
                  required(
                      "services",
                      "Space separated list of services to stop.",
                      "service1 service2"))),
          new ManagedJobTemplate(
              "AWS-Run-Command",
              "1.0",
              "A managed job template for running a command.",
              List.of("LINUX"),
              List.of(
                  required(
                      "command",
                      "A comma separated string of command. Any comma contained in the command"
                          + " itself must be escaped.",
                      "echo,Hello World!"),
                  RUN_AS_USER),
              "{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Run-Command\","
                  + "\"type\":\"runCommand\",\"input\":{\"command\":"
                  + "\"${aws:iot:parameter:command}\"},"
                  + "\"runAsUser\":\"${aws:iot:parameter:runAsUser}\"}}]}"));

  private ManagedTemplates() {}

  private static DocumentParameter required(String key, String description, String example) {
    return new DocumentParameter(key, description, "(.*?)", example, false);
  }

  /** A template whose one step runs a handler script with the required parameters as args. */
  private static ManagedJobTemplate handlerTemplate(
      String name,
      String description,
      String stepName,
      String handler,
      List<DocumentParameter> requiredParameters) {
    StringBuilder input = new StringBuilder("{\"handler\":\"").append(handler).append('"');
    if (!requiredParameters.isEmpty()) {
      input.append(",\"args\":[");
      for (int i = 0; i < requiredParameters.size(); i++) {
        input
            .append(i == 0 ? "" : ",")
            .append("\"${aws:iot:parameter:")
            .append(requiredParameters.get(i).key())
            .append("}\"");
      }
      input.append(']');
    }
    input.append(",\"path\":\"${aws:iot:parameter:pathToHandler}\"}");
    String document =
        "{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\""
            + stepName
            + "\",\"type\":\"runHandler\",\"input\":"
            + input
            + ",\"runAsUser\":\"${aws:iot:parameter:runAsUser}\"}}]}";
    List<DocumentParameter> parameters = new ArrayList<>(requiredParameters);
    parameters.add(RUN_AS_USER);
    parameters.add(PATH_TO_HANDLER);
    return new ManagedJobTemplate(name, "1.0", description, List.of("LINUX"), parameters, document);
  }

  /** Every version of every template, or those named {@code name}, in name order. */
  static List<ManagedJobTemplate> list(String name) {
    return ALL.stream()
        .filter(t -> name == null || t.name().equals(name))
        .sorted(Comparator.comparing(ManagedJobTemplate::name))
        .toList();
  }

  /**
   * A template by name and version (the newest when null).
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND
   */
  static ManagedJobTemplate find(String name, String version) {
    return ALL.stream()
        .filter(t -> t.name().equals(name) && (version == null || t.version().equals(version)))
        .findFirst()
        .orElseThrow(
            () ->
                version == null
                    ? ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "Managed job template %s does not exist.", name)
                    : ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "Managed job template %s with version %s does not exist.", name, version));
  }

  /**
   * The managed template a job template ARN names, if it has the shape of one ({@code
   * arn:aws:iot:{region}::jobtemplate/{name}:{version}}: no account).
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when it has that shape
   *     but names no template
   */
  static Optional<ManagedJobTemplate> byArn(String arn) {
    Matcher matcher = ARN.matcher(arn);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(find(matcher.group(2), matcher.group(3)));
  }
}
