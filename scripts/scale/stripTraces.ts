/**
 * Anvil's state dump keeps every transaction's call traces (the calldata of every inner call, with
 * its logs again): three quarters of the large DAO's dump, which nothing here reads (the indexer
 * reads receipts and logs; debug_trace* is never called on it). This removes them while streaming,
 * so a dump of gigabytes never has to fit in one string: `"traces":[…]` becomes `"traces":[]`.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

const key = Buffer.from('"traces":');
const quote = 0x22;
const backslash = 0x5c;

/**
 * A byte-level JSON filter that empties the value of every `"traces"` key (an array or object),
 * wherever chunk boundaries fall.
 *
 * @example
 * const strip = new TraceStripper();
 * Buffer.concat([strip.push(Buffer.from('{"traces":[{"a":"]"}],"b":1}'))]).toString() // '{"traces":[],"b":1}'
 */
export class TraceStripper {
  private inString = false;
  private escaped = false;
  /** How many bytes of `key` matched so far (outside strings). */
  private matched = 0;
  /** Depth inside a skipped value; 0 when not skipping. */
  private depth = 0;
  private skippingString = false;
  private skippingEscaped = false;
  private awaitingValue = false;

  push(chunk: Buffer): Buffer {
    const out = Buffer.allocUnsafe(chunk.length + key.length + 2);
    let length = 0;
    for (const byte of chunk) {
      if (this.depth > 0) {
        if (this.skippingString) {
          if (this.skippingEscaped) this.skippingEscaped = false;
          else if (byte === backslash) this.skippingEscaped = true;
          else if (byte === quote) this.skippingString = false;
        } else if (byte === quote) this.skippingString = true;
        else if (byte === 0x5b || byte === 0x7b) this.depth++;
        else if (byte === 0x5d || byte === 0x7d) {
          this.depth--;
          if (this.depth === 0) {
            out[length++] = 0x5b;
            out[length++] = 0x5d;
          }
        }
        continue;
      }
      if (this.awaitingValue) {
        if (byte === 0x5b || byte === 0x7b) {
          this.awaitingValue = false;
          this.depth = 1;
          continue;
        }
        if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
        // Not an array or object (null): keep it as it is.
        this.awaitingValue = false;
      }
      out[length++] = byte;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === backslash) this.escaped = true;
        else if (byte === quote) this.inString = false;
        // A key starts with a quote, so the quote that opens it is matched below too.
        if (this.matched > 0 && byte === key[this.matched]) this.matched++;
        else this.matched = 0;
        continue;
      }
      if (byte === quote) {
        this.inString = true;
        this.matched = 1;
        continue;
      }
      if (this.matched > 0 && byte === key[this.matched]) {
        this.matched++;
        if (this.matched === key.length) {
          this.matched = 0;
          this.awaitingValue = true;
        }
      } else this.matched = 0;
    }
    return out.subarray(0, length);
  }
}

/**
 * Copies the dump at `from` to `to` without call traces.
 *
 * @example
 * await stripTracesFromDump("state.raw.json", "state.json");
 */
export async function stripTracesFromDump(from: string, to: string): Promise<void> {
  const stripper = new TraceStripper();
  await pipeline(
    createReadStream(from, { highWaterMark: 4 * 1024 * 1024 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, stripper.push(chunk));
      },
    }),
    createWriteStream(to),
  );
}
