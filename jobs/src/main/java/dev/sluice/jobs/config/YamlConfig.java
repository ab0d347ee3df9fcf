package dev.sluice.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML job file into dotted keys. Nesting and dotted names are interchangeable, so {@code
 * sink: {path: out}} and {@code sink.path: out} mean the same; a list of scalars becomes the
 * comma-separated text every other carrier uses. A key given twice, in either spelling, is an
 * error.
 */
public final class YamlConfig {
  /** A key written twice in one file is a mistake, not "the last one wins". */
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private YamlConfig() {}

  /** Parses YAML text; {@code origin} names the file in messages. */
  public static RawConfig parse(String text, String origin) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          List.of(origin + ": not valid YAML: " + e.getOriginalMessage() + locationOf(e)));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new ConfigException(
            List.of(origin + ": expected a mapping of keys to values at the top level"));
      }
      flatten("", root, flat, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(p -> origin + ": " + p).toList());
    }
    return RawConfig.of(flat, "--config " + origin);
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, String> flat, List<String> problems) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (!value.isObject() && flat.containsKey(key)) {
        // Nested and dotted spellings of one key, e.g. sink: {path: a} and sink.path: b.
        problems.add(key + ": given twice (nested and dotted names are the same key)");
        continue;
      }
      if (value.isObject()) {
        flatten(key, value, flat, problems);
      } else if (value.isArray()) {
        Optional<ConfigKey> known = SluiceKeys.find(key);
        if (known.isPresent() && !known.get().type().isList()) {
          problems.add(key + ": expected " + known.get().expected() + ", got a list");
          continue;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
          if (item.isContainerNode()) {
            problems.add(key + ": a list may hold only plain values");
          }
          items.add(item.asText());
        }
        flat.put(key, String.join(",", items));
      } else if (!value.isNull()) {
        flat.put(key, value.asText());
      }
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
