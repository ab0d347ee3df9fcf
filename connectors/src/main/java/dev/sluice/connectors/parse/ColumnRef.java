package dev.sluice.connectors.parse;

import java.io.Serializable;
import java.util.Objects;

/**
 * A column named in the schema mapping: a name (CSV header name or JSON field), or a 0-based index
 * written {@code #3}.
 */
public final class ColumnRef implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final int index;

  private ColumnRef(String name, int index) {
    this.name = name;
    this.index = index;
  }

  /**
   * Parses a column as written in the configuration.
   *
   * @throws IllegalArgumentException for a blank name or a bad index
   */
  public static ColumnRef parse(String written) {
    if (written == null || written.isBlank()) {
      throw new IllegalArgumentException("a column must be a name or #<0-based index>, got blank");
    }
    String s = written.trim();
    if (s.startsWith("#")) {
      try {
        int index = Integer.parseInt(s.substring(1));
        if (index < 0) {
          throw new NumberFormatException();
        }
        return new ColumnRef(null, index);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "column '" + written + "' must be #<0-based index>, e.g. #3");
      }
    }
    return new ColumnRef(s, -1);
  }

  /** Whether this is an index ({@code #3}) rather than a name. */
  public boolean isIndex() {
    return name == null;
  }

  /** The 0-based index; only for index references. */
  public int index() {
    if (name != null) {
      throw new IllegalStateException(this + " is a name, not an index");
    }
    return index;
  }

  /** The name; only for name references. */
  public String name() {
    if (name == null) {
      throw new IllegalStateException(this + " is an index, not a name");
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColumnRef other && index == other.index && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, index);
  }

  /** As written in the configuration. */
  @Override
  public String toString() {
    return name == null ? "#" + index : name;
  }
}
