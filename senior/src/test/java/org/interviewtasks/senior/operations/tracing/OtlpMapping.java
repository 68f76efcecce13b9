package org.interviewtasks.senior.operations.tracing;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OTLP's protobuf values and the SDK's, in one comparable form. */
final class OtlpMapping {

  private OtlpMapping() {}

  /** Trace and span ids travel as raw bytes; the SDK shows them as lower-case hex. */
  static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  /** Key to value (String, Long, Double or Boolean), sorted by key. */
  static Map<String, Object> attributes(List<KeyValue> attributes) {
    Map<String, Object> map = new TreeMap<>();
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), value(kv.getValue()));
    }
    return map;
  }

  /** The same for the SDK's attributes. */
  static Map<String, Object> attributes(Attributes attributes) {
    Map<String, Object> map = new TreeMap<>();
    attributes.forEach((key, value) -> map.put(key.getKey(), value));
    return map;
  }

  private static Object value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BOOL_VALUE -> value.getBoolValue();
      default -> throw new AssertionError("unexpected attribute value " + value);
    };
  }
}
