package dev.sluice.testing.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (s3proxy with an in-memory store) on {@code 127.0.0.1} and a free
 * port, for tests. Register it once per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3TestServer S3 = S3TestServer.withBuckets("raw", "train-data");
 * }</pre>
 *
 * <p>The server runs in a child JVM: s3proxy needs Guava 33, and {@code flink-s3-fs-hadoop} puts an
 * unrelocated Guava 27 on the test classpath, which breaks s3proxy in one JVM. The child's
 * classpath is resolved by Maven when this module is built and travels in this module's jar as
 * {@value #CLASSPATH_RESOURCE}, so nothing but Maven is needed on a fresh machine.
 *
 * <p>The server speaks AWS signatures v2 and v4 with the fixed keys {@link #accessKey()} and {@link
 * #secretKey()}, needs path-style access, and refuses multipart parts under 5 MiB that are not the
 * last part, as AWS does. Buckets live as long as the server, i.e. one test class. The helpers
 * ({@link #putObject}, {@link #listKeys}, {@link #openMultipartUploads}, ...) use the AWS SDK for
 * Java v2, independent of the code under test.
 */
public final class S3TestServer implements BeforeAllCallback, AfterAllCallback {

  /** Classpath resource that lists s3proxy's jars, written by this module's build. */
  public static final String CLASSPATH_RESOURCE = "dev/sluice/testing/s3/s3proxy.classpath";

  /** The region the helpers sign for; s3proxy accepts any. */
  public static final String REGION = "us-east-1";

  private static final String ACCESS_KEY = "sluice-test-access-key";
  private static final String SECRET_KEY = "sluice-test-secret-key";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;

  private final Set<String> buckets;
  private Process process;
  private Thread stopOnExit;
  private Path workDir;
  private URI endpoint;
  private S3Client client;

  private S3TestServer(Set<String> buckets) {
    this.buckets = Set.copyOf(buckets);
  }

  /** A server that creates the given buckets once it is up. */
  public static S3TestServer withBuckets(String... buckets) {
    return new S3TestServer(new LinkedHashSet<>(List.of(buckets)));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Starts the server and creates the buckets; {@link #stop()} ends it. */
  public void start() throws IOException, InterruptedException {
    if (process != null) {
      throw new IllegalStateException("S3TestServer already running at " + endpoint);
    }
    workDir = Files.createTempDirectory("sluice-s3proxy-");
    try {
      String classpath = childClasspath();
      Path logbackConfig = copyResource("s3proxy-logback.xml", workDir);
      for (int attempt = 1; ; attempt++) {
        // The free port is only known free when probed; another process may take it before
        // s3proxy binds it, in which case s3proxy exits and we try another port.
        endpoint = URI.create("http://127.0.0.1:" + freeLoopbackPort());
        Path log = workDir.resolve("s3proxy-" + attempt + ".log");
        launch(classpath, logbackConfig, log);
        if (awaitAnswer(log)) {
          break;
        }
        String lastLog = tail(log);
        stopProcess();
        if (attempt == START_ATTEMPTS) {
          throw new IllegalStateException(
              "s3proxy exited before answering, "
                  + START_ATTEMPTS
                  + " times; last log:\n"
                  + lastLog);
        }
      }
      client = newClient();
      buckets.forEach(this::createBucket);
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void launch(String classpath, Path logbackConfig, Path log) throws IOException {
    Path properties = writeProperties(workDir, endpoint);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A small, quick-starting JVM: the store holds test data only.
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dlogback.configurationFile=" + logbackConfig);
    command.add("-cp");
    command.add(classpath);
    command.add("org.gaul.s3proxy.Main");
    command.add("--properties");
    command.add(properties.toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(workDir.toFile())
            .start();
    // Also on a JVM that exits without running afterAll (e.g. a killed test run).
    Process started = process;
    stopOnExit = new Thread(started::destroyForcibly, "s3proxy-stop-on-exit");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Stops the child JVM; safe to call twice. */
  public void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    stopProcess();
    if (workDir != null) {
      deleteRecursively(workDir);
      workDir = null;
    }
  }

  private void stopProcess() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException alreadyExiting) {
        // The hook is running or has run; nothing left to do.
      }
      stopOnExit = null;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    requireRunning();
    return endpoint;
  }

  /** The access key the server accepts. */
  public String accessKey() {
    return ACCESS_KEY;
  }

  /** The secret key the server accepts. */
  public String secretKey() {
    return SECRET_KEY;
  }

  /** The region to sign for. */
  public String region() {
    return REGION;
  }

  /**
   * A client of the server (path-style, signed with the server's keys), closed by {@link #stop}.
   */
  public S3Client client() {
    requireRunning();
    return client;
  }

  /** Creates a bucket. */
  public void createBucket(String bucket) {
    client().createBucket(b -> b.bucket(bucket));
  }

  /** Stores an object. */
  public void putObject(String bucket, String key, byte[] content) {
    client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /** Stores a UTF-8 text object. */
  public void putObject(String bucket, String key, String content) {
    putObject(bucket, key, content.getBytes(StandardCharsets.UTF_8));
  }

  /** The content of an object. */
  public byte[] getObject(String bucket, String key) {
    return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The content of a UTF-8 text object. */
  public String getObjectAsString(String bucket, String key) {
    return new String(getObject(bucket, key), StandardCharsets.UTF_8);
  }

  /** The keys under a prefix ("" for all), in key order, across all pages. */
  public List<String> listKeys(String bucket, String prefix) {
    return client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .collect(Collectors.toList());
  }

  /** Deletes every object under a prefix ("" for all), e.g. between tests. */
  public void deleteAll(String bucket, String prefix) {
    for (String key : listKeys(bucket, prefix)) {
      client().deleteObject(b -> b.bucket(bucket).key(key));
    }
  }

  /** The keys of the multipart uploads started but neither completed nor aborted. */
  public List<String> openMultipartUploads(String bucket) {
    return client().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
        .map(MultipartUpload::key)
        .collect(Collectors.toList());
  }

  private S3Client newClient() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  private void requireRunning() {
    if (process == null) {
      throw new IllegalStateException(
          "S3TestServer is not running: register it with @RegisterExtension on a static field"
              + " (it starts before all tests of the class) or call start()");
    }
  }

  private static Path writeProperties(Path dir, URI endpoint) throws IOException {
    String properties =
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            // Flink's S3 filesystem sends headers s3proxy does not model (e.g. SSE hints).
            "s3proxy.ignore-unknown-headers=true",
            "jclouds.provider=transient",
            "jclouds.identity=" + ACCESS_KEY,
            "jclouds.credential=" + SECRET_KEY,
            "");
    Path file = dir.resolve("s3proxy.properties");
    Files.writeString(file, properties, StandardCharsets.UTF_8);
    return file;
  }

  private static Path copyResource(String name, Path dir) throws IOException {
    try (InputStream in = S3TestServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " missing next to S3TestServer");
      }
      Path target = dir.resolve(name);
      Files.copy(in, target);
      return target;
    }
  }

  private static String childClasspath() throws IOException {
    try (InputStream in =
        S3TestServer.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource "
                + CLASSPATH_RESOURCE
                + " not found: build sluice-testing with Maven (it is written by the"
                + " maven-dependency-plugin at generate-resources), e.g. mvn -pl <module> -am verify");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits until s3proxy answers: true once it does, false if it exited first (e.g. its port was
   * taken). An answer counts only with S3's request id header and while our child still runs, so
   * that another process on the same port is never mistaken for it.
   */
  private boolean awaitAnswer(Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint.resolve("/sluice-probe-" + UUID.randomUUID()))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        HttpResponse<Void> answer = http.send(probe, HttpResponse.BodyHandlers.discarding());
        if (answer.headers().firstValue("x-amz-request-id").isPresent() && process.isAlive()) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "s3proxy did not answer at " + endpoint + " within " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A temp directory left behind is harmless; the server is already stopped.
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read s3proxy log " + log, e);
    }
  }
}
