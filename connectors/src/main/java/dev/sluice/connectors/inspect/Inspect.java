package dev.sluice.connectors.inspect;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sluice.connectors.protobuf.DecodedRecord;
import dev.sluice.connectors.protobuf.RecordDecoder;
import dev.sluice.connectors.protobuf.RecordJson;
import dev.sluice.connectors.recordio.RecordIOFormatException;
import dev.sluice.connectors.recordio.RecordIOReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * {@code inspect PATH [--limit N] [--summary]}: reads a RecordIO-protobuf file, or every file of a
 * folder of shards (recursively, in name order, skipping names that start with {@code _} or {@code
 * .}), through Flink's {@link FileSystem}, so any scheme Flink knows works; the job's entry point
 * sets up {@code s3://} from {@code --s3.*} keys before it calls {@link #run}. Prints each record
 * as a JSON line (at most N with {@code --limit}); {@code --summary} reads everything and prints
 * counts, feature names and dimensions instead.
 *
 * <p>Validation is strict: the first bad chunk or payload stops the command with exit code 1 and a
 * message naming the file and byte offset. Usage errors exit with 2.
 */
public final class Inspect {
  static final String USAGE = "usage: inspect PATH [--limit N] [--summary] [--s3.KEY VALUE ...]";

  static final String HELP =
      USAGE
          + "\n\n"
          + "Reads a RecordIO-protobuf shard, or every shard of a folder (names starting with _ or ."
          + " skipped),\nand prints each record as a JSON line.\n\n"
          + "  PATH             a file or folder: a local path, file:///..., or s3://bucket/prefix/\n"
          + "  --limit N        print at most N records\n"
          + "  --summary        print counts, feature names and dimensions instead of records\n"
          + "  --s3.KEY VALUE   how to reach an S3-compatible store (the job's s3.* keys)\n"
          + "  --help, -h       this text\n\n"
          + "Exit codes: 0 fine, 1 a bad or unreadable file (the message names it and the byte"
          + " offset), 2 usage.\n";

  private final RecordJson json = new RecordJson();

  /** Runs the command; returns the exit code: 0 fine, 1 bad or unreadable file, 2 usage. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (java.util.Arrays.asList(args).contains("--help")
        || java.util.Arrays.asList(args).contains("-h")) {
      out.print(HELP);
      return 0;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("inspect: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      new Inspect().inspect(options, out);
      return 0;
    } catch (IOException e) {
      out.flush();
      err.println("inspect: " + e.getMessage());
      return 1;
    }
  }

  private void inspect(Options options, PrintStream out) throws IOException {
    Summary summary = new Summary();
    long printed = 0;
    for (FileStatus file : files(options.path)) {
      summary.file();
      String source = file.getPath().toString();
      try (RecordIOReader reader =
          new RecordIOReader(file.getPath().getFileSystem().open(file.getPath()), source)) {
        while (printed < options.limit || options.summary) {
          if (!reader.next()) {
            break;
          }
          DecodedRecord record = decode(reader, source);
          summary.record(record);
          if (printed < options.limit) {
            out.println(json.toJson(record));
            printed++;
          }
        }
        summary.bytes(reader.position(), reader.escapedRecords());
      }
      if (!options.summary && printed >= options.limit) {
        break;
      }
    }
    if (options.summary) {
      summary.print(out);
    }
    out.flush();
  }

  private static DecodedRecord decode(RecordIOReader reader, String source) throws IOException {
    try {
      return RecordDecoder.decode(reader.buffer(), 0, reader.length());
    } catch (InvalidProtocolBufferException e) {
      throw new RecordIOFormatException(
          source,
          reader.recordOffset(),
          "expected the record there to be an aialgs.data.Record protobuf: " + e.getMessage());
    }
  }

  /** The file itself, or the folder's files in name order, hidden and {@code _} names skipped. */
  private static List<FileStatus> files(Path path) throws IOException {
    FileStatus status = path.getFileSystem().getFileStatus(path);
    List<FileStatus> files = new ArrayList<>();
    if (status.isDir()) {
      collect(path.getFileSystem(), status, files);
    } else {
      files.add(status);
    }
    return files;
  }

  private static void collect(FileSystem fs, FileStatus dir, List<FileStatus> files)
      throws IOException {
    FileStatus[] children = fs.listStatus(dir.getPath());
    if (children == null) {
      return;
    }
    List<FileStatus> sorted = new ArrayList<>(List.of(children));
    sorted.sort(Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : sorted) {
      String name = child.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (child.isDir()) {
        collect(fs, child, files);
      } else {
        files.add(child);
      }
    }
  }

  /** Parsed command line. */
  private static final class Options {
    final Path path;
    final long limit;
    final boolean summary;

    private Options(Path path, long limit, boolean summary) {
      this.path = path;
      this.limit = limit;
      this.summary = summary;
    }

    static Options parse(String[] args) {
      String path = null;
      Long limit = null;
      boolean summary = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--summary")) {
          summary = true;
        } else if (arg.equals("--limit")) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--limit needs a number of records");
          }
          limit = count(args[++i]);
        } else if (arg.startsWith("--")) {
          throw new IllegalArgumentException("unknown option " + arg);
        } else if (path != null) {
          throw new IllegalArgumentException("expected one PATH, found " + path + " and " + arg);
        } else {
          path = arg;
        }
      }
      if (path == null) {
        throw new IllegalArgumentException("expected a PATH (a file or a folder of shards)");
      }
      // With --summary, records are printed only when --limit asks for some.
      long max = limit != null ? limit : summary ? 0 : Long.MAX_VALUE;
      return new Options(toPath(path), max, summary);
    }

    private static long count(String text) {
      try {
        long n = Long.parseLong(text);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--limit expects a whole number >= 0, found " + text);
    }

    /** A path with a scheme goes to Flink as it is; a plain one is a local file. */
    private static Path toPath(String path) {
      return path.contains("://")
          ? new Path(path)
          : new Path(new File(path).getAbsoluteFile().toURI());
    }
  }
}
