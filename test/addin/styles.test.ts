/**
 * The add-in's looks are the core's CellLook (src/core/output.ts), translated: the part the
 * add-in records and restores per cell, and the rest set on ranges, nothing decided here.
 */
import { MARK_COLORS, type OutStyle } from "../../src/core/annotations";
import { lookOfStyle, markLook as coreMarkLook } from "../../src/core/output";
import { cutoffLook, extraLook, extraRuns, markLook, recordedLook, styleLook } from "../../src/addin/styles";

const STYLES: (OutStyle | undefined)[] = [undefined, "title", "header", "error", "warning", "ok", "muted", "text"];

test("every style: the recorded part and the extras together are the core's look, no more, no less", () => {
  for (const style of STYLES) {
    const core = lookOfStyle(style);
    const recorded = styleLook(style) ?? {};
    expect([style, { ...recorded, ...extraLook(core) }]).toEqual([style, core]);
    expect([style, recorded]).toEqual([style, recordedLook(core)]);
  }
  // Worked by hand from output.ts: a header is bold on the header fill, bordered, wrapped, centred.
  expect(styleLook("header")).toEqual({ bold: true, fill: lookOfStyle("header").fill });
  expect(extraLook(lookOfStyle("header"))).toEqual({ border: true, wrap: true, verticalAlign: "middle" });
  expect(styleLook("text")).toBeNull();
});

test("marks: the core's mark fills", () => {
  expect(markLook("error")).toEqual({ fill: MARK_COLORS.error });
  expect(markLook("warning")).toEqual(coreMarkLook("warning"));
  expect(cutoffLook).toEqual({ fill: MARK_COLORS.cutoff });
});

test("extraRuns: runs of equal extras, those without any left out", () => {
  const styles: (OutStyle | undefined)[] = ["header", "header", undefined, "text", "text", "header"];
  const runs = extraRuns(styles.length, (i) => extraLook(lookOfStyle(styles[i])));
  expect(runs.map((r) => [r.start, r.end])).toEqual([
    [0, 2],
    [3, 5],
    [5, 6],
  ]);
});
