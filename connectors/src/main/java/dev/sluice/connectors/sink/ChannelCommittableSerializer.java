package dev.sluice.connectors.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.file.sink.FileSinkCommittable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes a {@link ChannelCommittable} into checkpoints and across the network: a tag byte, then
 * either the file sink's own serialized committable with its version, or the attachment's bytes.
 */
final class ChannelCommittableSerializer implements SimpleVersionedSerializer<ChannelCommittable> {
  private static final int VERSION = 1;
  private static final byte FILE = 0;
  private static final byte ATTACHMENT = 1;

  private final SimpleVersionedSerializer<FileSinkCommittable> files;

  ChannelCommittableSerializer(SimpleVersionedSerializer<FileSinkCommittable> files) {
    this.files = files;
  }

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(ChannelCommittable committable) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (committable.isAttachment()) {
        byte[] attachment = committable.attachment().orElseThrow();
        out.writeByte(ATTACHMENT);
        out.writeInt(attachment.length);
        out.write(attachment);
      } else {
        byte[] file = files.serialize(committable.file());
        out.writeByte(FILE);
        out.writeInt(files.getVersion());
        out.writeInt(file.length);
        out.write(file);
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public ChannelCommittable deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown channel committable version " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      byte tag = in.readByte();
      if (tag == ATTACHMENT) {
        byte[] attachment = new byte[in.readInt()];
        in.readFully(attachment);
        return ChannelCommittable.ofAttachment(attachment);
      }
      int fileVersion = in.readInt();
      byte[] file = new byte[in.readInt()];
      in.readFully(file);
      return ChannelCommittable.ofFile(files.deserialize(fileVersion, file));
    }
  }
}
