package dev.lamplighter.api.iot;

import dev.lamplighter.api.Endpoints;
import dev.lamplighter.api.http.Call;
import dev.lamplighter.core.error.ErrorCode;

/** The handler of DescribeEndpoint, which answers configured host names. */
final class EndpointOperations {
  private final Endpoints endpoints;

  EndpointOperations(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  record DescribeEndpointRequest(String endpointType) {}

  record DescribeEndpointResponse(String endpointAddress) {}

  Object describe(Call call) {
    String type = call.input(DescribeEndpointRequest.class).endpointType();
    String requested = type == null || type.isEmpty() ? Endpoints.DEFAULT_TYPE : type;
    return new DescribeEndpointResponse(
        endpoints
            .address(requested)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "Endpoint type %s is not valid; use iot:Data-ATS, iot:Data, iot:Jobs or"
                            + " iot:CredentialProvider.",
                        requested)));
  }
}
