package dev.sluice.connectors.source;

import java.io.IOException;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Writes {@link LineSplit}s into checkpoints and into the enumerator's messages to readers. */
final class LineSplitSerializer implements SimpleVersionedSerializer<LineSplit> {

  static final LineSplitSerializer INSTANCE = new LineSplitSerializer();

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(LineSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(128);
    out.writeUTF(split.splitId());
    Path.serializeToDataOutputView(split.path(), out);
    out.writeLong(split.offset());
    out.writeLong(split.length());
    out.writeLong(split.fileModificationTime());
    out.writeLong(split.fileSize());
    out.writeLong(split.linesBefore());
    CheckpointedPosition position = split.getReaderPosition().orElse(null);
    out.writeBoolean(position != null);
    if (position != null) {
      out.writeLong(position.getOffset());
      out.writeLong(position.getRecordsAfterOffset());
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public LineSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown version of a line split: " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    String id = in.readUTF();
    Path path = Path.deserializeFromDataInputView(in);
    long offset = in.readLong();
    long length = in.readLong();
    long modificationTime = in.readLong();
    long fileSize = in.readLong();
    long linesBefore = in.readLong();
    CheckpointedPosition position =
        in.readBoolean() ? new CheckpointedPosition(in.readLong(), in.readLong()) : null;
    return new LineSplit(
        id, path, offset, length, modificationTime, fileSize, linesBefore, position);
  }
}
