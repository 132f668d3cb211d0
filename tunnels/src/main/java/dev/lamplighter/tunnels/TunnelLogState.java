package dev.lamplighter.tunnels;

/**
 * What a tunnel change puts in the change log, under resource type TUNNEL and the tunnel's id, so
 * every node's relay can drop the connections a close or rotation ended. No token, nor any hash of
 * one, is in it.
 *
 * @param status the tunnel's status after the change
 * @param sourceGeneration the source side's current token generation
 * @param destinationGeneration the destination side's current token generation
 */
public record TunnelLogState(TunnelStatus status, int sourceGeneration, int destinationGeneration) {

  /** The current generation of {@code mode}'s token. */
  public int generation(ClientMode mode) {
    return mode == ClientMode.SOURCE ? sourceGeneration : destinationGeneration;
  }
}
