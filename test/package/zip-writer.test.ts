/**
 * The zip writer's streamed parts: pieces deflated elsewhere (the command line's zlib on the
 * thread pool) come back in any order and must still be written in the order they were made;
 * a producer that reuses its buffer after a push must not change what was written; a piece
 * that fails to deflate fails the part, with nothing left unhandled.
 */
import { inflateRawSync } from "zlib";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { type Codec, FFLATE_CODEC, ZipWriter, entryBytes, readZip } from "../../src/package/zip";

const utf8 = new TextDecoder();

/** A few megabytes of sheet-like XML, different on every row so pieces differ. */
function rowsXml(rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Nama ${(r * 7919) % 10007}</t></is></c></row>`,
    );
  return out.join("");
}

async function writeOne(codec: Codec, produce: (push: (d: string | Uint8Array) => Promise<void>) => Promise<void>) {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((c) => void chunks.push(c.slice()), codec);
  await writer.stream("xl/worksheets/sheet1.xml", produce);
  await writer.finish();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.length));
  const zip = readZip(bytes, codec);
  // entryBytes checks the stored size and CRC-32 against what inflates.
  return utf8.decode(entryBytes(zip, zip.entries[0]!));
}

/** Pushes the text in uneven slices, as strings and as bytes. */
function unevenly(text: string): (push: (d: string | Uint8Array) => Promise<void>) => Promise<void> {
  return async (push) => {
    const sizes = [1, 70_000, 3, 1_500_000, 64 * 1024, 999_999];
    let at = 0;
    for (let i = 0; at < text.length; i++) {
      const slice = text.slice(at, at + (sizes[i % sizes.length] as number));
      await push(i % 2 === 0 ? slice : new TextEncoder().encode(slice));
      at += slice.length;
    }
  };
}

describe("streamed parts", () => {
  const text = rowsXml(60_000); // ~5 MB: five or more pieces

  test("Node's zlib on the thread pool: the part inflates to exactly what was pushed", async () => {
    expect(text.length).toBeGreaterThan(4 << 20);
    expect(await writeOne(NODE_CODEC, unevenly(text))).toBe(text);
  });

  test("pieces finished out of order are still written in the order they were made", async () => {
    let made = 0;
    const finishedOrder: number[] = [];
    const slowFirst: Codec = {
      ...NODE_CODEC,
      // Earlier pieces take longer, so later ones finish first.
      deflatePiece: (data, final) => {
        const n = made++;
        const out = NODE_CODEC.deflater()(data.slice(), final);
        return new Promise((resolve) =>
          setTimeout(
            () => {
              finishedOrder.push(n);
              resolve(out.length === 1 ? (out[0] as Uint8Array) : Buffer.concat(out));
            },
            final ? 0 : 40 - 10 * (n % 4),
          ),
        );
      },
    };
    expect(await writeOne(slowFirst, unevenly(text))).toBe(text);
    expect(made).toBeGreaterThan(4);
    // The test would prove nothing if the pieces had happened to finish in order.
    expect(finishedOrder).not.toEqual([...finishedOrder].sort((a, b) => a - b));
  });

  test.each([
    ["Node's zlib", NODE_CODEC],
    ["fflate", FFLATE_CODEC],
  ])("%s: a producer reusing its buffer after each push does not change what was written", async (_name, codec) => {
    const bytes = new TextEncoder().encode(text);
    const scratch = new Uint8Array(300_000);
    const reusing = async (push: (d: string | Uint8Array) => Promise<void>): Promise<void> => {
      for (let at = 0; at < bytes.length; at += scratch.length) {
        const n = Math.min(scratch.length, bytes.length - at);
        scratch.set(bytes.subarray(at, at + n));
        await push(scratch.subarray(0, n));
        scratch.fill(0x58); // what a reused buffer would hold next
      }
    };
    expect(await writeOne(codec, reusing)).toBe(text);
  });

  test("a piece that fails to deflate fails the part; no rejection is left unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let n = 0;
      const failing: Codec = {
        ...NODE_CODEC,
        deflatePiece: (data, final) =>
          n++ === 1 ? Promise.reject(new Error("disk of the mind full")) : NODE_CODEC.deflatePiece!(data, final),
      };
      await expect(writeOne(failing, unevenly(text))).rejects.toThrow("disk of the mind full");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("pieces join into one raw-deflate stream any inflater reads whole", async () => {
    const chunks: Uint8Array[] = [];
    const writer = new ZipWriter((c) => void chunks.push(c.slice()), NODE_CODEC);
    await writer.stream("a.xml", unevenly(text));
    const all = Buffer.concat(chunks);
    // Local header (30 bytes + name), then the data up to the data descriptor (16 bytes).
    const data = all.subarray(30 + "a.xml".length, all.length - 16);
    expect(inflateRawSync(data).toString("utf8")).toBe(text);
  });
});
