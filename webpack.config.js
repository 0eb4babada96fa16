/**
 * Builds the add-in's web part into dist/: taskpane.html, commands.html (the function
 * file of the ribbon buttons), result.html (the dialog a ribbon button shows when done),
 * the icons and the manifest; office.js from Microsoft's CDN, or served locally.
 *
 *   webpack --mode production                       build into dist/
 *   webpack serve --mode development               https://localhost:3000 (npm start)
 *   ADDIN_BASE_URL=https://host/path webpack ...   dist/manifest.xml points at that host
 *   ADDIN_OUTPUT_DIR=/tmp/x webpack ...             build elsewhere (the browser tests)
 *   webpack --env officeJs=local ...               offline variant: office.js served from dist/
 *                                                   (or ADDIN_OFFICE_JS=local)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const PORT = 3000;
/** Where production pages load office.js: Microsoft's CDN, as its npm package and AppSource require. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_CDN_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * Every page may load only from this add-in's own server, and scripts also from the office.js
 * CDN (office.js loads the Excel host scripts and the locale's strings from its own folder):
 * no fonts or telemetry from elsewhere, no request that could carry the workbook's data away
 * (connect-src 'self'). office.js itself tries to frame a Microsoft telemetry page when it
 * runs outside Office (and in some Office 2016 builds); frame-src 'self' stops that. The
 * offline variant (office.js served locally) allows no other origin at all.
 */
function contentSecurityPolicy(officeJs) {
  return [
    "default-src 'self'",
    officeJs === "cdn" ? `script-src 'self' ${OFFICE_JS_CDN_ORIGIN}` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // the pane sets styles from script
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The core-js the polyfills come from (babel injects only those the code uses). */
const CORE_JS_VERSION = require("core-js/package.json").version;

/**
 * Polyfills babel would add by a method's name alone that our code does not need: features
 * TypeScript's ES2020 library does not even offer (iterator helpers, the new Set methods,
 * getOrInsert, at()), typed-array methods other than the one sort a1.ts uses, HTML string
 * methods (look.bold is a property, not String.prototype.bold), and fixes of spec details
 * (species, well-formed JSON, regexp symbols, number parsing) that IE 11 gets right enough
 * for this code. What stays: Promise, Map, Set, WeakMap, Symbol and iteration, Array.from,
 * Object.assign/entries/values, the String and Array methods after ES5.
 */
const POLYFILLS_NOT_NEEDED = [
  /^es\.iterator\./,
  /^es\.set\..+\.v2$/,
  /^es\.(weak-)?map\.get-or-insert/,
  /^es\.array-buffer\./,
  /^es\.typed-array\.(?!sort$)/,
  /^es\.(array|string|typed-array)\.at(-alternative)?$/,
  "es.string.bold",
  "es.string.link",
  /^es\.regexp\./,
  "es.string.replace",
  "es.string.split",
  "es.string.search",
  "es.string.match",
  /^es\.array\.(push|unshift|concat|slice|filter|map|join)$/,
  "es.function.name",
  "es.object.to-string",
  "es.number.constructor",
  "es.number.to-exponential",
  "es.date.to-primitive",
  "es.symbol.to-primitive",
  /^es\.json\./,
  "es.error.cause",
  /^es\.object\.(get-own-property-descriptors?|freeze|get-prototype-of)$/,
  "es.symbol.description",
  /^web\.url/, // result-dialog.ts builds and reads its query by hand
  // The proposal names babel adds beside the stable ones above (esnext.iterator.map beside
  // es.iterator.map...): each only loads the es.* module already left out here.
  /^esnext\./,
];

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

function page(name, title, officeJs) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: `./src/${name === "taskpane" ? "taskpane" : "commands"}/${name}.html`,
    chunks: [name],
    title,
    scriptLoading: "defer",
    inject: "body",
    templateParameters: {
      contentSecurityPolicy: contentSecurityPolicy(officeJs),
      officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN : "office.js",
      oldWebview: vocabularyLabel("paneOldWebview"),
    },
  });
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const outputDir = process.env.ADDIN_OUTPUT_DIR || path.resolve(__dirname, "dist");
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_ORIGIN;
  // "cdn" (default): office.js from Microsoft's CDN. "local": the offline variant, for
  // networks without the internet: office.js and the files it loads are served from dist/.
  const officeJs = (env && env.officeJs) || process.env.ADDIN_OFFICE_JS || "cdn";
  if (officeJs !== "cdn" && officeJs !== "local") throw new Error(`officeJs must be "cdn" or "local", not ${officeJs}`);
  return {
    mode: production ? "production" : "development",
    // webpack's own runtime code in ES5 too.
    target: ["web", "es5"],
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
          use: [
            // Second: down to ES5 for Internet Explorer 11 and EdgeHTML (the webviews of
            // volume-licensed Office 2016/2019), with the core-js polyfills our code uses
            // (Promise, Map/Set, Symbol and iteration, Array.from, Object.assign, URL...).
            {
              loader: "babel-loader",
              options: {
                babelrc: false,
                configFile: false,
                // No cacheDirectory: babel-loader's cache loads find-cache-dir by import(), which
                // fails inside jest's VM (the browser tests build through webpack's API).
                sourceType: "unambiguous",
                presets: [
                  [
                    "@babel/preset-env",
                    {
                      useBuiltIns: "usage",
                      corejs: CORE_JS_VERSION,
                      modules: false,
                      bugfixes: true,
                      exclude: POLYFILLS_NOT_NEEDED,
                    },
                  ],
                ],
              },
            },
            // First: TypeScript to modern JavaScript. `tsc --noEmit` type-checks separately;
            // ES modules here let webpack drop the code the pages do not use.
            {
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "es2020", target: "es2020", sourceMap: !production },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      page("taskpane", "Cek Honorer", officeJs),
      page("commands", "Cek Honorer", officeJs),
      page("result", "Cek Honorer", officeJs),
      new CopyWebpackPlugin({
        patterns: [
          // office.js is a loader: inside Excel it fetches the Excel host scripts and the
          // strings of the user's locale from its own folder, so those are served too.
          // Not the other Office apps' files, the debug copies, or office.js's telemetry
          // scripts. Marked minimized so webpack copies them as they are (re-minifying
          // the 87 MB folder takes minutes).
          ...(officeJs === "cdn" ? [] : OFFICE_JS_FILES).map((glob) => ({
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

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
