package dev.lamplighter.tunnels;

/** OpenTunnel's answer: the only time the two access tokens are seen in the clear. */
public record OpenedTunnel(
    String tunnelId, String tunnelArn, String sourceAccessToken, String destinationAccessToken) {}
