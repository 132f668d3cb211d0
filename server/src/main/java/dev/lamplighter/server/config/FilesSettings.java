package dev.lamplighter.server.config;

import dev.lamplighter.core.config.Setting;
import java.util.List;

/**
 * Where the files job documents point devices to are kept: the built-in file store in the data
 * directory (the default), or an S3-compatible object store whose URLs Lamplighter presigns.
 */
public final class FilesSettings {
  public static final Setting<String> S3_ENDPOINT =
      Setting.text(
          "files-s3-endpoint",
          null,
          "URL of an S3-compatible object store for job files (default: the built-in file store"
              + " in <data-dir>/files, served on the data-plane port)");
  public static final Setting<String> S3_REGION =
      Setting.text("files-s3-region", "us-east-1", "Region the object store signs requests for");
  public static final Setting<String> S3_ACCESS_KEY_ID =
      Setting.text("files-s3-access-key-id", null, "Access key id for the object store");
  public static final Setting<String> S3_SECRET_ACCESS_KEY =
      Setting.secret(
          "files-s3-secret-access-key",
          "Secret access key for the object store (environment or configuration file only)");

  private FilesSettings() {}

  public static List<Setting<?>> all() {
    return List.of(S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY);
  }
}
