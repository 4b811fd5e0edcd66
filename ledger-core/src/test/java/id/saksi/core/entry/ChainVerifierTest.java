package id.saksi.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
  private static List<Entry> chain(int n) throws Exception {
    List<Entry> out = new ArrayList<>();
    Hash prev = Hash.ZERO;
    for (int i = 0; i < n; i++) {
      Entry e =
          Entry.create(
              i,
              prev,
              Instant.EPOCH.plusSeconds(i),
              EntryTest.statement(),
              List.of(EntryTest.sig(EntryTest.KEY, i)));
      out.add(e);
      prev = e.leafHash();
    }
    return out;
  }

  @Test
  void append_validChain_passes() throws Exception {
    ChainVerifier v = ChainVerifier.fromGenesis();
    for (Entry e : chain(10)) {
      v.append(e);
    }
    assertThat(v.size()).isEqualTo(10);
  }

  @Test
  void append_droppedEntry_reportsIndexGap() throws Exception {
    List<Entry> c = chain(5);
    ChainVerifier v = ChainVerifier.fromGenesis();
    v.append(c.get(0));
    v.append(c.get(1));
    assertThatThrownBy(() -> v.append(c.get(3)))
        .isInstanceOfSatisfying(
            IndexGapException.class,
            e -> {
              assertThat(e.index()).isEqualTo(2);
              assertThat(e.expected()).isEqualTo(2);
              assertThat(e.actual()).isEqualTo(3);
            })
        .hasMessage("entry 2 expected next, found index 3 (1 missing)");
  }

  @Test
  void append_entryRebuiltWithOtherPrev_reportsBrokenLinkWithBothHashes() throws Exception {
    List<Entry> c = chain(3);
    Entry forged =
        Entry.create(
            2,
            c.get(0).leafHash(),
            c.get(2).recordedAt(),
            c.get(2).statement(),
            c.get(2).signatures());
    ChainVerifier v = ChainVerifier.fromGenesis();
    v.append(c.get(0));
    v.append(c.get(1));
    assertThatThrownBy(() -> v.append(forged))
        .isInstanceOfSatisfying(
            BrokenLinkException.class,
            e -> {
              assertThat(e.index()).isEqualTo(2);
              assertThat(e.expected()).isEqualTo(c.get(1).leafHash());
              assertThat(e.actual()).isEqualTo(c.get(0).leafHash());
            })
        .hasMessage(
            "entry 2: prev is "
                + c.get(0).leafHash()
                + " but the leaf hash of entry 1 is "
                + c.get(1).leafHash());
  }

  @Test
  void append_genesisWithNonZeroPrev_isBroken() throws Exception {
    Entry e =
        Entry.create(
            0,
            chain(1).get(0).leafHash(),
            Instant.EPOCH,
            EntryTest.statement(),
            List.of(EntryTest.sig(EntryTest.KEY, 0)));
    assertThatThrownBy(() -> ChainVerifier.fromGenesis().append(e))
        .isInstanceOf(BrokenLinkException.class)
        .hasMessageEndingWith("(entry 0 must follow 32 zero bytes)");
  }

  @Test
  void append_swappedEntries_reportsFirstOutOfOrder() throws Exception {
    List<Entry> c = chain(4);
    ChainVerifier v = ChainVerifier.fromGenesis();
    v.append(c.get(0));
    v.append(c.get(1));
    assertThatThrownBy(() -> v.append(c.get(3))).isInstanceOf(IndexGapException.class);
  }

  @Test
  void append_repeatedEntry_isReordered() throws Exception {
    List<Entry> c = chain(2);
    ChainVerifier v = ChainVerifier.fromGenesis();
    v.append(c.get(0));
    v.append(c.get(1));
    assertThatThrownBy(() -> v.append(c.get(1)))
        .isInstanceOf(IndexGapException.class)
        .hasMessage("entry 2 expected next, found index 1 (a repeated or reordered entry)");
  }

  @Test
  void resumeAfter_continuesFromAKnownEntry() throws Exception {
    List<Entry> c = chain(4);
    ChainVerifier v = ChainVerifier.resumeAfter(1, c.get(1).leafHash());
    v.append(c.get(2));
    v.append(c.get(3));
    assertThat(v.lastLeafHash()).isEqualTo(c.get(3).leafHash());
  }
}
