package dev.lamplighter.tunnels;

/**
 * Why the relay turns a client away. Each is a client error: retrying the same request cannot
 * succeed.
 */
public enum AdmissionRefusal {
  /** No open tunnel has this token (never issued, rotated away, or the tunnel was deleted). */
  UNKNOWN_TOKEN,
  /** The token belongs to the other side of its tunnel. */
  WRONG_MODE,
  /** The tunnel was closed or its lifetime ended. */
  TUNNEL_CLOSED,
  /** The token was used already and no matching client token was presented. */
  TOKEN_SPENT,
  /** The client token is bound to another open tunnel's token. */
  CLIENT_TOKEN_IN_USE
}
