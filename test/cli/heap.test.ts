import { execFileSync } from "child_process";
import { HEAP_GROWING_PERCENT, growthChosen, tuneHeapGrowth } from "../../src/cli/heap";

describe("the command line's heap growth", () => {
  it("is left to the user who chose it, by node's arguments or NODE_OPTIONS, in either spelling", () => {
    expect(growthChosen(["--heap-growing-percent=80"], undefined)).toBe(true);
    expect(growthChosen([], "--max-old-space-size=512 --heap_growing_percent=50")).toBe(true);
    const set: string[] = [];
    expect(tuneHeapGrowth(["--heap-growing-percent=80"], undefined, (f) => set.push(f))).toBeNull();
    expect(set).toEqual([]);
  });

  it("is set when the user chose nothing about it (other flags do not count)", () => {
    expect(growthChosen(["--expose-gc"], "--max-old-space-size=512")).toBe(false);
    expect(growthChosen([], undefined)).toBe(false);
    const set: string[] = [];
    expect(tuneHeapGrowth(["--expose-gc"], "", (f) => set.push(f))).toBe(HEAP_GROWING_PERCENT);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
  });

  it("names a flag this Node's V8 knows (an unknown one would be ignored without a word)", () => {
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(options).toMatch(/--heap-growing-percent\b/);
  });
});
