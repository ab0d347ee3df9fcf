import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a profile of a benchmark run: CPU samples by thread, by top frame, and by the
 * innermost Sluice frame (the Sluice method that led there, which says what to change).
 *
 * <p>Reads a JFR recording ({@code .jfr}) or async-profiler's collapsed stacks (any other name,
 * recorded with its {@code threads} option). JFR samples only threads running Java code, so time in
 * system calls and in the JIT compiler is missing from its CPU figures; its native-method samples
 * show where threads sat in native code instead. async-profiler samples every thread on the CPU,
 * kernel included.
 *
 * <p>Usage: {@code java scripts/bench/ProfileSummary.java PROFILE [N]}
 */
public final class ProfileSummary {
  private static final Pattern IDLE = Pattern.compile("(?i)accept|wait|poll|park|sleep|select");

  private final Map<String, Long> threads = new HashMap<>();
  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> sluice = new HashMap<>();
  private long samples;

  public static void main(String[] args) throws IOException {
    Path profile = Path.of(args[0]);
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    ProfileSummary summary = new ProfileSummary();
    if (profile.toString().endsWith(".jfr")) {
      summary.readJfr(profile, limit);
    } else {
      summary.readCollapsed(profile);
    }
    summary.print(limit);
  }

  /** One sampled stack, innermost frame first, each frame as {@code Class.method}. */
  private void add(String thread, List<String> frames, String firstSluice, long count) {
    samples += count;
    threads.merge(thread, count, Long::sum);
    self.merge(frames.isEmpty() ? "?" : frames.get(0), count, Long::sum);
    String owner =
        firstSluice != null
            ? firstSluice
            : "(outside Sluice) " + (frames.isEmpty() ? "?" : frames.get(0));
    sluice.merge(owner, count, Long::sum);
  }

  private void readJfr(Path profile, int limit) throws IOException {
    Map<String, Long> nativeFrames = new HashMap<>();
    long nativeSamples = 0;
    long gcs = 0;
    long gcPauseNanos = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(profile)) {
      switch (event.getEventType().getName()) {
        case "jdk.ExecutionSample" -> {
          RecordedStackTrace stack = event.getStackTrace();
          List<String> frames = new ArrayList<>();
          String firstSluice = null;
          if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
              String type = frame.getMethod().getType().getName();
              String name = shortName(type, frame.getMethod().getName());
              frames.add(name);
              if (firstSluice == null && type.startsWith("dev.sluice.")) {
                firstSluice = name;
              }
            }
          }
          add(threadName(event), frames, firstSluice, 1);
        }
        case "jdk.NativeMethodSample" -> {
          RecordedStackTrace stack = event.getStackTrace();
          if (stack != null && stack.getFrames().size() > 1) {
            RecordedFrame top = stack.getFrames().get(0);
            if (IDLE.matcher(top.getMethod().getName()).find()) {
              continue; // a listener or pool thread waiting for work
            }
            nativeSamples++;
            RecordedFrame caller = stack.getFrames().get(1);
            String where =
                shortName(top.getMethod().getType().getName(), top.getMethod().getName())
                    + " <- "
                    + shortName(
                        caller.getMethod().getType().getName(), caller.getMethod().getName())
                    + "  ["
                    + threadName(event)
                    + "]";
            nativeFrames.merge(where, 1L, Long::sum);
          }
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          gcPauseNanos += event.getLong("sumOfPauses");
        }
        default -> {}
      }
    }
    System.out.printf("%d GCs, %d ms of pauses%n", gcs, gcPauseNanos / 1_000_000);
    print(
        "Native-method samples, idle waits left out (mostly system calls)",
        nativeFrames,
        nativeSamples,
        limit);
  }

  /** Lines of {@code [thread tid=N];outer;...;inner COUNT}. */
  private void readCollapsed(Path profile) throws IOException {
    for (String line : Files.readAllLines(profile)) {
      int space = line.lastIndexOf(' ');
      long count = Long.parseLong(line.substring(space + 1));
      String[] stack = line.substring(0, space).split(";");
      String thread = "?";
      List<String> frames = new ArrayList<>();
      String firstSluice = null;
      for (int i = stack.length - 1; i >= 0; i--) {
        String frame = stack[i];
        if (i == 0 && frame.startsWith("[") && frame.endsWith("]")) {
          thread =
              normaliseThread(frame.substring(1, frame.length() - 1).replaceAll(" tid=\\d+", ""));
          continue;
        }
        String name = frame;
        int dot = frame.lastIndexOf('.');
        if (frame.contains("/") && dot > 0) {
          String type = frame.substring(0, dot).replace('/', '.');
          name = shortName(type, frame.substring(dot + 1));
          if (firstSluice == null && type.startsWith("dev.sluice.")) {
            firstSluice = name;
          }
        }
        frames.add(name);
      }
      add(thread, frames, firstSluice, count);
    }
  }

  private void print(int limit) {
    System.out.printf("%d CPU samples%n", samples);
    print("CPU by thread", threads, samples, limit);
    print("CPU by top frame", self, samples, limit);
    print("CPU by the innermost Sluice frame", sluice, samples, limit);
  }

  private static void print(String title, Map<String, Long> counts, long total, int limit) {
    System.out.println();
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }

  private static String shortName(String type, String method) {
    return type.substring(type.lastIndexOf('.') + 1) + "." + method;
  }

  private static String threadName(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    return thread == null ? "?" : normaliseThread(thread.getJavaName());
  }

  /** Flink names task threads {@code <chain> (1/2)#0}; one name for all subtasks adds them up. */
  private static String normaliseThread(String name) {
    String base = name.replaceAll(" \\(\\d+/\\d+\\)#\\d+", "").replaceAll("[-#]?\\d+$", "-N");
    return base.length() > 90 ? base.substring(0, 87) + "..." : base;
  }
}
