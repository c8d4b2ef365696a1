// Phoneme ids of the StyleTalk clips' *.phonemes30fps.json (phindex.json of FuxiVirtualHuman/styletalk,
// ARPAbet in alphabetical order): the classes the lip benches need.
export const SIL_ID = 31;
/** B, M, P: the lips must meet */
export const BILABIAL_IDS = new Set([6, 21, 27]);
/** AA AE AH AO AW AY: the mouth must open */
export const OPEN_VOWEL_IDS = new Set([0, 1, 2, 3, 4, 5]);
/** the other vowels: EH ER EY IH IY OW OY UH UW */
export const OTHER_VOWEL_IDS = new Set([10, 11, 12, 16, 17, 25, 26, 34, 35]);

/** A crude openness per frame: open vowels 1, other vowels 0.6, consonants 0.3, bilabials and silence 0. */
export function phonemeOpenness(ph: readonly number[]): number[] {
  return ph.map((p) => (OPEN_VOWEL_IDS.has(p) ? 1 : OTHER_VOWEL_IDS.has(p) ? 0.6 : BILABIAL_IDS.has(p) || p === SIL_ID ? 0 : 0.3));
}
