package dev.lamplighter.api.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One operation of a service: how it is reached and which shapes it reads and writes.
 *
 * @param service the service the operation belongs to, such as {@code iot}
 * @param name the AWS operation name, such as {@code CreateThing}
 * @param method the HTTP method
 * @param uri the request URI template as the model writes it, such as {@code /things/{thingName}}
 * @param template the parsed URI template
 * @param input the input shape, if the operation takes one
 * @param output the output shape, if the operation returns one
 * @param errors the modeled error shapes
 * @param responseCode the success status when the model fixes one (otherwise 200)
 */
public record OperationSpec(
    String service,
    String name,
    String method,
    String uri,
    UriTemplate template,
    Optional<String> input,
    Optional<String> output,
    List<String> errors,
    OptionalInt responseCode) {

  public OperationSpec {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    errors = List.copyOf(errors);
    Objects.requireNonNull(responseCode, "responseCode");
  }
}
