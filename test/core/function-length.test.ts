/**
 * The shape of src/core: rules stay small units. Every function (methods and arrow
 * functions included) spans at most 60 lines, so no rule grows back into one long method.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const MAX_LINES = 60;
const CORE = path.join(__dirname, "..", "..", "src", "core");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** "file:line name (N lines)" for every function longer than `max` lines. */
export function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name !== undefined ? node.name.getText(source) : "(anonymous)";
      if (lines > max) found.push(`${path.basename(file)}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the length check finds a long function", () => {
  const body = Array.from({ length: 5 }, (_, i) => `  const a${i} = ${i};`).join("\n");
  expect(longFunctions("x.ts", `function long() {\n${body}\n}\nconst short = () => 1;\n`, 6)).toEqual([
    "x.ts:1 long (7 lines)",
  ]);
});

test(`no function in src/core is longer than ${MAX_LINES} lines`, () => {
  const files = sourceFiles(CORE);
  expect(files.length).toBeGreaterThan(10);
  const long = files.flatMap((file) => longFunctions(file, fs.readFileSync(file, "utf8"), MAX_LINES));
  expect(long).toEqual([]);
});
