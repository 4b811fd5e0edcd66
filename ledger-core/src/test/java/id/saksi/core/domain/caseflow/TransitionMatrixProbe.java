package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.testing.TestLedger;
import tools.jackson.databind.node.ObjectNode;

/** Sample bodies of every case type, shared by the matrix and the property test. */
final class TransitionMatrixProbe {
  private TransitionMatrixProbe() {}

  static ObjectNode sample(TestLedger t, String type) {
    return TransitionMatrixTest.sample(t, type);
  }
}
