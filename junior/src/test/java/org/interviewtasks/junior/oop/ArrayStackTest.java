package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArrayStackTest {

  @Nested
  class LastInFirstOut {

    @Test
    void popsInReverseOrderOfPushes() {
      ArrayStack<String> stack = new ArrayStack<>();
      stack.push("a");
      stack.push("b");
      stack.push("c");

      assertThat(stack.size()).isEqualTo(3);
      assertThat(stack.pop()).isEqualTo("c");
      assertThat(stack.pop()).isEqualTo("b");
      assertThat(stack.size()).isEqualTo(1);
      assertThat(stack.pop()).isEqualTo("a");
      assertThat(stack.isEmpty()).isTrue();
      assertThat(stack.size()).isZero();
    }

    @Test
    void peekLeavesTheTopInPlace() {
      ArrayStack<Integer> stack = new ArrayStack<>();
      stack.push(1);
      stack.push(2);

      assertThat(stack.peek()).isEqualTo(2);
      assertThat(stack.peek()).isEqualTo(2);
      assertThat(stack.size()).isEqualTo(2);
      assertThat(stack.isEmpty()).isFalse();
    }

    @Test
    void holdsAnyTypeIncludingUnicodeText() {
      ArrayStack<String> stack = new ArrayStack<>();
      stack.push("😀");
      stack.push("Жж");

      assertThat(stack).hasToString("[Жж, 😀]");
      assertThat(stack.pop()).isEqualTo("Жж");
    }

    @Test
    void describesItselfFromTheTopDown() {
      ArrayStack<Integer> stack = new ArrayStack<>();
      assertThat(stack).hasToString("[]");

      stack.push(1);
      assertThat(stack).hasToString("[1]");

      stack.push(2);
      stack.push(3);
      assertThat(stack).hasToString("[3, 2, 1]");
    }
  }

  @Nested
  class Empty {

    @Test
    void popAndPeekThrowAClearException() {
      ArrayStack<String> stack = new ArrayStack<>();

      assertThatThrownBy(stack::pop)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the stack is empty");
      assertThatThrownBy(stack::peek)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the stack is empty");
      assertThat(stack.size()).isZero();
    }

    @Test
    void afterPoppingEverythingTheStackIsEmptyAgain() {
      ArrayStack<String> stack = new ArrayStack<>();
      stack.push("x");
      stack.pop();

      assertThatThrownBy(stack::pop).isInstanceOf(NoSuchElementException.class);
      assertThat(stack.size()).isZero();
      stack.push("y");
      assertThat(stack.peek()).isEqualTo("y");
    }
  }

  @Nested
  class Nulls {

    @Test
    void areRejected() {
      ArrayStack<String> stack = new ArrayStack<>();

      assertThatNullPointerException().isThrownBy(() -> stack.push(null)).withMessage("element");
      assertThat(stack.isEmpty()).isTrue();
    }
  }

  @Nested
  class Growth {

    @Test
    void startsWithTheDefaultCapacityAndDoubles() {
      ArrayStack<Integer> stack = new ArrayStack<>();
      assertThat(stack.capacity()).isEqualTo(ArrayStack.DEFAULT_CAPACITY).isEqualTo(8);

      for (int i = 0; i < 8; i++) {
        stack.push(i);
      }
      assertThat(stack.capacity()).isEqualTo(8);

      stack.push(8);
      assertThat(stack.capacity()).isEqualTo(16);
      assertThat(stack.size()).isEqualTo(9);
    }

    @Test
    void growsFromZeroCapacity() {
      ArrayStack<Integer> stack = new ArrayStack<>(0);
      assertThat(stack.capacity()).isZero();

      stack.push(1);
      assertThat(stack.capacity()).isEqualTo(1);
      stack.push(2);
      assertThat(stack.capacity()).isEqualTo(2);
      stack.push(3);
      assertThat(stack.capacity()).isEqualTo(4);
      assertThat(stack.pop()).isEqualTo(3);
      assertThat(stack.pop()).isEqualTo(2);
      assertThat(stack.pop()).isEqualTo(1);
    }

    @Test
    void keepsEveryElementAcrossManyGrowths() {
      ArrayStack<Integer> stack = new ArrayStack<>(1);
      for (int i = 0; i < 10_000; i++) {
        stack.push(i);
      }

      assertThat(stack.capacity()).isEqualTo(16_384);
      for (int i = 9_999; i >= 0; i--) {
        assertThat(stack.pop()).isEqualTo(i);
      }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "0, 1",
      "1, 2",
      "8, 16",
      "1073741823, 2147483639",
      "1073741824, 2147483639",
      "2147483638, 2147483639"
    })
    void doublesUpToTheMaximum(int capacity, int grown) {
      assertThat(ArrayStack.grownCapacity(capacity)).isEqualTo(grown);
    }

    @Test
    void doublingStopsJustBelowTheMaximum() {
      int below = ArrayStack.MAX_CAPACITY / 2;

      assertThat(ArrayStack.grownCapacity(below)).isEqualTo(2 * below);
      assertThat(ArrayStack.grownCapacity(below + 1)).isEqualTo(ArrayStack.MAX_CAPACITY);
    }

    @Test
    void failsBeyondTheMaximum() {
      assertThatThrownBy(() -> ArrayStack.grownCapacity(ArrayStack.MAX_CAPACITY))
          .isInstanceOf(OutOfMemoryError.class)
          .hasMessage("a stack cannot hold more than 2147483639 elements");
    }

    @Test
    void acceptsCapacitiesUpToTheMaximum() {
      assertThat(ArrayStack.requireCapacity(0)).isZero();
      assertThat(ArrayStack.requireCapacity(ArrayStack.MAX_CAPACITY)).isEqualTo(2147483639);
      assertThat(new ArrayStack<String>(3).capacity()).isEqualTo(3);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE - 7, Integer.MAX_VALUE})
    void rejectsImpossibleCapacities(int capacity) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ArrayStack<String>(capacity))
          .withMessage("capacity must be between 0 and 2147483639: " + capacity);
    }
  }

  @Nested
  class NoLoitering {

    @Test
    void aPoppedSlotNoLongerReferencesItsElement() {
      ArrayStack<Object> stack = new ArrayStack<>();
      for (int i = 0; i < 5; i++) {
        stack.push(new Object());
      }

      stack.pop();
      stack.pop();

      assertThat(stack.occupiedSlots()).isEqualTo(3).isEqualTo(stack.size());
      while (!stack.isEmpty()) {
        stack.pop();
      }
      assertThat(stack.occupiedSlots()).isZero();
    }
  }

  /** Random pushes, pops and peeks against {@link ArrayDeque} used as a stack. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void behavesLikeArrayDeque(long seed) {
    var random = new SplittableRandom(seed);
    ArrayStack<String> stack = new ArrayStack<>(random.nextInt(4));
    ArrayDeque<String> oracle = new ArrayDeque<>();
    for (int step = 0; step < 300; step++) {
      int operation = random.nextInt(10);
      if (operation < 5) {
        String element = RandomData.text(random, 4);
        stack.push(element);
        oracle.push(element);
      } else if (oracle.isEmpty()) {
        assertThatThrownBy(operation < 8 ? stack::pop : stack::peek)
            .isInstanceOf(NoSuchElementException.class);
      } else if (operation < 8) {
        assertThat(stack.pop()).isEqualTo(oracle.pop());
      } else {
        assertThat(stack.peek()).isEqualTo(oracle.peek());
      }
      assertThat(stack.size()).isEqualTo(oracle.size());
      assertThat(stack.isEmpty()).isEqualTo(oracle.isEmpty());
      assertThat(stack.occupiedSlots()).isEqualTo(oracle.size());
    }
    assertThat(stack).hasToString(oracle.toString());
  }

  @Nested
  class Main {

    @Test
    void printsItsArgumentsReversed() throws Exception {
      var printed = StdStreams.capture(() -> ArrayStack.main("a", "b", "😀"));

      assertThat(printed.out().lines()).containsExactly("😀", "b", "a");
    }

    @Test
    void printsNothingForNoArguments() throws Exception {
      assertThat(StdStreams.capture(ArrayStack::main).out()).isEmpty();
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
