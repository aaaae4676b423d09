/**
 * mulberry32: a small seeded generator, so a harness that draws from it does the same thing on
 * every run (the same requests refused, the same history built).
 *
 * @example const random = seededRandom(6); random() // 0 ≤ x < 1, the same sequence for seed 6
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
