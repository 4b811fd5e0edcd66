package id.saksi.api.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work that must commit or roll back together with the statements of one append: it runs in the
 * append's transaction, on its connection, after every statement was decided and appended and
 * before the commit. It runs only if every statement of the call was newly appended; throwing rolls
 * the whole transaction back, statements included.
 */
@FunctionalInterface
public interface TransactionStep {
  /**
   * Does the work.
   *
   * @param connection the append's connection, inside its transaction
   * @param indexes the entries the statements were appended at, in order
   */
  void run(Connection connection, List<Long> indexes) throws SQLException;
}
