package dev.lamplighter.core.error;

import java.util.Map;
import java.util.Objects;

/**
 * A failure the caller is told about. The code decides the AWS error type and status; the message
 * names the problem; the details carry the extra members some AWS errors have (for example {@code
 * resourceId} and {@code resourceArn} of {@code ResourceAlreadyExistsException}).
 */
public class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, String> details;

  public ServiceException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public ServiceException(
      ErrorCode code, String message, Map<String, String> details, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = Map.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra members of the error body, keyed by their wire name. */
  public Map<String, String> details() {
    return details;
  }

  /** The same failure with extra members for the error body. */
  public ServiceException withDetails(Map<String, String> extra) {
    return new ServiceException(code, getMessage(), extra, getCause());
  }
}
