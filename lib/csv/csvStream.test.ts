import { describe, expect, it } from "vitest";
import { csvHeaders, csvStream } from "./csvStream";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("csvStream", () => {
  it("streams a header and 100,000 rows read in pages, each exactly once and in order", async () => {
    const total = 100_000;
    const pageSize = 1000;
    const offsets: number[] = [];
    const stream = csvStream(
      ["index", "note"],
      async (offset) => {
        offsets.push(offset);
        const items = Array.from({ length: Math.min(pageSize, total - offset) }, (_, i) => offset + i);
        return { items, done: offset + items.length >= total };
      },
      (index) => [index, index % 2 === 0 ? "=even" : "odd, quoted"],
    );
    const text = await readAll(stream);
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(total + 2);
    expect(lines[0]).toBe("index,note");
    expect(lines[1]).toBe("0,'=even");
    expect(lines[2]).toBe('1,"odd, quoted"');
    expect(lines[total]).toBe(`${total - 1},"odd, quoted"`);
    expect(offsets).toHaveLength(total / pageSize);
    expect(offsets[1]).toBe(pageSize);
  });

  it("stops at maxRows and on an empty page", async () => {
    const text = await readAll(
      csvStream(
        ["n"],
        async (offset) => ({ items: offset < 30 ? [offset, offset + 1] : [], done: false }),
        (n) => [n],
        {
          maxRows: 5,
        },
      ),
    );
    expect(text).toBe("n\r\n0\r\n1\r\n2\r\n3\r\n4\r\n");
  });

  it("fails the download when a page cannot be read", async () => {
    const stream = csvStream(
      ["n"],
      async () => Promise.reject(new Error("indexer down")),
      (n: number) => [n],
    );
    await expect(readAll(stream)).rejects.toThrow("indexer down");
  });
});

describe("csvHeaders", () => {
  it("names a safe file and says it is CSV", () => {
    const headers = csvHeaders('vo"tes\r\n.csv');
    expect(headers["content-disposition"]).toBe('attachment; filename="vo_tes__.csv"');
    expect(headers["content-type"]).toBe("text/csv; charset=utf-8");
  });
});
