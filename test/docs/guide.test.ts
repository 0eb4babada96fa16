/**
 * The clerk's guide (docs/panduan.md) stays true to the product: every problem with the same
 * "how to fix" the pane shows, every header it lists recognised as it says, every picture
 * present, and the clerk's words ("kesalahan", "lembar").
 */
import fs from "fs";
import path from "path";
import { roleOfHeader } from "../../src/core/header-synonyms";
import { ISSUE_CODES, ISSUE_FIXES, ISSUES, ROLES, type Role } from "../../src/core/vocabulary";

const ROOT = path.resolve(__dirname, "..", "..");
const guide = fs.readFileSync(path.join(ROOT, "docs", "panduan.md"), "utf8");
const rows = guide.split("\n").filter((l) => l.startsWith("| "));
const cellsOf = (line: string): string[] =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

test("every problem is in the guide with its title, severity and the pane's how-to-fix", () => {
  for (const code of ISSUE_CODES) {
    const row = rows.find((l) => l.includes(`\`${code}\``));
    expect(row).toBeDefined();
    const [title, severity, fix] = cellsOf(row as string);
    expect(title).toBe(ISSUES[code].title.id);
    expect(severity).toBe(ISSUES[code].severity === "error" ? "kesalahan" : "peringatan");
    expect(fix).toBe(ISSUE_FIXES[code]?.id);
  }
});

test("every header the guide lists is recognised as the data it names", () => {
  const start = guide.indexOf("## 6. Judul kolom yang dikenali");
  const section = guide.slice(start, guide.indexOf("## 7.", start));
  const table = section.split("\n").filter((l) => l.startsWith("| ") && l.includes("`"));
  expect(table.length).toBeGreaterThan(15);
  for (const line of table) {
    const [data, examples] = cellsOf(line);
    const role =
      data === "Tempat dan tanggal lahir dalam satu sel"
        ? "birthPlaceAndDate"
        : (Object.keys(ROLES) as Role[]).find((r) => ROLES[r].id === data);
    expect(role).toBeDefined();
    for (const example of [...examples.matchAll(/`([^`]+)`/g)].map((m) => m[1]))
      expect([example, roleOfHeader(example)]).toEqual([example, role]);
  }
});

test("every picture the guide shows is in docs/img", () => {
  const pictures = [...guide.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(pictures.length).toBeGreaterThanOrEqual(12);
  for (const picture of pictures) expect(fs.existsSync(path.join(ROOT, "docs", picture))).toBe(true);
});

test("the clerk's words: kesalahan, not galat; lembar, not sheet", () => {
  expect(guide).not.toMatch(/galat/i);
  expect(guide.replace(/\*[^*]+\*/g, "")).not.toMatch(/\bsheet\b/i); // English menu names are in italics
});
