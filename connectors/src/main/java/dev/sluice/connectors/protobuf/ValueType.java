package dev.sluice.connectors.protobuf;

/** The kinds of {@code aialgs.data.Value}, with their oneof field numbers in {@code Value}. */
public enum ValueType {
  FLOAT32("float32", 2),
  FLOAT64("float64", 3),
  INT32("int32", 7),
  BYTES("bytes", 9);

  private final String jsonName;
  private final int fieldNumber;

  ValueType(String jsonName, int fieldNumber) {
    this.jsonName = jsonName;
    this.fieldNumber = fieldNumber;
  }

  /** The name used in JSON renderings and the golden files: float32, float64, int32, bytes. */
  public String jsonName() {
    return jsonName;
  }

  /** The field number of this kind in the {@code Value} oneof. */
  int fieldNumber() {
    return fieldNumber;
  }
}
