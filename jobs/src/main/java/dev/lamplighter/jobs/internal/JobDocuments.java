package dev.lamplighter.jobs.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lamplighter.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of job documents: a JSON object of at most 32 KB, with {@code
 * ${aws:iot:parameter:NAME}} placeholders filled from a managed template's parameters. Jackson is
 * used here only to check that a document parses as one JSON object; documents are kept and served
 * as the text the caller gave.
 */
final class JobDocuments {
  /** AWS's limit on a job document, in bytes of its UTF-8 text. */
  static final int MAX_BYTES = 32_768;

  private static final Pattern PARAMETER = Pattern.compile("\\$\\{aws:iot:parameter:([^}]*)}");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private JobDocuments() {}

  /**
   * Checks a document given to CreateJob or CreateJobTemplate.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the problem
   */
  static void check(String document) {
    int bytes = document.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The job document is %d bytes; it must be at most %d bytes.", bytes, MAX_BYTES);
    }
    try (JsonParser parser = JSON.getFactory().createParser(document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notAnObject();
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw notAnObject();
      }
    } catch (JsonProcessingException e) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The job document is not valid JSON: %s", e.getOriginalMessage());
    } catch (IOException e) {
      throw ErrorCode.INVALID_REQUEST.exception("The job document cannot be read.");
    }
  }

  private static RuntimeException notAnObject() {
    return ErrorCode.INVALID_REQUEST.exception("The job document must be a JSON object.");
  }

  /**
   * The document with each {@code ${aws:iot:parameter:NAME}} replaced by its value, escaped for a
   * JSON string (placeholders sit inside string values); names without a value stay as written.
   */
  static String substituteParameters(String document, Map<String, String> values) {
    if (values.isEmpty() || document.indexOf("${aws:iot:parameter:") < 0) {
      return document;
    }
    Matcher matcher = PARAMETER.matcher(document);
    StringBuilder out = new StringBuilder(document.length());
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      String replacement = value == null ? matcher.group() : jsonEscaped(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The names of the parameter placeholders in a document. */
  static java.util.Set<String> parameterNames(String document) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    Matcher matcher = PARAMETER.matcher(document);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** {@code value} as it must appear between the quotes of a JSON string. */
  static String jsonEscaped(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
