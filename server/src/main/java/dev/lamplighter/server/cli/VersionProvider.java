package dev.lamplighter.server.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"lamplighter " + (version == null ? "(development build)" : version)};
  }
}
