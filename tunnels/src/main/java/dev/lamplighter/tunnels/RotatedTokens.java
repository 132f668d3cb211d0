package dev.lamplighter.tunnels;

import java.util.Optional;

/** RotateTunnelAccessToken's answer: the new tokens of the rotated modes. */
public record RotatedTokens(
    String tunnelArn,
    Optional<String> sourceAccessToken,
    Optional<String> destinationAccessToken) {}
