package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How a key or value type travels through the shuffle: written to spill and map-output files, read
 * back by the merge and the reducers (Hadoop's {@code Writable}, Spark's serializer).
 *
 * @param <T> the type
 */
public interface Codec<T> {

  /** Writes a value. */
  void write(DataOutput out, T value) throws IOException;

  /** Reads a value written by {@link #write}. */
  T read(DataInput in) throws IOException;

  /**
   * About how many bytes of heap a buffered value takes: the shuffle spills to disk when the sum
   * over its buffered records passes its memory budget.
   */
  long heapSize(T value);

  /** Strings, as modified UTF-8 up to 65,535 bytes, longer ones in chunks: any length works. */
  Codec<String> STRING =
      new Codec<>() {
        private static final int CHUNK = 16_384; // chars: at most 3 bytes each in modified UTF-8

        @Override
        public void write(DataOutput out, String value) throws IOException {
          out.writeInt(value.length());
          for (int start = 0; start < value.length(); start += CHUNK) {
            out.writeUTF(value.substring(start, Math.min(value.length(), start + CHUNK)));
          }
        }

        @Override
        public String read(DataInput in) throws IOException {
          int length = in.readInt();
          if (length <= CHUNK) {
            return length == 0 ? "" : in.readUTF();
          }
          StringBuilder text = new StringBuilder(length);
          while (text.length() < length) {
            text.append(in.readUTF());
          }
          return text.toString();
        }

        @Override
        public long heapSize(String value) {
          return 56L + value.length(); // String + its byte[] (Latin-1), about
        }
      };

  /** Longs, 8 bytes each. */
  Codec<Long> LONG =
      new Codec<>() {
        @Override
        public void write(DataOutput out, Long value) throws IOException {
          out.writeLong(value);
        }

        @Override
        public Long read(DataInput in) throws IOException {
          return in.readLong();
        }

        @Override
        public long heapSize(Long value) {
          return 16;
        }
      };
}
