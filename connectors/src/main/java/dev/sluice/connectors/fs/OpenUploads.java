package dev.sluice.connectors.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.fs.s3hadoop.common.HadoopFileSystem;
import org.apache.flink.util.WrappingProxy;
import org.apache.hadoop.fs.MultipartUploader;

/**
 * Aborts the S3 multipart uploads left open under a prefix.
 *
 * <p>Flink's S3 writer uploads every shard in parts. When an attempt fails, the uploads of the
 * shards it had not finished stay open: invisible to listings and to SageMaker, but stored and
 * billed until aborted. Once a bounded run's shards are committed, no upload under its channels is
 * still in use, so the job's publisher aborts them all.
 *
 * <p>S3's multipart API is reached through the Hadoop S3A filesystem inside {@code
 * flink-s3-fs-hadoop}, which this class can see only when that filesystem was loaded from the
 * classpath: the local job jar and the tests. Loaded as a plugin, as on a cluster, it lives in a
 * class loader of its own; then nothing is aborted, and a bucket lifecycle rule ({@code
 * AbortIncompleteMultipartUpload}) does the job.
 */
public final class OpenUploads {
  private OpenUploads() {}

  /**
   * Aborts every multipart upload whose key starts with {@code prefix}'s key.
   *
   * @return how many were aborted; empty if {@code prefix} is not on S3, or S3's multipart API is
   *     out of this class loader's reach
   */
  public static OptionalInt abortUnder(Path prefix) throws IOException {
    FileSystem fs = unwrapped(prefix.getFileSystem());
    try {
      return S3A.abortUnder(fs, prefix);
    } catch (LinkageError outOfReach) {
      return OptionalInt.empty();
    }
  }

  /**
   * The filesystem itself: inside a Flink task, filesystems come wrapped in a safety net that
   * closes their streams when the task ends, which hides which filesystem it is.
   */
  private static FileSystem unwrapped(FileSystem fs) {
    FileSystem inner = fs;
    while (inner instanceof WrappingProxy<?> proxy
        && proxy.getWrappedDelegate() instanceof FileSystem delegate
        && delegate != inner) {
      inner = delegate;
    }
    return inner;
  }

  /** The Hadoop side, in a class of its own: it only loads where Hadoop's classes are visible. */
  private static final class S3A {
    static OptionalInt abortUnder(FileSystem fs, Path prefix) throws IOException {
      if (!(fs instanceof HadoopFileSystem hadoop)) {
        return OptionalInt.empty();
      }
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(prefix.toUri());
      try (MultipartUploader uploader =
          hadoop.getHadoopFileSystem().createMultipartUploader(path).build()) {
        return OptionalInt.of(uploader.abortUploadsUnderPath(path).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted aborting uploads under " + prefix);
      } catch (ExecutionException e) {
        throw new IOException("cannot abort the open uploads under " + prefix, e.getCause());
      }
    }
  }
}
