package dev.sluice.connectors.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.connector.file.sink.FileSinkCommittable;

/**
 * Commits a {@link ChannelSink}'s shards with the file sink's committer; attachments have nothing
 * to commit and pass on as they are.
 */
final class ChannelCommitter implements Committer<ChannelCommittable> {
  private final Committer<FileSinkCommittable> files;

  ChannelCommitter(Committer<FileSinkCommittable> files) {
    this.files = files;
  }

  @Override
  public void commit(Collection<CommitRequest<ChannelCommittable>> requests)
      throws IOException, InterruptedException {
    List<CommitRequest<FileSinkCommittable>> fileRequests = new ArrayList<>();
    for (CommitRequest<ChannelCommittable> request : requests) {
      if (!request.getCommittable().isAttachment()) {
        fileRequests.add(new FileRequest(request));
      }
    }
    if (!fileRequests.isEmpty()) {
      files.commit(fileRequests);
    }
  }

  @Override
  public void close() throws Exception {
    files.close();
  }

  /** A request of the channel sink seen as one of the file sink. */
  private record FileRequest(CommitRequest<ChannelCommittable> request)
      implements CommitRequest<FileSinkCommittable> {
    @Override
    public FileSinkCommittable getCommittable() {
      return request.getCommittable().file();
    }

    @Override
    public int getNumberOfRetries() {
      return request.getNumberOfRetries();
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      request.signalFailedWithKnownReason(t);
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      request.signalFailedWithUnknownReason(t);
    }

    @Override
    public void retryLater() {
      request.retryLater();
    }

    @Override
    public void updateAndRetryLater(FileSinkCommittable committable) {
      request.updateAndRetryLater(ChannelCommittable.ofFile(committable));
    }

    @Override
    public void signalAlreadyCommitted() {
      request.signalAlreadyCommitted();
    }
  }
}
