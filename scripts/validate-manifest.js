#!/usr/bin/env node
/**
 * Validates manifest.xml offline (`npm run validate`):
 *  1. xmllint against the official XSD schemas in ../shared/office-manifest-xsd
 *     (office-addin-manifest validate needs the internet: it posts the file to a service);
 *  2. what the schema cannot see: every resid points at a defined resource, every icon
 *     exists in assets/, every URL is https on the one add-in origin, ids are unique;
 *  3. `office-addin-manifest info`, which parses it the way the Office tools do.
 *
 *   node scripts/validate-manifest.js [manifest.xml]
 *   OFFICE_MANIFEST_XSD=/path/OfficeAppManifestV1_1.xsd node scripts/validate-manifest.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_XSD = path.resolve(ROOT, "..", "shared", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");

function attributeValues(xml, attribute) {
  const found = [];
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, "g");
  let match;
  while ((match = pattern.exec(xml)) !== null) found.push(match[1]);
  return found;
}

/**
 * Checks the schema cannot express. Returns a list of problems (empty when fine).
 * @param {string} xml the manifest text
 * @param {string} root the project root (for assets/)
 */
function checkManifestReferences(xml, root) {
  const problems = [];
  const resourceIds = new Set();
  const resourcePattern = /<bt:(Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/g;
  const urls = [];
  let match;
  while ((match = resourcePattern.exec(xml)) !== null) {
    const [, kind, id, value] = match;
    if (resourceIds.has(id)) problems.push(`Resource id "${id}" is defined twice.`);
    resourceIds.add(id);
    if (kind !== "String") urls.push(value);
  }
  for (const resid of attributeValues(xml, "resid")) {
    if (!resourceIds.has(resid)) problems.push(`resid "${resid}" is not defined under <Resources>.`);
  }
  const controlIds = attributeValues(xml, "id").filter((id) => !resourceIds.has(id));
  const seen = new Set();
  for (const id of controlIds) {
    if (seen.has(id)) problems.push(`Control id "${id}" is used twice.`);
    seen.add(id);
  }
  for (const tag of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    const pattern = new RegExp(`<${tag}\\s+DefaultValue="([^"]*)"`, "g");
    while ((match = pattern.exec(xml)) !== null) urls.push(match[1]);
  }
  const domain = /<AppDomain>([^<]+)<\/AppDomain>/.exec(xml);
  const origin = domain ? domain[1].replace(/\/+$/, "") : null;
  if (origin === null) problems.push("No <AppDomain> is declared.");
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`URL "${url}" is not https (Office refuses it).`);
    if (origin !== null && !url.startsWith(`${origin}/`)) problems.push(`URL "${url}" is not on ${origin}.`);
    const asset = /\/(assets\/[^/?#]+\.png)$/.exec(url);
    if (asset && !fs.existsSync(path.join(root, asset[1]))) problems.push(`Icon ${asset[1]} does not exist.`);
  }
  const version = /<Version>([^<]+)<\/Version>/.exec(xml);
  if (!version || !/^\d+\.\d+\.\d+\.\d+$/.test(version[1])) {
    problems.push("<Version> must have four parts (1.0.0.0); bump it on every release.");
  }
  return problems;
}

function runXmllint(manifest, xsd) {
  if (!fs.existsSync(xsd)) {
    return [
      `The Office manifest schemas were not found at ${xsd}.\n` +
        "  They are expected in ../shared/office-manifest-xsd beside this repository (as in CI),\n" +
        "  or set OFFICE_MANIFEST_XSD to OfficeAppManifestV1_1.xsd. The manifest was NOT schema-checked.",
    ];
  }
  const result = spawnSync("xmllint", ["--noout", "--schema", xsd, manifest], { encoding: "utf8" });
  if (result.error && result.error.code === "ENOENT") {
    return [
      "xmllint is not installed (Debian/Ubuntu: apt-get install -y libxml2-utils). The manifest was NOT schema-checked.",
    ];
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.status === 0 ? [] : [`xmllint: ${path.basename(manifest)} does not match the schema.`];
}

function runManifestInfo(manifest) {
  const bin = path.join(
    ROOT,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest",
  );
  const result = spawnSync(bin, ["info", manifest], { encoding: "utf8", shell: process.platform === "win32" });
  if (result.error) return [`office-addin-manifest could not run: ${result.error.message}`];
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) return [`office-addin-manifest info failed:\n${output}`];
  console.log(output.trim().split("\n").slice(0, 6).join("\n"));
  return [];
}

function main() {
  const manifest = path.resolve(process.argv[2] || path.join(ROOT, "manifest.xml"));
  const xsd = process.env.OFFICE_MANIFEST_XSD || DEFAULT_XSD;
  const xml = fs.readFileSync(manifest, "utf8");
  const problems = [
    ...runXmllint(manifest, xsd),
    ...checkManifestReferences(xml, path.dirname(manifest)),
    ...runManifestInfo(manifest),
  ];
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${problem}`);
    process.exit(1);
  }
  console.log(`✓ ${path.relative(process.cwd(), manifest) || manifest}: schema, references and icons OK.`);
}

if (require.main === module) main();

module.exports = { checkManifestReferences };
