package dev.sluice.jobs.config;

/** {@code --help} and the README's key table, both generated from {@link SluiceKeys}. */
public final class HelpText {
  private HelpText() {}

  public static String usage() {
    StringBuilder text =
        new StringBuilder()
            .append("Usage: sluice [--config job.yaml] [--key value ...]\n")
            .append("       sluice inspect PATH [--limit N] [--summary] [--s3.KEY VALUE ...]\n\n")
            .append("Without arguments, runs the bundled demand-forecast sample locally.\n")
            .append("--key value overrides the same key in the --config file.\n");
    String section = "";
    for (ConfigKey key : SluiceKeys.ALL) {
      String keySection = key.name().substring(0, key.name().indexOf('.'));
      if (!keySection.equals(section)) {
        section = keySection;
        text.append('\n').append(section).append(":\n");
      }
      text.append("  ").append(key.name());
      if (key.required()) {
        text.append("  (required)");
      }
      key.defaultValue().ifPresent(d -> text.append("  [default: ").append(d).append(']'));
      text.append("\n      ").append(key.description());
      text.append("\n      Value: ").append(key.expected()).append('\n');
    }
    return text.toString();
  }

  /** The Markdown table of keys the README carries; a test keeps the two identical. */
  public static String markdownTable() {
    StringBuilder table =
        new StringBuilder("| key | default | value | meaning |\n|---|---|---|---|\n");
    for (ConfigKey key : SluiceKeys.ALL) {
      String defaultValue =
          key.required() ? "required" : key.defaultValue().map(d -> "`" + d + "`").orElse("");
      table
          .append("| `")
          .append(key.name())
          .append("` | ")
          .append(defaultValue.replace("|", "\\|"))
          .append(" | ")
          .append(key.expected().replace("|", "\\|"))
          .append(" | ")
          .append(key.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }
}
