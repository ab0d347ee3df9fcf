package dev.sluice.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Flink session cluster of real processes on 127.0.0.1: one JobManager and one TaskManager, each
 * its own JVM, started the way Flink's scripts start them, and the {@code flink} client as a third.
 * Their classpath is Flink alone (the build writes it, see the jobs POM), so a job jar that forgets
 * a library fails here as it would on a team's cluster, and the S3 filesystem is a plugin.
 *
 * <p>Why not a MiniCluster: it shares the test's JVM and classpath, so it cannot show what the
 * cluster jar lacks, what the plugin class loader hides, or that settings reach other processes
 * only through their own {@code config.yaml}.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofSeconds(120);

  /** Java 17 needs these opened for Flink, as the distribution's config.yaml does. */
  private static final List<String> JAVA_OPTIONS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path home;
  private final String classpath;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();

  private StandaloneFlinkCluster(Path home, String classpath, int restPort) {
    this.home = home;
    this.classpath = classpath;
    this.restPort = restPort;
  }

  /**
   * Starts the cluster with the given extra Flink settings (the S3 filesystem's, say) and waits
   * until its TaskManager has registered.
   *
   * @param build the folder the jobs build prepared: {@code classpath} and {@code plugins/}
   * @param home a fresh folder for the cluster's configuration and logs
   */
  public static StandaloneFlinkCluster start(Path build, Path home, Map<String, String> settings)
      throws IOException, InterruptedException {
    String classpath = Files.readString(build.resolve("classpath")).trim();
    int restPort = freePort();
    List<String> config = new ArrayList<>();
    config.add("jobmanager.rpc.address: localhost");
    config.add("jobmanager.rpc.port: " + freePort());
    config.add("jobmanager.bind-host: localhost");
    config.add("jobmanager.memory.process.size: 1024m");
    config.add("taskmanager.host: localhost");
    config.add("taskmanager.bind-host: localhost");
    config.add("taskmanager.numberOfTaskSlots: 2");
    config.add("taskmanager.memory.process.size: 1728m");
    config.add("parallelism.default: 2");
    config.add("rest.address: localhost");
    config.add("rest.bind-address: localhost");
    config.add("rest.port: " + restPort);
    settings.forEach((key, value) -> config.add(key + ": \"" + value + "\""));
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.write(conf.resolve("config.yaml"), config);
    Files.writeString(
        conf.resolve("log4j2.properties"),
        String.join(
            "\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.console.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n",
            ""));
    copyPlugins(build.resolve("plugins"), Files.createDirectories(home.resolve("plugins")));

    StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(home, classpath, restPort);
    try {
      Resources jobManager = cluster.resources("GET_JM_RESOURCE_PARAMS");
      cluster.processes.add(
          cluster.java(
              "jobmanager",
              jobManager.jvm(),
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
              jobManager.withDynamicProperties("--configDir", conf.toString())));
      Resources taskManager = cluster.resources("GET_TM_RESOURCE_PARAMS");
      cluster.processes.add(
          cluster.java(
              "taskmanager",
              taskManager.jvm(),
              "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
              taskManager.withDynamicProperties("--configDir", conf.toString())));
      cluster.awaitTaskManager();
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * A process's memory and CPU as Flink's scripts derive them from config.yaml: JVM options, and
   * dynamic properties for the entry point.
   */
  private record Resources(List<String> jvm, List<String> dynamicProperties) {
    List<String> withDynamicProperties(String... args) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(dynamicProperties);
      return all;
    }
  }

  /** Asks Flink's BashJavaUtils, as {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} do. */
  private Resources resources(String command) throws IOException, InterruptedException {
    Process utils =
        java(
            "resources",
            List.of(),
            "org.apache.flink.runtime.util.bash.BashJavaUtils",
            List.of(command, "--configDir", home.resolve("conf").toString()));
    if (!utils.waitFor(60, TimeUnit.SECONDS) || utils.exitValue() != 0) {
      throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + log("resources"));
    }
    List<String> results =
        log("resources")
            .lines()
            .filter(line -> line.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
            .map(line -> line.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim())
            .toList();
    List<String> dynamic = new ArrayList<>();
    for (String property : results.get(1).split("-D ")) {
      if (!property.isBlank()) {
        dynamic.add("-D");
        dynamic.add(property.trim());
      }
    }
    return new Resources(List.of(results.get(0).split(" ")), dynamic);
  }

  /** {@code flink run -m … ARGS}, as a user would type it; returns what it did. */
  public Result run(Duration patience, List<String> args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("run", "-m", "127.0.0.1:" + restPort));
    all.addAll(args);
    Process client =
        java("client", List.of("-Xmx512m"), "org.apache.flink.client.cli.CliFrontend", all);
    if (!client.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      client.destroyForcibly();
      throw new IllegalStateException(
          "flink run did not end within " + patience + "; its output:\n" + log("client"));
    }
    return new Result(client.exitValue(), log("client"));
  }

  /** The client's exit code and everything it printed. */
  public record Result(int exitCode, String output) {}

  /** What one of the processes (jobmanager, taskmanager, client) printed. */
  public String log(String process) {
    try {
      return Files.readString(home.resolve(process + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private Process java(String name, List<String> jvm, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.addAll(jvm);
    command.add("-Dlog4j.configurationFile=" + home.resolve("conf/log4j2.properties"));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(home.resolve(name + ".log").toFile());
    builder.environment().put("FLINK_CONF_DIR", home.resolve("conf").toString());
    builder.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
    return builder.start();
  }

  private void awaitTaskManager() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI overview = URI.create("http://127.0.0.1:" + restPort + "/overview");
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "a cluster process ended at start-up; jobmanager:\n"
                  + log("jobmanager")
                  + "\ntaskmanager:\n"
                  + log("taskmanager"));
        }
      }
      try {
        String body =
            http.send(
                    HttpRequest.newBuilder(overview).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        if (body.matches("(?s).*\"taskmanagers\"\\s*:\\s*[1-9].*")) {
          return;
        }
      } catch (IOException notYetListening) {
        // The JobManager is still starting.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "no TaskManager registered within "
            + START_PATIENCE
            + "; jobmanager:\n"
            + log("jobmanager"));
  }

  private static void copyPlugins(Path from, Path to) throws IOException {
    try (var plugins = Files.walk(from)) {
      for (Path source : plugins.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
