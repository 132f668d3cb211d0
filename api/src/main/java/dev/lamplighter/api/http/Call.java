package dev.lamplighter.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.api.sigv4.VerifiedCaller;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;

/**
 * One authenticated, validated call of an operation, as a handler sees it.
 *
 * @param operation the AWS operation name
 * @param caller who signed the request
 * @param input the operation's input, validated against the wire model and named by member
 */
public record Call(String operation, VerifiedCaller caller, ObjectNode input, ObjectMapper mapper) {

  /** The (account, region) the call acts in. */
  public Scope scope() {
    return new Scope(caller.account(), caller.region());
  }

  /** The input bound to a wire record whose components are named after the model's members. */
  public <T> T input(Class<T> type) {
    try {
      return mapper.treeToValue(input, type);
    } catch (JsonProcessingException e) {
      throw ErrorCode.SERIALIZATION.exception(
          "The request cannot be read as %s: %s", operation, e.getOriginalMessage());
    }
  }
}
