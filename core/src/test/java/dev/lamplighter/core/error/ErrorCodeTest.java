package dev.lamplighter.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  /** AWS error type and status per code; statuses of modeled errors are the service model's. */
  private static final Map<ErrorCode, String> EXPECTED =
      Map.ofEntries(
          Map.entry(ErrorCode.INVALID_REQUEST, "InvalidRequestException 400"),
          Map.entry(ErrorCode.RESOURCE_NOT_FOUND, "ResourceNotFoundException 404"),
          Map.entry(ErrorCode.RESOURCE_ALREADY_EXISTS, "ResourceAlreadyExistsException 409"),
          Map.entry(ErrorCode.VERSION_CONFLICT, "VersionConflictException 409"),
          Map.entry(ErrorCode.DELETE_CONFLICT, "DeleteConflictException 409"),
          Map.entry(
              ErrorCode.CONFLICTING_RESOURCE_UPDATE, "ConflictingResourceUpdateException 409"),
          Map.entry(ErrorCode.LIMIT_EXCEEDED, "LimitExceededException 410"),
          Map.entry(ErrorCode.UNAUTHORIZED, "UnauthorizedException 401"),
          Map.entry(ErrorCode.THROTTLING, "ThrottlingException 400"),
          Map.entry(ErrorCode.INTERNAL_FAILURE, "InternalFailureException 500"),
          Map.entry(ErrorCode.SERVICE_UNAVAILABLE, "ServiceUnavailableException 503"),
          Map.entry(ErrorCode.MALFORMED_POLICY, "MalformedPolicyException 400"),
          Map.entry(ErrorCode.VERSIONS_LIMIT_EXCEEDED, "VersionsLimitExceededException 409"),
          Map.entry(ErrorCode.CERTIFICATE_VALIDATION, "CertificateValidationException 400"),
          Map.entry(ErrorCode.CERTIFICATE_STATE, "CertificateStateException 406"),
          Map.entry(ErrorCode.CERTIFICATE_CONFLICT, "CertificateConflictException 409"),
          Map.entry(
              ErrorCode.REGISTRATION_CODE_VALIDATION, "RegistrationCodeValidationException 400"),
          Map.entry(ErrorCode.TRANSFER_CONFLICT, "TransferConflictException 409"),
          Map.entry(ErrorCode.TRANSFER_ALREADY_COMPLETED, "TransferAlreadyCompletedException 410"),
          Map.entry(ErrorCode.INVALID_QUERY, "InvalidQueryException 400"),
          Map.entry(ErrorCode.INVALID_AGGREGATION, "InvalidAggregationException 400"),
          Map.entry(ErrorCode.INDEX_NOT_READY, "IndexNotReadyException 400"),
          Map.entry(ErrorCode.INVALID_STATE_TRANSITION, "InvalidStateTransitionException 409"),
          Map.entry(ErrorCode.CONFLICT, "ConflictException 409"),
          Map.entry(ErrorCode.INTERNAL_SERVER, "InternalServerException 500"),
          Map.entry(ErrorCode.EXECUTION_VERSION_MISMATCH, "InvalidStateTransitionException 409"),
          Map.entry(ErrorCode.TERMINAL_STATE, "TerminalStateException 410"),
          Map.entry(ErrorCode.FORBIDDEN, "ForbiddenException 403"),
          Map.entry(ErrorCode.METHOD_NOT_ALLOWED, "MethodNotAllowedException 405"),
          Map.entry(
              ErrorCode.UNSUPPORTED_DOCUMENT_ENCODING, "UnsupportedDocumentEncodingException 415"),
          Map.entry(ErrorCode.MISSING_AUTHENTICATION, "MissingAuthenticationTokenException 403"),
          Map.entry(ErrorCode.INCOMPLETE_SIGNATURE, "IncompleteSignatureException 400"),
          Map.entry(ErrorCode.UNRECOGNIZED_CLIENT, "UnrecognizedClientException 403"),
          Map.entry(ErrorCode.INVALID_SIGNATURE, "InvalidSignatureException 403"),
          Map.entry(ErrorCode.SIGNATURE_EXPIRED, "InvalidSignatureException 403"),
          Map.entry(ErrorCode.SERIALIZATION, "SerializationException 400"),
          Map.entry(ErrorCode.UNKNOWN_OPERATION, "UnknownOperationException 404"),
          Map.entry(ErrorCode.REQUEST_TOO_LARGE, "RequestEntityTooLargeException 413"));

  @Test
  void everyCode_mapsToItsAwsTypeAndStatus() {
    Map<ErrorCode, String> actual =
        Arrays.stream(ErrorCode.values())
            .collect(Collectors.toMap(c -> c, c -> c.awsType() + " " + c.httpStatus()));

    assertThat(actual).isEqualTo(EXPECTED);
  }
}
