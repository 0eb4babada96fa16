/**
 * Shared by the browser tests (test/browser/*.test.ts) and the pane benchmark
 * (bench/pane-bench.js): builds the add-in with the project's webpack config plus the
 * fake host bundle, serves it on 127.0.0.1, and launches Debian's Chromium through
 * playwright-core. Plain CommonJS so the benchmark runs with node alone.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const HOST_SCRIPT = "__test__/host.js";
/** How the pages load office.js (the CDN, or this server in the offline build), quoted or not after minification. */
const OFFICE_TAG =
  /<script src="?(?:https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/)?office\.js"?><\/script>/;
/** The CDN folder office.js comes from in production, and the local copy the tests serve in its place. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Fails loudly when the browser is missing: a browser test must never skip silently. */
function chromiumPath() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: ` +
        "apt-get install -y chromium (or set CHROMIUM_PATH). Never `npx playwright install`.",
    );
  }
  return CHROMIUM;
}

function webpackConfigs(outDir) {
  const projectConfig = require(path.join(ROOT, "webpack.config.js"));
  const addin = projectConfig({}, { mode: "production" });
  // Not cleaned by webpack: the host bundle is written into the same folder (buildAddin empties it first).
  addin.output = { ...addin.output, path: outDir, clean: false };
  addin.performance = { ...addin.performance, hints: false };
  const hostBundle = {
    // test code: not minified, which keeps the build quick
    mode: "development",
    context: ROOT,
    devtool: false,
    entry: { host: "./test/browser/host-entry.ts" },
    output: { path: path.join(outDir, "__test__"), filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: addin.module,
    performance: { hints: false },
  };
  return [addin, hostBundle];
}

/** Builds the add-in (production) and the fake host into outDir, in this process. */
function buildInProcess(outDir) {
  const webpack = require("webpack");
  fs.rmSync(outDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    webpack(webpackConfigs(outDir), (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(outDir);
    });
  });
}

/**
 * Builds the add-in and the fake host into outDir in a child process: babel-loader loads a
 * module with import(), which jest's VM refuses (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG).
 */
function buildAddin(outDir) {
  const { spawn } = require("child_process");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, "--build", outDir], { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(outDir) : reject(new Error(errors || `build exited ${code}`))));
  });
}

if (require.main === module && process.argv[2] === "--build") {
  buildInProcess(process.argv[3]).then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}

/** Serves dir on 127.0.0.1; HTML pages get the fake host right after office.js. */
function startServer(dir, { injectHost = true } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = path.join(dir, pathname === "/" ? "taskpane.html" : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    res.setHeader("Content-Type", TYPES[ext] || "application/octet-stream");
    res.setHeader("Cache-Control", "no-store");
    if (ext === ".html" && injectHost) {
      const html = fs.readFileSync(file, "utf8");
      if (!OFFICE_TAG.test(html)) {
        res.writeHead(500).end(`${pathname} does not load office.js from this server`);
        return;
      }
      res.end(html.replace(OFFICE_TAG, (tag) => `${tag}<script src="${HOST_SCRIPT}"></script>`));
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** A fresh Chromium profile each launch; returns the browser context. */
async function launchBrowser() {
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 350, height: 900 },
    locale: "id-ID",
  });
  // Every request stays on this machine: the CDN's office.js (and the files it loads from its
  // folder) come from the npm package's copy; anything else off 127.0.0.1 is refused.
  const servedFromCdn = [];
  await context.route(
    (url) => url.protocol !== "data:" && url.protocol !== "blob:" && !["127.0.0.1", "localhost"].includes(url.hostname),
    (route) => {
      const url = route.request().url();
      if (!url.startsWith(OFFICE_CDN)) return route.abort("blockedbyclient");
      const file = path.join(OFFICE_JS_DIR, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      if (!file.startsWith(OFFICE_JS_DIR) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
      servedFromCdn.push(url);
      return route.fulfill({ status: 200, contentType: TYPES[".js"], body: fs.readFileSync(file) });
    },
  );
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close, servedFromCdn };
}

/** Sizes of the pane's own JavaScript (office.js excluded), minified and gzipped. */
function paneScriptSize(outDir) {
  const zlib = require("zlib");
  const file = path.join(outDir, "taskpane.js");
  const bytes = fs.readFileSync(file);
  return { bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

module.exports = {
  ROOT,
  OFFICE_CDN,
  CHROMIUM_FLAGS,
  chromiumPath,
  buildAddin,
  startServer,
  launchBrowser,
  paneScriptSize,
};
