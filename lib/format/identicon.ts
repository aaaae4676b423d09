/**
 * A deterministic picture for an address, in the manner of the "blockies" Ethereum wallets and
 * explorers show: an 8×8 grid, mirrored left to right, in a background, a main and a spot colour,
 * all drawn from a small pseudo-random generator seeded with the lowercase address. The same
 * address always gives the same picture, on the server and in the browser (no hashing library,
 * no canvas), so it renders in server HTML and costs the wallet button nothing.
 *
 * The result is plain data (colours as `hsl(…)` strings made only of numbers, cells as 0/1/2);
 * `components/address/Identicon` draws it as SVG rectangles.
 */

export type IdenticonData = {
  /** Side of the grid in cells. */
  size: number;
  background: string;
  color: string;
  spot: string;
  /** size × size cells, row by row: 0 background, 1 color, 2 spot. */
  cells: number[];
};

/** A xorshift generator seeded from a string (four 32-bit words). */
function generator(seed: string): () => number {
  const state = [0, 0, 0, 0];
  for (let i = 0; i < seed.length; i += 1) {
    const word = state[i % 4] as number;
    state[i % 4] = ((word << 5) - word + seed.charCodeAt(i)) | 0;
  }
  return () => {
    const [x = 0, y = 0, z = 0, w = 0] = state;
    const t = x ^ (x << 11);
    const next = w ^ (w >> 19) ^ t ^ (t >> 8);
    state[0] = y;
    state[1] = z;
    state[2] = w;
    state[3] = next;
    // Arithmetic shifts keep the sign, so `next` never has its top bit set: 31 bits of randomness.
    return (next >>> 0) / 2 ** 31;
  };
}

function colorFrom(random: () => number): string {
  const hue = Math.floor(random() * 360);
  const saturation = Math.round(random() * 60 + 40);
  // The sum of four draws: lightness clusters around the middle, rarely black or white.
  const lightness = Math.round((random() + random() + random() + random()) * 25);
  return `hsl(${hue} ${saturation}% ${lightness}%)`;
}

/**
 * @example
 * identicon("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266").cells.length // 64
 * identicon(a).color === identicon(a.toLowerCase()).color // true: the case of the address does not matter
 */
export function identicon(address: string, size = 8): IdenticonData {
  const random = generator(address.toLowerCase());
  const color = colorFrom(random);
  const background = colorFrom(random);
  const spot = colorFrom(random);
  const half = Math.ceil(size / 2);
  const cells: number[] = [];
  for (let row = 0; row < size; row += 1) {
    // Background and main colour about 43% each, the spot colour about 13%.
    const left = Array.from({ length: half }, () => Math.floor(random() * 2.3));
    const right = left.slice(0, size - half).reverse();
    cells.push(...left, ...right);
  }
  return { size, background, color, spot, cells };
}
