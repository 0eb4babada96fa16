/** The ECMA-376 schema check of a written package (../shared/ooxml-xsd/validate-xlsx.py, xmllint). */
import { execFileSync } from "child_process";
import * as path from "path";

export const VALIDATOR = path.resolve(__dirname, "../../../../shared/ooxml-xsd/validate-xlsx.py");

/** Runs the schema validator; returns its last line (throws with its output when a part is invalid). */
export function validateXlsx(file: string): string {
  try {
    return execFileSync("python3", [VALIDATOR, file], { encoding: "utf8" }).trim().split("\n").pop() ?? "";
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`invalid package ${file}:\n${out}`);
  }
}
