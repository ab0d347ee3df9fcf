package dev.sluice.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink cluster of real processes on 127.0.0.1, started the way Flink's scripts start them: a
 * JobManager and one or more TaskManagers, each its own JVM, and the {@code flink} client as
 * another. Their classpath is Flink alone (the build writes it, see the jobs POM) plus what a
 * distribution's {@code lib/} holds (the web submission handlers, the application-mode entry
 * point), so a job jar that forgets a library fails here as it would on a team's cluster, and the
 * S3 filesystem is a plugin.
 *
 * <p>Two kinds: a session cluster ({@link #session}) that takes jobs from {@code flink run} and
 * over REST, and an application cluster ({@link #application}) that runs one job jar from {@code
 * usrlib/} and ends with it, as the Kubernetes operator's {@code FlinkDeployment} and Managed
 * Service for Apache Flink run Sluice.
 *
 * <p>Why not a MiniCluster: it shares the test's JVM and classpath, so it cannot show what the
 * cluster jar lacks, what the plugin class loader hides, that settings reach other processes only
 * through their own {@code config.yaml}, or what happens when a process dies.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofSeconds(120);
  private static final int START_ATTEMPTS = 3;

  /** What the process of an application cluster whose application FAILED exits with. */
  public static final int FAILED_EXIT_CODE = 1443 % 256;

  private static final Duration SUBMIT_PATIENCE = Duration.ofSeconds(180);
  private static final Pattern SUBMITTED =
      Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

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
  private final FlinkRest rest;
  private Process jobManager;
  private final List<Process> taskManagers = new ArrayList<>();
  private final List<Process> clients = new ArrayList<>();

  private StandaloneFlinkCluster(Path home, String classpath, int restPort) {
    this.home = home;
    this.classpath = classpath;
    this.restPort = restPort;
    this.rest = new FlinkRest(restPort, () -> "jobmanager:\n" + log("jobmanager"));
  }

  /**
   * A session cluster with one TaskManager and the given extra Flink settings (the S3 filesystem's,
   * say), once its TaskManager has registered.
   *
   * @param build the folder the jobs build prepared: {@code classpath}, {@code lib/}, {@code
   *     plugins/}
   * @param home a fresh folder for the cluster's configuration and logs
   */
  public static StandaloneFlinkCluster start(Path build, Path home, Map<String, String> settings)
      throws IOException, InterruptedException {
    return session(build, home, settings, 1);
  }

  /** A session cluster with {@code taskManagers} TaskManagers, once all have registered. */
  public static StandaloneFlinkCluster session(
      Path build, Path home, Map<String, String> settings, int taskManagers)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      StandaloneFlinkCluster cluster = prepare(build, home.resolve("attempt-" + attempt), settings);
      try {
        // One JVM starting at a time: on two busy cores, JVMs that start together slow each
        // other past Pekko's start-up timeout.
        cluster.startJobManager(
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of());
        cluster.awaitTaskManagers(0);
        for (int i = 1; i <= taskManagers; i++) {
          cluster.startTaskManager();
          cluster.awaitTaskManagers(i);
        }
        return cluster;
      } catch (StartFailed e) {
        cluster.close();
        // A port found free may be taken before Flink binds it, and a starved JVM may miss
        // Pekko's fixed 10 s to start remoting: start afresh, as S3TestServer does.
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        cluster.close();
        throw e;
      }
    }
  }

  /** A cluster process ended while the cluster was starting. */
  private static final class StartFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StartFailed(String message) {
      super(message);
    }
  }

  /**
   * An application cluster: {@code StandaloneApplicationClusterEntryPoint} runs {@code mainClass}
   * of {@code jobJar}, which it finds in {@code usrlib/} as in Flink's container image, with one
   * TaskManager. It ends when the application ends; {@link #awaitJobManagerExit} says how.
   */
  public static StandaloneFlinkCluster application(
      Path build,
      Path home,
      Map<String, String> settings,
      Path jobJar,
      String mainClass,
      List<String> programArguments)
      throws IOException, InterruptedException {
    StandaloneFlinkCluster cluster = prepare(build, home, settings);
    try {
      Path usrlib = Files.createDirectories(home.resolve("usrlib"));
      Files.copy(jobJar, usrlib.resolve(jobJar.getFileName()));
      // "--" ends the entry point's options: it matches them by prefix, so a program's --config
      // would otherwise be taken for its --configDir, and the program would run without it.
      List<String> arguments = new ArrayList<>(List.of("--job-classname", mainClass, "--"));
      arguments.addAll(programArguments);
      cluster.startJobManager(
          "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint",
          arguments);
      cluster.startTaskManager();
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private static StandaloneFlinkCluster prepare(Path build, Path home, Map<String, String> settings)
      throws IOException {
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
    // The machine that runs the tests may be busy (CI on two cores, other builds): an actor system
    // or an RPC answer slower than Flink's 10 s default there is a chance failure, not a finding.
    config.add("pekko.startup-timeout: 60 s");
    config.add("pekko.ask.timeout: 60 s");
    // Jar upload and run over REST, as in a distribution (true is Flink's default; said here
    // because the REST ITs depend on it).
    config.add("web.submit.enable: true");
    config.add("web.upload.dir: " + Files.createDirectories(home.resolve("web-upload")));
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
    copyFolder(build.resolve("plugins"), Files.createDirectories(home.resolve("plugins")));
    Path lib = Files.createDirectories(home.resolve("lib"));
    copyFolder(build.resolve("lib"), lib);
    List<String> entries = new ArrayList<>();
    entries.add(Files.readString(build.resolve("classpath")).trim());
    try (Stream<Path> jars = Files.list(lib)) {
      jars.sorted().map(Path::toString).forEach(entries::add);
    }
    return new StandaloneFlinkCluster(
        home, String.join(java.io.File.pathSeparator, entries), restPort);
  }

  private void startJobManager(String entryPoint, List<String> arguments)
      throws IOException, InterruptedException {
    Resources resources = resources("GET_JM_RESOURCE_PARAMS");
    List<String> all = resources.withDynamicProperties("--configDir", conf().toString());
    // The entry point's own options and the dynamic properties come before a program's arguments.
    all.addAll(arguments);
    jobManager = java("jobmanager", resources.jvm(), entryPoint, all);
  }

  private void startTaskManager() throws IOException, InterruptedException {
    Resources resources = resources("GET_TM_RESOURCE_PARAMS");
    taskManagers.add(
        java(
            "taskmanager-" + (taskManagers.size() + 1),
            resources.jvm(),
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            resources.withDynamicProperties("--configDir", conf().toString())));
  }

  private Path conf() {
    return home.resolve("conf");
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
            List.of(command, "--configDir", conf().toString()));
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
    Process client = client("client", "run", args);
    if (!client.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      client.destroyForcibly();
      throw new IllegalStateException(
          "flink run did not end within " + patience + "; its output:\n" + log("client"));
    }
    return new Result(client.exitValue(), log("client"));
  }

  /**
   * {@code flink run -d -m … ARGS}, and the client process killed ({@code kill -9}) as soon as it
   * says the cluster accepted the job: what a scheduler, a CI runner that moves on, or a closed
   * laptop does. Returns the job's id.
   */
  public String submitAndKillClient(List<String> args) throws IOException, InterruptedException {
    String name = "client-" + (clients.size() + 1);
    List<String> detached = new ArrayList<>(List.of("-d"));
    detached.addAll(args);
    Process client = client(name, "run", detached);
    clients.add(client);
    long deadline = System.nanoTime() + SUBMIT_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher submitted = SUBMITTED.matcher(log(name));
      if (submitted.find()) {
        client.destroyForcibly();
        client.waitFor();
        return submitted.group(1);
      }
      if (!client.isAlive()) {
        throw new IllegalStateException(
            "flink run -d ended (exit code "
                + client.exitValue()
                + ") before the cluster accepted the job:\n"
                + log(name));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "flink run -d: no job accepted within " + SUBMIT_PATIENCE + ":\n" + log(name));
  }

  private Process client(String name, String action, List<String> args) throws IOException {
    List<String> all = new ArrayList<>(List.of(action, "-m", "127.0.0.1:" + restPort));
    all.addAll(args);
    return java(name, List.of("-Xmx512m"), "org.apache.flink.client.cli.CliFrontend", all);
  }

  /** The client's exit code and everything it printed. */
  public record Result(int exitCode, String output) {}

  /** The cluster's REST API, as the web UI, the operator and {@code curl} use it. */
  public FlinkRest rest() {
    return rest;
  }

  /**
   * The JobManager's exit code, once it has ended: an application cluster ends with its
   * application, with {@code 0} for SUCCEEDED (and CANCELED), {@code 1443} for FAILED, {@code 1445}
   * for UNKNOWN (Flink's {@code ApplicationStatus}); a JVM that {@code System.exit}s on its own
   * ends with that code.
   */
  public int awaitJobManagerExit(Duration patience) throws InterruptedException {
    if (!jobManager.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the JobManager did not end within " + patience + ":\n" + log("jobmanager"));
    }
    return jobManager.exitValue();
  }

  /** The process ids of the TaskManagers still alive. */
  public List<Long> taskManagerPids() {
    return taskManagers.stream().filter(Process::isAlive).map(Process::pid).toList();
  }

  /** {@code kill -9} of one of this cluster's TaskManagers; returns once the process is gone. */
  public void killTaskManager(long pid) throws InterruptedException {
    Optional<Process> taskManager =
        taskManagers.stream().filter(process -> process.pid() == pid).findFirst();
    if (taskManager.isEmpty()) {
      throw new IllegalArgumentException(
          pid + " is not a TaskManager of this cluster: " + taskManagerPids());
    }
    // SIGKILL on Unix: no shutdown hook, no goodbye to the JobManager.
    taskManager.get().destroyForcibly();
    taskManager.get().waitFor();
  }

  /**
   * What one of the processes printed: {@code jobmanager}, {@code taskmanager-N}, {@code client},
   * {@code client-N}; {@code taskmanager} is every TaskManager's, one after the other.
   */
  public String log(String process) {
    if (process.equals("taskmanager")) {
      return java.util.stream.IntStream.rangeClosed(1, taskManagers.size())
          .mapToObj(i -> "--- taskmanager-" + i + "\n" + log("taskmanager-" + i))
          .collect(Collectors.joining("\n"));
    }
    try {
      return Files.readString(home.resolve(process + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    List<Process> all = new ArrayList<>(clients);
    all.addAll(taskManagers);
    if (jobManager != null) {
      all.add(jobManager);
    }
    for (Process process : all) {
      process.destroy();
    }
    for (Process process : all) {
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
    // Flink sets pekko.remote.startup-timeout, but Pekko's classic remoting reads this key, whose
    // 10 s a starved JVM can miss; Flink's actor system lets system properties override its keys.
    command.add("-Dpekko.remote.classic.startup-timeout=60s");
    command.add("-Dlog4j.configurationFile=" + conf().resolve("log4j2.properties"));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(home.toFile());
    builder.redirectOutput(home.resolve(name + ".log").toFile());
    builder.environment().put("FLINK_CONF_DIR", conf().toString());
    builder.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
    // Flink finds usrlib/ beside lib/, as in its container image.
    builder.environment().put("FLINK_LIB_DIR", home.resolve("lib").toString());
    return builder.start();
  }

  private void awaitTaskManagers(int expected) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      List<Process> all = new ArrayList<>(taskManagers);
      all.add(jobManager);
      for (Process process : all) {
        if (!process.isAlive()) {
          throw new StartFailed(
              "a cluster process ended at start-up; jobmanager:\n"
                  + log("jobmanager")
                  + "\n"
                  + log("taskmanager"));
        }
      }
      if (rest.registeredTaskManagers() >= expected) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "not "
            + expected
            + " TaskManagers registered within "
            + START_PATIENCE
            + "; jobmanager:\n"
            + log("jobmanager"));
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : files.toList()) {
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
