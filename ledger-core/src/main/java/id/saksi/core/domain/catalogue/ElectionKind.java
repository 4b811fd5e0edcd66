package id.saksi.core.domain.catalogue;

/** The two kinds of election whose laws set different deadlines. */
public enum ElectionKind {
  /** General election (Pemilu): UU 7/2017. */
  PEMILU,
  /** Regional head election (Pilkada): Perpu 1/2014 as enacted and amended. */
  PILKADA
}
