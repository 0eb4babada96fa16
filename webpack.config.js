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
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

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
        "  Office only loads add-ins over https; run `npx office-addin-dev-certs install` first."
    );
  }
  return {
    // Listen on localhost only: the pane handles personal data and must not be reachable
    // from the network (webpack-dev-server listens on every interface by default).
    host: "localhost",
    port: PORT,
    server: certificate === null ? "http" : { type: "https", options: certificate },
    headers: { "Access-Control-Allow-Origin": "*" },
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

function page(name, title) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: `./src/${name === "taskpane" ? "taskpane" : "commands"}/${name}.html`,
    chunks: [name],
    title,
    scriptLoading: "defer",
    inject: "body",
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
          // Only the two files office.js loads outside Office; the rest of its dist/ is
          // 87 MB of host files that Office serves itself. Marked minimized so webpack
          // does not spend minutes re-minifying them.
          ...["office.js", "o15apptofilemappingtable.js"].map((file) => ({
            from: path.join(OFFICE_JS_DIR, file),
            to: file,
            info: { minimized: true },
          })),
          { from: "assets/*.png", to: "assets/[name][ext]", info: { minimized: true } },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestTransform(baseUrl) },
        ],
      }),
    ],
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 250 * 1024,
      maxAssetSize: 250 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !/^(office|o15apptofilemappingtable)\.js$/.test(file),
    },
    // Only `webpack serve` needs the server (and its certificate warning).
    ...(env && env.WEBPACK_SERVE ? { devServer: devServerOptions() } : {}),
  };
};
