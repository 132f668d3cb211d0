package dev.lamplighter.core.error;

/**
 * Every failure a client can observe, with the AWS error type its SDK parses and the HTTP status
 * AWS answers with. Several codes may share one AWS type when Lamplighter distinguishes causes that
 * AWS reports alike (a wrong signature and an expired one are both {@code
 * InvalidSignatureException}).
 */
public enum ErrorCode {
  // Modeled errors of the AWS IoT service, statuses as in the service model.
  INVALID_REQUEST("InvalidRequestException", 400),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 409),
  VERSION_CONFLICT("VersionConflictException", 409),
  DELETE_CONFLICT("DeleteConflictException", 409),
  CONFLICTING_RESOURCE_UPDATE("ConflictingResourceUpdateException", 409),
  LIMIT_EXCEEDED("LimitExceededException", 410),
  UNAUTHORIZED("UnauthorizedException", 401),
  THROTTLING("ThrottlingException", 400),
  INTERNAL_FAILURE("InternalFailureException", 500),
  SERVICE_UNAVAILABLE("ServiceUnavailableException", 503),
  MALFORMED_POLICY("MalformedPolicyException", 400),
  VERSIONS_LIMIT_EXCEEDED("VersionsLimitExceededException", 409),
  CERTIFICATE_VALIDATION("CertificateValidationException", 400),
  CERTIFICATE_STATE("CertificateStateException", 406),
  CERTIFICATE_CONFLICT("CertificateConflictException", 409),
  REGISTRATION_CODE_VALIDATION("RegistrationCodeValidationException", 400),
  TRANSFER_CONFLICT("TransferConflictException", 409),
  TRANSFER_ALREADY_COMPLETED("TransferAlreadyCompletedException", 410),
  INVALID_QUERY("InvalidQueryException", 400),
  INVALID_AGGREGATION("InvalidAggregationException", 400),
  INDEX_NOT_READY("IndexNotReadyException", 400),
  INVALID_STATE_TRANSITION("InvalidStateTransitionException", 409),
  CONFLICT("ConflictException", 409),
  INTERNAL_SERVER("InternalServerException", 500),

  // Modeled errors of the AWS IoT Jobs data plane (iot-jobs-data).
  /** A device's update named a version of its execution that is not the current one. */
  EXECUTION_VERSION_MISMATCH("InvalidStateTransitionException", 409),
  TERMINAL_STATE("TerminalStateException", 410),

  // Modeled errors of the AWS IoT data plane (iot-data) not shared with the control plane.
  FORBIDDEN("ForbiddenException", 403),
  METHOD_NOT_ALLOWED("MethodNotAllowedException", 405),
  UNSUPPORTED_DOCUMENT_ENCODING("UnsupportedDocumentEncodingException", 415),

  // Errors of the AWS request front end, shared by every service.
  MISSING_AUTHENTICATION("MissingAuthenticationTokenException", 403),
  INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400),
  UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
  INVALID_SIGNATURE("InvalidSignatureException", 403),
  SIGNATURE_EXPIRED("InvalidSignatureException", 403),
  SERIALIZATION("SerializationException", 400),
  UNKNOWN_OPERATION("UnknownOperationException", 404),
  REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413);

  private final String awsType;
  private final int httpStatus;

  ErrorCode(String awsType, int httpStatus) {
    this.awsType = awsType;
    this.httpStatus = httpStatus;
  }

  /** The error type AWS SDKs read from {@code x-amzn-ErrorType} to pick an exception class. */
  public String awsType() {
    return awsType;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** A new exception of this code with the given message. */
  public ServiceException exception(String message) {
    return new ServiceException(this, message);
  }

  /** A new exception of this code with a message formatted by {@link String#format}. */
  public ServiceException exception(String format, Object... args) {
    return new ServiceException(this, String.format(java.util.Locale.ROOT, format, args));
  }
}
