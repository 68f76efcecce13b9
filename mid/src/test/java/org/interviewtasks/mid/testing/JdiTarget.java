package org.interviewtasks.mid.testing;

/**
 * The program {@link JdiInspectorTest} debugs in a second JVM. Lines are found by their {@code //
 * marker} comments, so editing this file does not break the test.
 */
public final class JdiTarget {

  private JdiTarget() {}

  static int sumOfSquares(int[] numbers) {
    int sum = 0; // marker:sum-start
    for (int i = 0; i < numbers.length; i++) {
      int square = numbers[i] * numbers[i]; // marker:square
      sum += square; // marker:add
    }
    return sum; // marker:return
  }

  /** Prints the sum of the squares of its arguments. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 1 && args[0].equals("block")) {
      System.in.read(); // blocks: nobody writes to the debuggee's stdin
    }
    String greeting = "debug me"; // marker:main-start
    int[] numbers = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      numbers[i] = Integer.parseInt(args[i]);
    }
    int result = sumOfSquares(numbers); // marker:call
    System.out.println(greeting + ": " + result); // marker:print
  }
}
