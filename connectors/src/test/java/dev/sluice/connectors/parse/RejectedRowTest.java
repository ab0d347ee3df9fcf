package dev.sluice.connectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.connectors.source.RawRow;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectedRowTest {

  @Test
  void rendersOneJsonLineWithObjectLineReasonMessageAndText() throws Exception {
    RawRow row = new RawRow("file:/d/a.csv", 9, "x,\"q\"\t\u0001,é", "h");
    RowRejectedException rejection =
        RowRejectedException.of(row, RejectReason.UNPARSEABLE_NUMBER, "#0", "expected a number");
    String json = RejectedRow.of(row, rejection).toJsonLine();

    assertThat(json).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("object").asText()).isEqualTo("file:/d/a.csv");
    assertThat(node.get("line").asLong()).isEqualTo(9);
    assertThat(node.get("reason").asText()).isEqualTo("unparseable_number");
    assertThat(node.get("message").asText())
        .isEqualTo("file:/d/a.csv line 9, field #0: expected a number");
    assertThat(node.get("text").asText()).isEqualTo(row.text);
  }

  @Test
  void hasStableUniqueSnakeCaseCodes() {
    assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"))
        .contains(
            "invalid_utf8",
            "duplicate_column",
            "wrong_dimension",
            "corrupt_object",
            "wrong_column_count",
            "unparseable_number",
            "non_finite",
            "bad_timestamp",
            "missing_timestamp",
            "missing_group",
            "missing_domain",
            "missing_label",
            "malformed_csv",
            "malformed_json",
            "bad_sparse_index",
            "unknown_domain");
    assertThat(RejectReason.fromCode("non_finite")).isEqualTo(RejectReason.NON_FINITE);
  }
}
