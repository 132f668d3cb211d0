package dev.lamplighter.api.http;

/**
 * The handler of one AWS operation: it maps the call to one service method and the result to the
 * operation's wire output. It holds no business rule.
 */
@FunctionalInterface
public interface Operation {

  /**
   * Serves the call.
   *
   * @return the output wire record, or null for operations without output
   * @throws dev.lamplighter.core.error.ServiceException for failures the caller is told about
   */
  Object handle(Call call);
}
