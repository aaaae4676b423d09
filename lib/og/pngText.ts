/**
 * Adds a text chunk to a PNG: the image's title as PNG metadata (the registered "Title" keyword,
 * in an iTXt chunk so any Unicode fits), placed right after the header chunk. Link-preview images
 * carry the title they show this way, for tools that read image metadata, and tests can tell which
 * proposal an image was drawn for without reading its pixels.
 */
import { crc32 } from "node:zlib";

const signature = Buffer.from("89504e470d0a1a0a", "hex");

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * @example const titled = withPngText(png, "Title", "Fund the grants program");
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Buffer {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  const headerEnd = 8 + 12 + bytes.readUInt32BE(8);
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, UTF-8 text.
  const data = Buffer.concat([
    Buffer.from(keyword, "latin1"),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(text.replace(/\0/g, ""), "utf8"),
  ]);
  return Buffer.concat([bytes.subarray(0, headerEnd), chunk("iTXt", data), bytes.subarray(headerEnd)]);
}

/**
 * The PNG's size and its iTXt/tEXt texts by keyword.
 *
 * @example readPng(buffer) // { width: 1200, height: 630, texts: { Title: "Fund the grants program" } }
 */
export function readPng(png: Uint8Array): { width: number; height: number; texts: Record<string, string> } {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  const texts: Record<string, string> = {};
  let width = 0;
  let height = 0;
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString("latin1");
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === "iTXt" || type === "tEXt") {
      const end = data.indexOf(0);
      const keyword = data.subarray(0, end).toString("latin1");
      if (type === "tEXt") texts[keyword] = data.subarray(end + 1).toString("latin1");
      else {
        // Skip compression flag and method, then the language tag and translated keyword.
        const language = data.indexOf(0, end + 3);
        const translated = data.indexOf(0, language + 1);
        texts[keyword] = data.subarray(translated + 1).toString("utf8");
      }
    }
    offset += 12 + length;
  }
  return { width, height, texts };
}
