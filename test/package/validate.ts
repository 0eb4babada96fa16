/** The ECMA-376 schema check of a written package (../shared/ooxml-xsd/validate-xlsx.py beside the repository, xmllint). */
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/** ../shared beside the repository (as in CI), or beside a folder above it (a git worktree). */
export function validatorPath(): string {
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "ooxml-xsd", "validate-xlsx.py");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`validate-xlsx.py not found in a shared/ooxml-xsd folder above ${ROOT}`);
  }
}

/** Runs the schema validator; returns its last line (throws with its output when a part is invalid). */
export function validateXlsx(file: string): string {
  try {
    return execFileSync("python3", [validatorPath(), file], { encoding: "utf8" }).trim().split("\n").pop() ?? "";
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`invalid package ${file}:\n${out}`);
  }
}
