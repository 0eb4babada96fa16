/**
 * Node's native zlib for the package layer: several times faster than the JavaScript
 * inflater and deflater on big sheets. A part is deflated in pieces, each ended with a
 * sync flush (byte-aligned, not final) and the last with a finish, so the pieces join
 * into one valid deflate stream while only one piece is held at a time. zlib's CRC-32 (Node
 * 20.15+) replaces the JavaScript one for parts read and written. Streamed parts (the
 * annotated sheets, the report sheets) are deflated piece by piece on libuv's thread pool,
 * so compression runs on another core while the next piece is checked and patched.
 */
import { once } from "events";
import { constants, crc32, createInflateRaw, deflateRaw, deflateRawSync, inflateRawSync } from "zlib";
import { type Codec, DEFLATE_LEVEL } from "../package/zip";

/**
 * Pieces of a part inflated on the thread pool. zlib hands each in a fresh buffer: at 1 MB a
 * piece waiting while the one before it was checked often outlived two young collections and
 * was freed only by a full one (tens of MB of dead buffers at full height, measured by forcing
 * collections); a quarter of that dies young.
 */
const INFLATE_PIECE = 1 << 18;

/** zlib's smallest output chunk is 64 bytes; small parts get its default 16 KB. */
const MIN_CHUNK = 16 * 1024;

/** A synchronous raw deflater at `level`: pieces joined by sync flushes, the last finished (see Codec.deflater). */
export const syncDeflater =
  (level: number): ReturnType<Codec["deflater"]> =>
  (data, final) => {
    if (data.length === 0 && !final) return [];
    return [deflateRawSync(data, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })];
  };

export const NODE_CODEC: Codec = {
  // One output buffer of the known size: no chunk list to join afterwards.
  inflate: (raw, size) => inflateRawSync(raw, size > 0 ? { chunkSize: Math.max(MIN_CHUNK, size) } : undefined),
  crc32: (data, previous) => crc32(data, previous),
  deflater: () => syncDeflater(DEFLATE_LEVEL),
  inflatePieces: async (raw, onPiece, pieceBytes = INFLATE_PIECE) => {
    // Output in pieces: as the caller takes one, the pool starts on the next. Compressed
    // input is written a step at a time, waiting when the inflater's input is full.
    const inflater = createInflateRaw({ chunkSize: pieceBytes });
    const feeding = (async (): Promise<void> => {
      for (const step of raw) {
        if (inflater.destroyed) return;
        // Not copied: a ByteSource's bytes stay as they are once read.
        if (!inflater.write(step)) await once(inflater, "drain");
      }
      inflater.end();
    })();
    // A failure is seen by the reading below (the inflater's error), or ends the feeding there.
    feeding.catch(() => undefined);
    const pieces = inflater[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let reused = new Uint8Array(0);
    try {
      for (;;) {
        let next: IteratorResult<Buffer> | null = await pieces.next();
        if (next.done === true) break;
        const length = next.value.length;
        if (reused.length < length) reused = new Uint8Array(Math.max(length, pieceBytes));
        reused.set(next.value);
        // zlib's piece let go now, while young: held through the caller's work on it, it lived
        // through several collections and waited for a full one (tens of MB at full height).
        next = null;
        await onPiece(reused.subarray(0, length));
      }
    } finally {
      inflater.destroy();
    }
    await feeding;
  },
  deflatePiece: (data, final) =>
    new Promise((resolve, reject) => {
      deflateRaw(
        data,
        {
          level: DEFLATE_LEVEL,
          finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
          // Room for a quarter of the piece: sheet XML deflates to a fifth or less, so one fill
          // mostly does (each more costs a round trip between the pool and the main thread),
          // without a megabyte of fresh external memory per piece for a tenth of it used.
          chunkSize: Math.max(MIN_CHUNK, data.length >> 2),
        },
        (error, out) => (error === null ? resolve(out) : reject(error)),
      );
    }),
};
