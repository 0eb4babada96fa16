#!/usr/bin/env node
/**
 * Draws the ribbon icons and the logo of Cek Honorer as PNG files in assets/.
 * No image package: shapes are signed-distance functions sampled 4x4 per pixel
 * (anti-aliasing) and the PNG is written with node's zlib. Output is deterministic,
 * so re-running it leaves git clean unless the drawing changed.
 *
 *   node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.join(__dirname, "..", "assets");
const SIZES = [16, 32, 64, 80];
const LOGO_SIZE = 300;

// Office-like palette: Excel green plate, white glyphs, one accent.
const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];
const AMBER = [255, 185, 0];

// ---- PNG writer -------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** rgba: Uint8Array of size*size*4, straight (not premultiplied) alpha. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- shapes (unit square, y down); each returns a signed distance, < 0 inside ----

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;

function roundBox(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const dx = Math.abs(x - cx) - hx;
    const dy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
    return outside + Math.min(Math.max(dx, dy), 0) - r;
  };
}

/** A stroke through the points, width w, round caps and joins. */
function polyline(points, w) {
  return (x, y) => {
    let best = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      best = Math.min(best, Math.hypot(x - ax - t * vx, y - ay - t * vy));
    }
    return best - w / 2;
  };
}

const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

// ---- glyphs: layers painted in order over the green plate --------------------

const plate = roundBox(0.04, 0.04, 0.96, 0.96, 0.16);
const check = polyline(
  [
    [0.27, 0.52],
    [0.43, 0.68],
    [0.74, 0.33],
  ],
  0.12,
);

/** A straight stroke from (x0, y0) to (x1, y1). */
const line = (x0, y0, x1, y1, w) =>
  polyline(
    [
      [x0, y0],
      [x1, y1],
    ],
    w,
  );

const GLYPHS = {
  // App icon, also used by "Periksa Data": a tick.
  app: [
    [plate, GREEN],
    [check, WHITE],
  ],
  // "Hitung Masa Kerja": a clock.
  tenure: [
    [plate, GREEN],
    [ring(0.5, 0.5, 0.29, 0.09), WHITE],
    [union(line(0.5, 0.32, 0.5, 0.5, 0.08), line(0.5, 0.5, 0.63, 0.6, 0.08)), WHITE],
  ],
  // "Kontrak 31 Des": a calendar with its last day marked.
  cutoff: [
    [plate, GREEN],
    [roundBox(0.22, 0.26, 0.78, 0.8, 0.06), WHITE],
    [roundBox(0.26, 0.38, 0.74, 0.76, 0.03), GREEN],
    [roundBox(0.56, 0.58, 0.7, 0.72, 0.02), AMBER],
    [union(line(0.36, 0.18, 0.36, 0.3, 0.07), line(0.64, 0.18, 0.64, 0.3, 0.07)), WHITE],
  ],
  // "Rekap JP": a bar chart.
  training: [
    [plate, GREEN],
    [roundBox(0.22, 0.52, 0.36, 0.78, 0.03), WHITE],
    [roundBox(0.43, 0.36, 0.57, 0.78, 0.03), WHITE],
    [roundBox(0.64, 0.22, 0.78, 0.78, 0.03), AMBER],
  ],
  // "Hapus Tanda": a cross.
  clear: [
    [plate, GREEN],
    [union(line(0.32, 0.32, 0.68, 0.68, 0.12), line(0.68, 0.32, 0.32, 0.68, 0.12)), WHITE],
  ],
  // "Buka Panel": a window with a side pane.
  pane: [
    [plate, GREEN],
    [roundBox(0.2, 0.24, 0.8, 0.76, 0.05), WHITE],
    [roundBox(0.26, 0.3, 0.54, 0.7, 0.02), GREEN],
  ],
};

function render(layers, size) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [shape, fill] of layers) if (shape(x, y) < 0) colour = fill;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return rgba;
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const written = [];
  for (const [name, layers] of Object.entries(GLYPHS)) {
    for (const size of SIZES) {
      const file = path.join(OUT_DIR, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(layers, size)));
      written.push(path.basename(file));
    }
  }
  fs.writeFileSync(path.join(OUT_DIR, "logo.png"), encodePng(LOGO_SIZE, render(GLYPHS.app, LOGO_SIZE)));
  written.push("logo.png");
  console.log(`Wrote ${written.length} PNG files to ${path.relative(process.cwd(), OUT_DIR) || "."}`);
}

main();
