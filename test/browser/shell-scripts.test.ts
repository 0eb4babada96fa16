/**
 * The add-in shell's scripts: the offline manifest check catches what the XML schema
 * cannot, and `npm start` never claims a sideload it did not do.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { ROOT } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifestReferences } = require("../../scripts/validate-manifest.js") as {
  checkManifestReferences(xml: string, root: string): string[];
};

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest references", () => {
  test("the shipped manifest has none of the problems the schema cannot see", () => {
    expect(checkManifestReferences(manifest, ROOT)).toEqual([]);
  });

  test("a resid with no resource, a missing icon, a foreign or http URL and a 3-part version are reported", () => {
    const broken = manifest
      .replace('resid="Tab.Label"', 'resid="Tab.Missing"')
      .replace("assets/pane-80.png", "assets/gone-80.png")
      .replace("https://localhost:3000/commands.html", "http://example.org/commands.html")
      .replace("<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>");
    const problems = checkManifestReferences(broken, ROOT).join("\n");
    expect(problems).toContain('resid "Tab.Missing" is not defined');
    expect(problems).toContain("Icon assets/gone-80.png does not exist");
    expect(problems).toContain('URL "http://example.org/commands.html" is not https');
    expect(problems).toContain("is not on https://localhost:3000");
    expect(problems).toContain("<Version> must have four parts");
  });
});

describe("npm run validate", () => {
  const validate = (file: string) =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js"), file], { encoding: "utf8" });

  test("passes the shipped manifest against the official schema (offline, xmllint)", () => {
    const run = validate(path.join(ROOT, "manifest.xml"));
    expect(run.stderr).toContain("manifest.xml validates"); // xmllint reports on stderr
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("schema, references and icons OK");
  });

  test("fails a manifest the schema refuses", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cek-honorer-manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(
      file,
      manifest.replace("<FunctionName>checkData</FunctionName>", "<FunctionNam>checkData</FunctionNam>"),
    );
    const run = validate(file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("does not match the schema");
    expect(run.stderr).toContain("FunctionNam");
  });
});

describe("npm start", () => {
  test("on Linux it says plainly that nothing was sideloaded and how to use Excel on the web", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js"), "--dry-run"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    if (process.platform === "linux") {
      expect(run.stdout).toContain("the add-in was NOT sideloaded");
      expect(run.stdout).toContain("Upload My Add-in");
      expect(run.stdout).toContain("webpack serve --mode development");
      expect(run.stdout).not.toContain("office-addin-debugging");
    } else {
      expect(run.stdout).toContain("office-addin-debugging start");
    }
  });
});
