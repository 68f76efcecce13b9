package org.interviewtasks.senior.operations.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A parser of the Prometheus text exposition format 0.0.4, strict enough to fail on what Prometheus
 * would refuse: {@code # TYPE} lines, samples {@code name{label="value",...} value [timestamp]}
 * with escaped label values ({@code \\}, {@code \"}, {@code \n}), {@code +Inf}, {@code -Inf} and
 * {@code NaN}. {@code # HELP} and other comments are skipped.
 */
final class PrometheusText {

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {
    String label(String key) {
      return labels.get(key);
    }
  }

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = List.copyOf(samples);
    this.types = Map.copyOf(types);
  }

  /**
   * Parses a scrape.
   *
   * @throws IllegalArgumentException naming the line that is malformed
   */
  static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("# TYPE ")) {
          String[] parts = line.substring(7).split(" ", -1);
          if (parts.length != 2 || !validName(parts[0])) {
            throw new IllegalArgumentException("malformed TYPE");
          }
          if (types.put(parts[0], parts[1]) != null) {
            throw new IllegalArgumentException("second TYPE for " + parts[0]);
          }
        } else if (!line.startsWith("#")) {
          samples.add(sample(line));
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "line " + number + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return new PrometheusText(samples, types);
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!validName(name)) {
      throw new IllegalArgumentException("bad metric name '" + name + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq);
        if (!key.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
          throw new IllegalArgumentException("bad label name '" + key + "'");
        }
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label value not quoted");
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(
                switch (next) {
                  case '\\' -> '\\';
                  case '"' -> '"';
                  case 'n' -> '\n';
                  default -> throw new IllegalArgumentException("bad escape \\" + next);
                });
          } else {
            value.append(c);
          }
        }
        if (labels.put(key, value.toString()) != null) {
          throw new IllegalArgumentException("label " + key + " twice");
        }
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        } else if (line.charAt(i) != '}') {
          throw new IllegalArgumentException("expected , or } at " + i);
        }
      }
      i++;
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("no value");
    }
    String[] rest = line.substring(i + 1).split(" ", -1);
    if (rest.length > 2) {
      throw new IllegalArgumentException("trailing text");
    }
    if (rest.length == 2) {
      Long.parseLong(rest[1]); // a timestamp in milliseconds
    }
    return new Sample(name, Map.copyOf(labels), value(rest[0]));
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  private static boolean validName(String name) {
    return name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
  }

  /** Every sample. */
  List<Sample> samples() {
    return samples;
  }

  /** The samples of metric {@code name} (a full sample name, e.g. {@code x_bucket}). */
  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The {@code le} label of a histogram bucket. */
  static String bound(Sample bucket) {
    return Objects.requireNonNull(bucket.label("le"), "a bucket has an le label");
  }

  /** The {@code # TYPE} of a metric family, or null. */
  String type(String family) {
    return types.get(family);
  }

  /** The sum of the values of {@code name}'s samples whose labels match {@code labels}. */
  double sum(String name, Map<String, String> labels) {
    return sum(name, s -> labels.entrySet().stream().allMatch(e -> matches(s, e)));
  }

  /** The sum of the values of {@code name}'s samples that pass {@code filter}. */
  double sum(String name, Predicate<Sample> filter) {
    return samples(name).stream().filter(filter).mapToDouble(Sample::value).sum();
  }

  private static boolean matches(Sample s, Map.Entry<String, String> e) {
    return Objects.equals(s.labels().get(e.getKey()), e.getValue());
  }
}
