/**
 * Builds the add-in's web part into dist/: taskpane.html, commands.html (the function
 * file of the ribbon buttons), result.html (the dialog a ribbon button shows when done),
 * office.js served locally, the icons and the manifest.
 *
 *   webpack --mode production                       build into dist/
 *   webpack serve --mode development               https://localhost:3000 (npm start)
 *   ADDIN_BASE_URL=https://host/path webpack ...   dist/manifest.xml points at that host
 *   ADDIN_OUTPUT_DIR=/tmp/x webpack ...             build elsewhere (the browser tests)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const PORT = 3000;
/**
 * Every page may load only from this add-in's own server: no CDN, no fonts or telemetry
 * from elsewhere, no request that could carry the workbook's data away. office.js itself
 * tries to frame a Microsoft telemetry page when it runs outside Office (and in some
 * Office 2016 builds); frame-src 'self' stops that.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Fluent's components add style elements
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** The files of @microsoft/office-js/dist that Excel add-ins load (see the copy below). */
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "excel*.js", "*/office_strings.js"];

/** The dev certificate written by `office-addin-dev-certs install`, if present. */
function devCertificate() {
  const cert = path.join(CERT_DIR, "localhost.crt");
  const key = path.join(CERT_DIR, "localhost.key");
  const ca = path.join(CERT_DIR, "ca.crt");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return null;
  return {
    cert: fs.readFileSync(cert),
    key: fs.readFileSync(key),
    ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
  };
}

function devServerOptions() {
  const certificate = devCertificate();
  if (certificate === null) {
    console.warn(
      `[cek-honorer] No dev certificate in ${CERT_DIR}: serving over plain http.\n` +
        "  Office only loads add-ins over https; run `npx office-addin-dev-certs install` first.",
    );
  }
  return {
    // Listen on localhost only: the pane handles personal data and must not be reachable
    // from the network (webpack-dev-server listens on every interface by default).
    host: "localhost",
    port: PORT,
    server: certificate === null ? "http" : { type: "https", options: certificate },
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false, // serve the build only, not whatever sits in the project folder
    hot: false,
    liveReload: true,
    client: { overlay: { warnings: false, errors: true } },
  };
}

/** Points the copied manifest at the server that will host the files. */
function manifestTransform(baseUrl) {
  const base = baseUrl.replace(/\/+$/, "");
  return (content) =>
    base === DEV_ORIGIN ? content : Buffer.from(content.toString("utf8").split(DEV_ORIGIN).join(base));
}

/**
 * A label of src/addin/vocabulary.ts, for the one text the HTML must hold itself: the
 * message an old webview shows, where the bundle cannot run. Fails the build if the
 * label cannot be read, rather than ship a page without it.
 */
function vocabularyLabel(key) {
  const source = fs.readFileSync(path.join(__dirname, "src", "addin", "vocabulary.ts"), "utf8");
  const found = new RegExp(`\\b${key}: \\{\\s*id: "((?:[^"\\\\]|\\\\.)*)",\\s*en: "((?:[^"\\\\]|\\\\.)*)"`).exec(
    source,
  );
  if (found === null) throw new Error(`LABELS.${key} not found in src/addin/vocabulary.ts`);
  return { id: JSON.parse(`"${found[1]}"`), en: JSON.parse(`"${found[2]}"`) };
}

function page(name, title) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: `./src/${name === "taskpane" ? "taskpane" : "commands"}/${name}.html`,
    chunks: [name],
    title,
    scriptLoading: "defer",
    inject: "body",
    templateParameters: {
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      oldWebview: vocabularyLabel("paneOldWebview"),
    },
  });
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const outputDir = process.env.ADDIN_OUTPUT_DIR || path.resolve(__dirname, "dist");
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_ORIGIN;
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      result: "./src/commands/result.ts",
    },
    output: {
      path: outputDir,
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `tsc --noEmit` type-checks separately; ES modules here let webpack drop
              // the Fluent components the pane does not use.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", "Cek Honorer"),
      page("commands", "Cek Honorer"),
      page("result", "Cek Honorer"),
      new CopyWebpackPlugin({
        patterns: [
          // office.js is a loader: inside Excel it fetches the Excel host scripts and the
          // strings of the user's locale from its own folder, so those are served too.
          // Not the other Office apps' files, the debug copies, or office.js's telemetry
          // scripts. Marked minimized so webpack copies them as they are (re-minifying
          // the 87 MB folder takes minutes).
          ...OFFICE_JS_FILES.map((glob) => ({
            from: glob,
            context: OFFICE_JS_DIR,
            to: ".",
            globOptions: { ignore: ["**/*.debug.js"] },
            info: { minimized: true },
          })),
          { from: "assets/*.png", to: "assets/[name][ext]", info: { minimized: true } },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/taskpane/webview-check.js", to: "webview-check.js", info: { minimized: true } },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(baseUrl) },
        ],
      }),
    ],
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 250 * 1024,
      maxAssetSize: 250 * 1024,
      // The add-in's own bundles; office.js and its host files are Microsoft's.
      assetFilter: (file) => ["taskpane.js", "commands.js", "result.js"].includes(file),
    },
    // Only `webpack serve` needs the server (and its certificate warning).
    ...(env && env.WEBPACK_SERVE ? { devServer: devServerOptions() } : {}),
  };
};
