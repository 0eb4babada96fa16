/**
 * Node's native zlib for the package layer: several times faster than the JavaScript
 * inflater and deflater on big sheets. A part is deflated in pieces, each ended with a
 * sync flush (byte-aligned, not final) and the last with a finish, so the pieces join
 * into one valid deflate stream while only one piece is held at a time.
 */
import { constants, deflateRawSync, inflateRawSync } from "zlib";
import { type Codec, DEFLATE_LEVEL } from "../package/zip";

export const NODE_CODEC: Codec = {
  inflate: (raw) => inflateRawSync(raw),
  deflater: () => (data, final) => {
    if (data.length === 0 && !final) return [];
    return [
      deflateRawSync(data, {
        level: DEFLATE_LEVEL,
        finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    ];
  },
};
