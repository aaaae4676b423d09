import { describe, expect, it } from "vitest";
import { identicon } from "./identicon";

const deployer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

describe("identicon", () => {
  it("is the same picture for an address every time, whatever its case", () => {
    const picture = identicon(deployer);
    // Pinned: a change here changes every address's picture people have come to recognise.
    expect({ ...picture, cells: picture.cells.join("") }).toEqual({
      size: 8,
      background: "hsl(145 95% 58%)",
      color: "hsl(51 82% 39%)",
      spot: "hsl(24 91% 70%)",
      cells: "0110011011111111011221101110011112111121011111101010010110111101",
    });
    expect(identicon(deployer.toLowerCase())).toEqual(picture);
    expect(identicon(deployer.toUpperCase().replace("0X", "0x"))).toEqual(picture);
  });

  it("is mirrored left to right and differs between addresses", () => {
    const { size, cells } = identicon("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    for (let row = 0; row < size; row += 1) {
      const line = cells.slice(row * size, (row + 1) * size);
      expect(line).toEqual([...line].reverse());
    }
    expect(identicon("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).not.toEqual(identicon(deployer));
  });

  it("uses colours made of numbers only (safe to put in an attribute)", () => {
    const { background, color, spot } = identicon("0x0000000000000000000000000000000000000000");
    for (const value of [background, color, spot]) expect(value).toMatch(/^hsl\(\d{1,3} \d{1,3}% \d{1,3}%\)$/);
  });
});
