import { describe, expect, it } from "vitest";
import { TraceStripper } from "./stripTraces";

/** Feeds `json` to a fresh stripper in chunks of `size` bytes. */
function strip(json: string, size: number): string {
  const stripper = new TraceStripper();
  const bytes = Buffer.from(json);
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    parts.push(stripper.push(bytes.subarray(offset, offset + size)));
  return Buffer.concat(parts).toString();
}

describe("TraceStripper", () => {
  const dump = JSON.stringify({
    transactions: [
      {
        info: { traces: [{ trace: { data: '0x"]}', children: [1] } }, { x: "[{" }], nonce: 3 },
        receipt: { logs: [{ data: "0x" }] },
      },
      { info: { traces: null, note: 'a "traces": [1] in a string' } },
    ],
  });

  it("empties every traces value and keeps everything else, whatever the chunk size", () => {
    const expected = JSON.stringify({
      transactions: [
        { info: { traces: [], nonce: 3 }, receipt: { logs: [{ data: "0x" }] } },
        { info: { traces: null, note: 'a "traces": [1] in a string' } },
      ],
    });
    for (const size of [1, 2, 3, 7, 64, dump.length]) expect(strip(dump, size)).toBe(expected);
  });
});
