package org.interviewtasks.senior.advanced.microservices;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

/** Scalar protobuf field values to and from the text of a path segment or a query parameter. */
final class FieldValues {

  private FieldValues() {}

  /** The field of this name (proto or JSON spelling), or null. */
  static FieldDescriptor field(Descriptor message, String name) {
    FieldDescriptor field = message.findFieldByName(name);
    if (field != null) {
      return field;
    }
    for (FieldDescriptor candidate : message.getFields()) {
      if (candidate.getJsonName().equals(name)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Parses text into a value of the field's type.
   *
   * @throws ServiceException {@code INVALID_ARGUMENT} if the text is not such a value
   */
  static Object parse(FieldDescriptor field, String text) {
    try {
      return switch (field.getJavaType()) {
        case STRING -> text;
        case INT -> Integer.parseInt(text);
        case LONG -> Long.parseLong(text);
        case BOOLEAN ->
            switch (text) {
              case "true" -> true;
              case "false" -> false;
              default -> throw new NumberFormatException(text);
            };
        default -> throw new IllegalArgumentException("not a scalar field: " + field.getFullName());
      };
    } catch (NumberFormatException e) {
      throw ServiceException.invalidArgument(
          field.getJsonName()
              + " must be a "
              + field.getJavaType().name().toLowerCase(java.util.Locale.ROOT)
              + ": '"
              + text
              + "'");
    }
  }

  /** The text of a scalar value, as {@link #parse} reads it. */
  static String format(Object value) {
    return String.valueOf(value);
  }
}
