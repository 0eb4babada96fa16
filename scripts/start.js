#!/usr/bin/env node
/**
 * `npm start`: builds and serves the add-in on https://localhost:3000 with the
 * office-addin-dev-certs certificate, and sideloads it into Excel where Excel is
 * installed (Windows, macOS). Elsewhere (Linux) it says plainly that Excel is not
 * available and how to load the add-in into Excel on the web instead: the Office tools
 * exit 0 on Linux without sideloading anything, so their exit code proves nothing.
 *
 *   node scripts/start.js            serve (+ sideload on Windows/macOS)
 *   node scripts/start.js --dry-run  print what would happen, start nothing
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const URL_BASE = "https://localhost:3000";
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const DRY_RUN = process.argv.includes("--dry-run");

const WINDOWS = process.platform === "win32";

/** Command and arguments for a local tool; Windows runs .cmd files through a shell, which needs quotes. */
function tool(name, args) {
  const file = path.join(ROOT, "node_modules", ".bin", WINDOWS ? `${name}.cmd` : name);
  const quote = (text) => (WINDOWS && /\s/.test(text) ? `"${text}"` : text);
  return [quote(file), args.map(quote), { cwd: ROOT, stdio: "inherit", shell: WINDOWS }];
}

function haveCertificate() {
  return fs.existsSync(path.join(CERT_DIR, "localhost.crt")) && fs.existsSync(path.join(CERT_DIR, "localhost.key"));
}

function ensureCertificate() {
  if (haveCertificate()) return true;
  console.log(
    "[cek-honorer] Membuat sertifikat pengembangan / creating the dev certificate (office-addin-dev-certs install)...",
  );
  if (DRY_RUN) return false;
  spawnSync(...tool("office-addin-dev-certs", ["install"]));
  // The tool exits 0 even when it cannot trust the CA (no admin rights, Linux): check the files.
  if (!haveCertificate()) {
    console.warn(
      `[cek-honorer] Sertifikat tidak ada di ${CERT_DIR}; server memakai http / no certificate: serving plain http.`,
    );
    return false;
  }
  return true;
}

function sideloadSupported() {
  return WINDOWS || process.platform === "darwin";
}

function printWebInstructions() {
  console.log(
    [
      "",
      "==> Excel desktop tidak tersedia di sistem ini (" + process.platform + "): add-in TIDAK di-sideload.",
      "    Excel desktop is not available on this system: the add-in was NOT sideloaded.",
      "",
      `    Server add-in / add-in server: ${URL_BASE}/taskpane.html`,
      "",
      "    Memasang di Excel untuk web / to load it into Excel on the web:",
      `      1. Buka ${URL_BASE}/taskpane.html sekali di peramban dan terima sertifikatnya`,
      "         (open it once in the browser and accept the certificate).",
      "      2. Buka buku kerja di Excel untuk web (office.com) / open a workbook in Excel on the web.",
      "      3. Sisipkan > Add-in > Unggah Add-in Saya > pilih manifest.xml",
      "         (Insert > Add-ins > Upload My Add-in > choose " + MANIFEST + ").",
      '      4. Tab "Cek Honorer" muncul di pita / the "Cek Honorer" tab appears on the ribbon.',
      "",
    ].join("\n"),
  );
}

function runDevServer() {
  const args = ["serve", "--mode", "development"];
  console.log(`[cek-honorer] webpack ${args.join(" ")}`);
  if (DRY_RUN) return null;
  const child = spawn(...tool("webpack", args));
  child.on("exit", (code) => process.exit(code === null ? 1 : code));
  return child;
}

function runSideload() {
  // office-addin-debugging starts the dev server itself and opens Excel with the add-in.
  const args = [
    "start",
    MANIFEST,
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npx webpack serve --mode development",
    "--dev-server-port",
    "3000",
  ];
  console.log(`[cek-honorer] office-addin-debugging ${args.join(" ")}`);
  if (DRY_RUN) return;
  const result = spawnSync(...tool("office-addin-debugging", args));
  if (result.status !== 0) {
    console.error("[cek-honorer] Sideload gagal / sideloading failed; see the messages above.");
    process.exit(result.status === null ? 1 : result.status);
  }
}

function main() {
  ensureCertificate();
  if (sideloadSupported()) {
    runSideload();
  } else {
    printWebInstructions();
    runDevServer();
  }
}

main();
