package dev.sluice.connectors.fs;

import dev.sluice.testing.s3.S3TestServer;

/** S3Settings for the test server: its endpoint and keys, path-style access. */
final class TestS3 {

  private TestS3() {}

  static S3Settings settings(S3TestServer server) {
    return S3Settings.builder()
        .endpoint(server.endpoint())
        .pathStyleAccess(true)
        .region(server.region())
        .credentials(server.accessKey(), server.secretKey())
        .build();
  }
}
