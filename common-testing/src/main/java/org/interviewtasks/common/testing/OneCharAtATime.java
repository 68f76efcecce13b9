package org.interviewtasks.common.testing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * A reader that hands out at most one char per read, so that every boundary between two chars is a
 * buffer boundary: code that reads in chunks must give the same answer through it as through one
 * big read.
 */
public final class OneCharAtATime extends FilterReader {

  /** Reads {@code in} one char at a time. */
  public OneCharAtATime(Reader in) {
    super(in);
  }

  /** Reads {@code text} one char at a time. */
  public OneCharAtATime(String text) {
    this(new StringReader(text));
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    return super.read(buffer, offset, Math.min(1, length));
  }
}
