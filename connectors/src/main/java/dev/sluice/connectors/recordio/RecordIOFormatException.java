package dev.sluice.connectors.recordio;

import java.io.IOException;

/**
 * A RecordIO file is truncated or corrupt. The message names the source, the byte offset and what
 * was expected there.
 */
public final class RecordIOFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;

  public RecordIOFormatException(String source, long offset, String problem) {
    super(source + " at byte offset " + offset + ": " + problem);
    this.source = source;
    this.offset = offset;
  }

  /** The file or stream name given to the reader. */
  public String source() {
    return source;
  }

  /** The byte offset in the source where the problem was found. */
  public long offset() {
    return offset;
  }
}
