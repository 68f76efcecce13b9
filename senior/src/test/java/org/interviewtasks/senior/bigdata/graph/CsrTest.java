package org.interviewtasks.senior.bigdata.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class CsrTest {

  @Test
  void offsetsCountTheEdgesLeavingEachNode() {
    int[] from = {2, 0, 2, 2};
    int[] to = {0, 1, 1, 2};
    assertThat(Csr.offsets(4, from, to)).containsExactly(0, 1, 1, 4, 4);
    assertThat(Csr.offsets(0, new int[0], new int[0])).containsExactly(0);
  }

  @Test
  void rejectsANodeCountNoArrayCanHoldBeforeAllocating() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Csr.offsets(-1, new int[0], new int[0]))
        .withMessage("nodes must be in 0..2147483638 (an array of nodes + 1 offsets): -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Csr.offsets(Integer.MAX_VALUE, new int[0], new int[0]))
        .withMessageEndingWith(": 2147483647");
  }

  @Test
  void rejectsAnEdgeOutsideTheNodes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Csr.offsets(2, new int[] {0, 2}, new int[] {1, 0}))
        .withMessage("edge 1 (2 -> 0) names a node outside 0..1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Csr.offsets(2, new int[] {0}, new int[] {-1}))
        .withMessage("edge 0 (0 -> -1) names a node outside 0..1");
    assertThatNullPointerException()
        .isThrownBy(() -> Csr.offsets(2, null, new int[0]))
        .withMessage("from");
    assertThatNullPointerException()
        .isThrownBy(() -> Csr.offsets(2, new int[0], null))
        .withMessage("to");
  }
}
