package dev.lamplighter.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one mapping from error codes to HTTP, table-driven. */
class ErrorResponseTest {
  private final ObjectMapper mapper = WireJson.mapper();

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "INVALID_REQUEST, 400, InvalidRequestException",
    "RESOURCE_NOT_FOUND, 404, ResourceNotFoundException",
    "RESOURCE_ALREADY_EXISTS, 409, ResourceAlreadyExistsException",
    "VERSION_CONFLICT, 409, VersionConflictException",
    "DELETE_CONFLICT, 409, DeleteConflictException",
    "CONFLICTING_RESOURCE_UPDATE, 409, ConflictingResourceUpdateException",
    "LIMIT_EXCEEDED, 410, LimitExceededException",
    "UNAUTHORIZED, 401, UnauthorizedException",
    "THROTTLING, 400, ThrottlingException",
    "INTERNAL_FAILURE, 500, InternalFailureException",
    "SERVICE_UNAVAILABLE, 503, ServiceUnavailableException",
    "MALFORMED_POLICY, 400, MalformedPolicyException",
    "VERSIONS_LIMIT_EXCEEDED, 409, VersionsLimitExceededException",
    "CERTIFICATE_VALIDATION, 400, CertificateValidationException",
    "CERTIFICATE_STATE, 406, CertificateStateException",
    "CERTIFICATE_CONFLICT, 409, CertificateConflictException",
    "REGISTRATION_CODE_VALIDATION, 400, RegistrationCodeValidationException",
    "TRANSFER_CONFLICT, 409, TransferConflictException",
    "TRANSFER_ALREADY_COMPLETED, 410, TransferAlreadyCompletedException",
    "INVALID_QUERY, 400, InvalidQueryException",
    "INVALID_AGGREGATION, 400, InvalidAggregationException",
    "INDEX_NOT_READY, 400, IndexNotReadyException",
    "FORBIDDEN, 403, ForbiddenException",
    "METHOD_NOT_ALLOWED, 405, MethodNotAllowedException",
    "MISSING_AUTHENTICATION, 403, MissingAuthenticationTokenException",
    "INCOMPLETE_SIGNATURE, 400, IncompleteSignatureException",
    "UNRECOGNIZED_CLIENT, 403, UnrecognizedClientException",
    "INVALID_SIGNATURE, 403, InvalidSignatureException",
    "SIGNATURE_EXPIRED, 403, InvalidSignatureException",
    "SERIALIZATION, 400, SerializationException",
    "UNKNOWN_OPERATION, 404, UnknownOperationException",
    "REQUEST_TOO_LARGE, 413, RequestEntityTooLargeException"
  })
  void everyCode_becomesItsStatusErrorTypeAndMessage(ErrorCode code, int status, String type)
      throws Exception {
    ErrorResponse response = ErrorResponse.of(code.exception("the problem"), mapper);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.errorType()).isEqualTo(type);
    assertThat(mapper.readTree(response.body()).get("message").asText()).isEqualTo("the problem");
  }

  @Test
  void details_becomeMembersOfTheBody() throws Exception {
    ServiceException failure =
        ErrorCode.RESOURCE_ALREADY_EXISTS
            .exception("exists")
            .withDetails(Map.of("resourceId", "id-1", "resourceArn", "arn:x"));

    JsonNode body = mapper.readTree(ErrorResponse.of(failure, mapper).body());

    assertThat(body.get("resourceId").asText()).isEqualTo("id-1");
    assertThat(body.get("resourceArn").asText()).isEqualTo("arn:x");
  }

  @Test
  void internalFailure_namesOnlyTheRequestId() throws Exception {
    ErrorResponse response = ErrorResponse.internal("req-42", mapper);

    assertThat(response.status()).isEqualTo(500);
    assertThat(mapper.readTree(response.body()).get("message").asText()).contains("req-42");
  }

  @Test
  void theJsonProtocol_namesTheTypeInTheBody_andAnswersClientErrorsWith400() throws Exception {
    ErrorResponse notFound =
        ErrorResponse.of(ErrorCode.RESOURCE_NOT_FOUND.exception("Tunnel t-1 not found"), mapper)
            .forJsonProtocol(mapper);
    ErrorResponse fault = ErrorResponse.internal("req-7", mapper).forJsonProtocol(mapper);

    JsonNode body = mapper.readTree(notFound.body());
    assertThat(notFound.status()).isEqualTo(400);
    assertThat(notFound.errorType()).isEqualTo("ResourceNotFoundException");
    assertThat(body.get("__type").asText()).isEqualTo("ResourceNotFoundException");
    assertThat(body.get("message").asText()).isEqualTo("Tunnel t-1 not found");
    assertThat(fault.status()).isEqualTo(500);
  }
}
