package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.DocumentParameter;
import dev.lamplighter.jobs.ManagedJobTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks a job's {@code documentParameters} against a managed template: every required parameter
 * given, no parameter the template does not define, each value matching its regex in full.
 */
final class TemplateParameters {
  private TemplateParameters() {}

  /**
   * The values to substitute: the given ones, and the empty string for optional parameters left
   * out.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the parameter
   */
  static Map<String, String> resolve(ManagedJobTemplate template, Map<String, String> given) {
    Set<String> known =
        template.parameters().stream().map(DocumentParameter::key).collect(Collectors.toSet());
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "Document parameter %s is not a parameter of managed template %s; its parameters"
                + " are %s.",
            key,
            template.name(),
            template.parameters().stream().map(DocumentParameter::key).toList());
      }
    }
    Map<String, String> values = new HashMap<>();
    for (DocumentParameter parameter : template.parameters()) {
      String value = given.get(parameter.key());
      if (value == null) {
        if (!parameter.optional()) {
          throw ErrorCode.INVALID_REQUEST.exception(
              "Missing required document parameter %s of managed template %s.",
              parameter.key(), template.name());
        }
        values.put(parameter.key(), "");
        continue;
      }
      if (!matches(parameter.regex(), value)) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "Document parameter %s does not match the regex %s.",
            parameter.key(), parameter.regex());
      }
      values.put(parameter.key(), value);
    }
    return values;
  }

  private static boolean matches(String regex, String value) {
    try {
      return Pattern.compile(regex, Pattern.DOTALL).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("a managed template's regex does not compile: " + regex, e);
    }
  }
}
