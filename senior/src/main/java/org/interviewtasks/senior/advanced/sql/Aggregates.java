package org.interviewtasks.senior.advanced.sql;

import java.util.HashSet;
import java.util.Set;
import org.interviewtasks.senior.advanced.sql.Ast.AggregateFn;

/** Aggregate calls and the per-group accumulators that compute them. */
final class Aggregates {

  private Aggregates() {}

  /**
   * One aggregate of a query; {@code argument} is null for {@code COUNT(*)}. Equal calls ({@code
   * COUNT(*)} in the select list and in {@code HAVING}) are computed once.
   */
  record Call(AggregateFn fn, Bound argument, boolean distinct) {

    /** The type of the result: COUNT INTEGER, AVG DOUBLE, SUM/MIN/MAX the argument's. */
    SqlType type() {
      return switch (fn) {
        case COUNT -> SqlType.INTEGER;
        case AVG -> SqlType.DOUBLE;
        case SUM -> argument.type() == SqlType.NULL ? SqlType.INTEGER : argument.type();
        case MIN, MAX -> argument.type();
      };
    }

    String sql() {
      return fn
          + "("
          + (distinct ? "DISTINCT " : "")
          + (argument == null ? "*" : argument.sql())
          + ")";
    }

    /** A fresh accumulator for one group. */
    Accumulator accumulator() {
      Accumulator plain =
          switch (fn) {
            case COUNT -> argument == null ? new CountStar() : new Count();
            case SUM -> type() == SqlType.DOUBLE ? new SumDouble() : new SumLong(sql());
            case AVG -> argument.type() == SqlType.DOUBLE ? new AvgDouble() : new AvgLong(sql());
            case MIN -> new Extreme(-1);
            case MAX -> new Extreme(1);
          };
      return distinct ? new Distinct(plain) : plain;
    }
  }

  /** Folds the values of one group; {@code add} gets the argument's value (null for NULL). */
  sealed interface Accumulator {
    void add(Object value);

    Object result();
  }

  private static final class CountStar implements Accumulator {
    private long count;

    @Override
    public void add(Object value) {
      count++;
    }

    @Override
    public Object result() {
      return count;
    }
  }

  private static final class Count implements Accumulator {
    private long count;

    @Override
    public void add(Object value) {
      if (value != null) {
        count++;
      }
    }

    @Override
    public Object result() {
      return count;
    }
  }

  private static final class SumLong implements Accumulator {
    private final String sql;
    private long sum;
    private boolean any;

    SumLong(String sql) {
      this.sql = sql;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        try {
          sum = Math.addExact(sum, (Long) value);
        } catch (ArithmeticException e) {
          throw Values.overflow(sql);
        }
        any = true;
      }
    }

    @Override
    public Object result() {
      return any ? sum : null;
    }
  }

  private static final class SumDouble implements Accumulator {
    private double sum;
    private boolean any;

    @Override
    public void add(Object value) {
      if (value != null) {
        sum += (Double) value;
        any = true;
      }
    }

    @Override
    public Object result() {
      return any ? (Object) (sum == 0.0 ? 0.0 : sum) : null;
    }
  }

  /** AVG of integers: the exact sum, divided once at the end. */
  private static final class AvgLong implements Accumulator {
    private final String sql;
    private long sum;
    private long count;

    AvgLong(String sql) {
      this.sql = sql;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        try {
          sum = Math.addExact(sum, (Long) value);
        } catch (ArithmeticException e) {
          throw Values.overflow(sql);
        }
        count++;
      }
    }

    @Override
    public Object result() {
      return count == 0 ? null : (Object) ((double) sum / count);
    }
  }

  private static final class AvgDouble implements Accumulator {
    private double sum;
    private long count;

    @Override
    public void add(Object value) {
      if (value != null) {
        sum += (Double) value;
        count++;
      }
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      double avg = sum / count;
      return avg == 0.0 ? 0.0 : avg;
    }
  }

  /** MIN (sign -1) or MAX (sign 1). */
  private static final class Extreme implements Accumulator {
    private final int sign;
    private Object best;

    Extreme(int sign) {
      this.sign = sign;
    }

    @Override
    public void add(Object value) {
      if (value != null && (best == null || Values.compare(value, best) * sign > 0)) {
        best = value;
      }
    }

    @Override
    public Object result() {
      return best;
    }
  }

  /** Passes each distinct non-null value once. */
  private static final class Distinct implements Accumulator {
    private final Accumulator inner;
    private final Set<Object> seen = new HashSet<>();

    Distinct(Accumulator inner) {
      this.inner = inner;
    }

    @Override
    public void add(Object value) {
      if (value != null && seen.add(value)) {
        inner.add(value);
      }
    }

    @Override
    public Object result() {
      return inner.result();
    }
  }
}
