package dev.lamplighter.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;

/**
 * A failure as AWS SDKs parse it: the HTTP status, the {@code x-amzn-ErrorType} header naming the
 * modeled exception, and a JSON body with {@code message} and any extra members of that exception.
 * This is the one place where error codes become HTTP.
 *
 * @param status the HTTP status of the code
 * @param errorType the value of {@code x-amzn-ErrorType}
 * @param body the JSON body
 */
public record ErrorResponse(int status, String errorType, byte[] body) {
  public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

  /** The response for a failure the caller is told about. */
  public static ErrorResponse of(ServiceException failure, ObjectMapper mapper) {
    ErrorCode code = failure.code();
    ObjectNode body = mapper.createObjectNode();
    body.put("message", failure.getMessage());
    failure.details().forEach(body::put);
    try {
      return new ErrorResponse(code.httpStatus(), code.awsType(), mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object node of strings always serializes", e);
    }
  }

  /**
   * This error as AWS's JSON 1.0/1.1 protocol answers it: the type also in the body's {@code
   * __type}, and 400 for every client error (the protocol's exceptions carry no status of their
   * own), while server faults keep theirs.
   */
  public ErrorResponse forJsonProtocol(ObjectMapper mapper) {
    try {
      ObjectNode json = (ObjectNode) mapper.readTree(body);
      ObjectNode typed = mapper.createObjectNode().put("__type", errorType);
      typed.setAll(json);
      int jsonStatus = status >= 500 ? status : 400;
      return new ErrorResponse(jsonStatus, errorType, mapper.writeValueAsBytes(typed));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("an error body is always a JSON object", e);
    }
  }

  /** The response for an unexpected failure: no internals leak, only the request id. */
  public static ErrorResponse internal(String requestId, ObjectMapper mapper) {
    return of(
        ErrorCode.INTERNAL_FAILURE.exception(
            "An internal failure occurred; the server log has the details of request "
                + requestId
                + "."),
        mapper);
  }

  @Override
  public String toString() {
    return status + " " + errorType + " " + new String(body, StandardCharsets.UTF_8);
  }
}
