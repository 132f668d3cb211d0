package dev.lamplighter.gateway.jobs;

import dev.lamplighter.core.error.ErrorCode;

/** The one place that turns the error catalogue into AWS's jobs rejection codes over MQTT. */
final class RejectedCodes {
  private RejectedCodes() {}

  static String of(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST, LIMIT_EXCEEDED -> "InvalidRequest";
      case RESOURCE_NOT_FOUND -> "ResourceNotFound";
      case INVALID_STATE_TRANSITION -> "InvalidStateTransition";
      case EXECUTION_VERSION_MISMATCH, VERSION_CONFLICT -> "VersionMismatch";
      case THROTTLING, CONFLICTING_RESOURCE_UPDATE -> "RequestThrottled";
      case TERMINAL_STATE -> "TerminalStateReached";
      default -> "InternalError";
    };
  }
}
