package id.saksi.api.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.ledger.AppendedEntry;
import id.saksi.api.support.Bodies;
import id.saksi.api.support.Submissions;
import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Group commit without a database: grouping, answers, and a failed group replayed one by one. */
class GroupCommitterTest {

  static SignedStatement statement() {
    Submissions.Signed s = Bodies.newCircular();
    return SubmissionParser.check(s.statement(), s.signatures(), s.disclosures());
  }

  /** A fake writer: appends at 0, 1, ...; fails any call that includes a poisoned statement. */
  static final class FakeWriter implements Function<List<SignedStatement>, List<WriteResult>> {
    final List<Integer> callSizes = Collections.synchronizedList(new ArrayList<>());
    final List<SignedStatement> poisoned = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch release = new CountDownLatch(1);
    // Counted down when the writer thread has taken a group and is about to wait on release.
    final CountDownLatch entered = new CountDownLatch(1);
    long next;

    @Override
    public synchronized List<WriteResult> apply(List<SignedStatement> statements) {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      callSizes.add(statements.size());
      for (SignedStatement s : statements) {
        if (poisoned.contains(s)) {
          throw new WriteFailedException("injected", null, false);
        }
      }
      List<WriteResult> out = new ArrayList<>();
      for (SignedStatement s : statements) {
        out.add(
            new WriteResult.Appended(
                new AppendedEntry(next++, Hash.ZERO, Hash.ZERO, Instant.EPOCH, "e"), false));
      }
      return out;
    }
  }

  @Test
  void statementsQueuedWhileAGroupCommits_goTogetherInTheNext() throws Exception {
    FakeWriter writer = new FakeWriter();
    try (GroupCommitter committer = new GroupCommitter(writer, 256, 100)) {
      List<CompletableFuture<WriteResult>> answers = new ArrayList<>();
      answers.add(committer.submit(statement()).orElseThrow());
      // the writer thread takes the first and waits on the latch
      assertThat(writer.entered.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 5; i++) {
        answers.add(committer.submit(statement()).orElseThrow());
      }
      writer.release.countDown();
      for (CompletableFuture<WriteResult> a : answers) {
        assertThat(a.get(10, TimeUnit.SECONDS)).isInstanceOf(WriteResult.Appended.class);
      }
      assertThat(writer.callSizes).containsExactly(1, 5);
    }
  }

  @Test
  void aGroupThatFailsAsAWhole_isReplayedOneByOne() throws Exception {
    FakeWriter writer = new FakeWriter();
    SignedStatement poison = statement();
    writer.poisoned.add(poison);
    try (GroupCommitter committer = new GroupCommitter(writer, 256, 100)) {
      CompletableFuture<WriteResult> first = committer.submit(statement()).orElseThrow();
      assertThat(writer.entered.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<WriteResult> a = committer.submit(statement()).orElseThrow();
      CompletableFuture<WriteResult> bad = committer.submit(poison).orElseThrow();
      CompletableFuture<WriteResult> b = committer.submit(statement()).orElseThrow();
      writer.release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(WriteResult.Appended.class);
      assertThat(a.get(10, TimeUnit.SECONDS)).isInstanceOf(WriteResult.Appended.class);
      assertThat(b.get(10, TimeUnit.SECONDS)).isInstanceOf(WriteResult.Appended.class);
      assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WriteFailedException.class);
      assertThat(writer.callSizes).containsExactly(1, 3, 1, 1, 1);
    }
  }

  @Test
  void fullQueue_isRefusedAtOnce() throws Exception {
    FakeWriter writer = new FakeWriter();
    try (GroupCommitter committer = new GroupCommitter(writer, 256, 1)) {
      committer.submit(statement()).orElseThrow();
      // Once the writer holds the first, the queue's one place takes the second; the third has
      // nowhere to go.
      assertThat(writer.entered.await(10, TimeUnit.SECONDS)).isTrue();
      committer.submit(statement()).orElseThrow();
      assertThat(committer.submit(statement())).isEmpty();
      writer.release.countDown();
    }
  }
}
