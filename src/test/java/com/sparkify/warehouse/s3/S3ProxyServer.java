package com.sparkify.warehouse.s3;

import com.amazonaws.SdkClientException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * An S3-compatible server for tests: s3proxy with its filesystem store, run in a child JVM on a
 * free loopback port. s3proxy and Spark need different Jackson and Jakarta versions, so s3proxy
 * never shares the test classpath: the build copies its self-contained jar to {@code
 * target/s3proxy/s3proxy.jar} (system property {@code s3proxy.jar} overrides the location).
 *
 * <p>Clients reach it through S3A with {@link #s3aSettings()}. Bucket names are global to the JVM's
 * FileSystem cache, so give each test its own bucket; {@link #close()} evicts the cached S3A
 * clients of the buckets it created.
 */
public final class S3ProxyServer implements AutoCloseable {

  /** The jar that {@code mvn generate-test-resources} copies from the local repository. */
  public static final String DEFAULT_JAR = "target/s3proxy/s3proxy.jar";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int UPLOAD_THREADS = 8;

  private final Process process;
  private final Path directory;
  private final Path log;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private final Set<String> buckets = new LinkedHashSet<>();

  private S3ProxyServer(
      Process process, Path directory, Path log, int port, String accessKey, String secretKey) {
    this.process = process;
    this.directory = directory;
    this.log = log;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts s3proxy and returns once it answers HTTP requests. */
  public static S3ProxyServer start() {
    Path jar = Path.of(System.getProperty("s3proxy.jar", DEFAULT_JAR)).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "s3proxy is not at "
              + jar
              + "; run `mvn generate-test-resources` (it copies org.gaul:s3proxy"
              + " jar-with-dependencies to target/s3proxy/)");
    }
    try {
      Path directory = Files.createTempDirectory("s3proxy-");
      Path store = Files.createDirectories(directory.resolve("store"));
      Path log = directory.resolve("s3proxy.log");
      int port = freeLoopbackPort();
      String accessKey = "test-access-key";
      String secretKey = "test-secret-key-" + Long.toHexString(System.nanoTime());

      var properties = new Properties();
      properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
      properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
      properties.setProperty("s3proxy.identity", accessKey);
      properties.setProperty("s3proxy.credential", secretKey);
      properties.setProperty("jclouds.provider", "filesystem");
      properties.setProperty("jclouds.filesystem.basedir", store.toString());
      Path propertiesFile = directory.resolve("s3proxy.properties");
      try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
        properties.store(writer, "written by S3ProxyServer");
      }

      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      var command =
          List.of(
              java.toString(),
              "-Xmx256m",
              "-cp",
              jar.toString(),
              "org.gaul.s3proxy.Main",
              "--properties",
              propertiesFile.toString());
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      // s3proxy's logback.xml reads LOG_LEVEL; its request log is noise in test output.
      builder.environment().put("LOG_LEVEL", "warn");
      // The child must not inherit the test JVM's AWS settings.
      builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
      Process process = builder.start();
      var server = new S3ProxyServer(process, directory, log, port, accessKey, secretKey);
      server.awaitAnswer();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start s3proxy from " + jar, e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /**
   * The Hadoop settings that make S3A talk to this server: path-style requests over plain HTTP, its
   * static keys, no version-id change detection (the filesystem store has no object versions) and
   * directory markers kept (see below).
   */
  public Map<String, String> s3aSettings() {
    var settings = new LinkedHashMap<String, String>();
    settings.put("fs.s3a.endpoint", endpoint());
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.change.detection.version.required", "false");
    settings.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", accessKey);
    settings.put("fs.s3a.secret.key", secretKey);
    // Hadoop 3.3's default ("delete") removes the parent directory markers after every write.
    // The filesystem store maps a marker to a directory and retries deleting a non-empty one for
    // seconds: five small writes took 170 s instead of 0.4 s. Hadoop 3.4 keeps markers by default.
    settings.put("fs.s3a.directory.marker.retention", "keep");
    // Fail fast instead of retrying for minutes when a test points at a stopped server.
    settings.put("fs.s3a.attempts.maximum", "2");
    settings.put("fs.s3a.retry.limit", "2");
    return settings;
  }

  /** Sets {@link #s3aSettings()} on a Hadoop configuration, e.g. Spark's, and returns it. */
  public Configuration configure(Configuration hadoop) {
    s3aSettings().forEach(hadoop::set);
    return hadoop;
  }

  /** Creates a bucket; returns its {@code s3a://NAME/} URI. */
  public URI createBucket(String name) {
    AmazonS3 client =
        AmazonS3ClientBuilder.standard()
            .withEndpointConfiguration(new EndpointConfiguration(endpoint(), "us-east-1"))
            .withPathStyleAccessEnabled(true)
            .withCredentials(
                new AWSStaticCredentialsProvider(new BasicAWSCredentials(accessKey, secretKey)))
            .build();
    try {
      client.createBucket(name);
    } catch (SdkClientException e) {
      throw new IllegalStateException(
          "s3proxy refused to create bucket " + name + ": " + e.getMessage() + "; see " + log, e);
    } finally {
      client.shutdown();
    }
    buckets.add(name);
    return URI.create("s3a://" + name + "/");
  }

  /**
   * Uploads every file under {@code localDirectory} to {@code s3a://bucket/prefix/...}, keeping the
   * relative paths, through S3A; returns the number of files uploaded.
   */
  public int upload(Path localDirectory, String bucket, String prefix) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(localDirectory)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + localDirectory, e);
    }
    String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    Configuration hadoop = configure(new Configuration());
    ExecutorService pool = Executors.newFixedThreadPool(UPLOAD_THREADS);
    try (FileSystem s3 = FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), hadoop)) {
      var uploads = new ArrayList<Future<?>>();
      for (Path file : files) {
        String key = base + localDirectory.relativize(file).toString().replace('\\', '/');
        uploads.add(
            pool.submit(
                () -> {
                  var target = new org.apache.hadoop.fs.Path("s3a://" + bucket + "/" + key);
                  try (FSDataOutputStream out = s3.create(target, true)) {
                    Files.copy(file, out);
                  }
                  return null;
                }));
      }
      for (Future<?> upload : uploads) {
        upload.get();
      }
      return files.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot upload " + localDirectory + " to " + bucket, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted uploading " + localDirectory, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot upload " + localDirectory + " to " + bucket + ": " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Stops s3proxy, evicts the cached S3A clients of its buckets and deletes its store. */
  @Override
  public void close() {
    for (String bucket : buckets) {
      try {
        // FileSystem.get returns the JVM-wide cached client; closing it removes it from the
        // cache, so a later server that reuses the name does not get a client for this port.
        FileSystem.get(URI.create("s3a://" + bucket + "/"), configure(new Configuration())).close();
      } catch (IOException | RuntimeException e) {
        // The client only held connections to a server that is going away.
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteRecursively(directory);
  }

  private void awaitAnswer() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "s3proxy exited with code " + process.exitValue() + " at start-up:\n" + logTail());
      }
      try {
        HttpURLConnection connection =
            (HttpURLConnection) new URL(endpoint() + "/").openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        // Any HTTP answer, even 403 to this unsigned request, means it is serving.
        connection.getResponseCode();
        connection.disconnect();
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "s3proxy did not answer on " + endpoint() + " within " + START_TIMEOUT + ":\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for s3proxy", e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
