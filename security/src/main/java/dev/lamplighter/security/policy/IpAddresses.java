package dev.lamplighter.security.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals and CIDR ranges for {@code IpAddress} and {@code NotIpAddress}. Only literals
 * are accepted, so nothing here ever asks DNS.
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The address bytes of an IPv4 or IPv6 literal (4 or 16 bytes), or null if it is not one. */
  static byte[] parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  private static byte[] parseIpv4(String text) {
    byte[] address = new byte[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? '.' : text.charAt(i);
      if (c == '.') {
        if (value < 0 || part == 4) {
          return null;
        }
        address[part++] = (byte) value;
        value = -1;
      } else if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return null;
        }
      } else {
        return null;
      }
    }
    return part == 4 ? address : null;
  }

  private static byte[] parseIpv6(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          c == ':'
              || c == '.'
              || (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F');
      if (!allowed) {
        return null;
      }
    }
    try {
      // A literal of hex digits, colons and dots: InetAddress parses it without a lookup.
      byte[] address = InetAddress.getByName(text).getAddress();
      return address.length == 16 ? address : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** A CIDR range, or one address as a range of its own length. */
  record Range(byte[] network, int prefixLength) {
    /** The range of {@code 203.0.113.0/24}, {@code 2001:db8::/32} or a single address; or null. */
    static Range parse(String text) {
      int slash = text.indexOf('/');
      byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        return null;
      }
      int prefix = address.length * 8;
      if (slash >= 0) {
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
          return null;
        }
        prefix = Integer.parseInt(bits);
        if (prefix > address.length * 8) {
          return null;
        }
      }
      return new Range(address, prefix);
    }

    boolean contains(byte[] address) {
      if (address == null || address.length != network.length) {
        return false;
      }
      int full = prefixLength / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
