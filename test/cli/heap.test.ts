import { execFileSync } from "child_process";
import { HEAP_GROWING_PERCENT, growthChosen, tuneHeapGrowth } from "../../src/cli/heap";

describe("the command line's heap growth", () => {
  it("is left to a user who started node with their own, in either spelling", () => {
    expect(growthChosen(["--heap-growing-percent=80"])).toBe(true);
    expect(growthChosen(["--expose-gc", "--heap_growing_percent=50"])).toBe(true);
    const set: string[] = [];
    expect(tuneHeapGrowth(["--heap-growing-percent=80"], (f) => set.push(f))).toBeNull();
    expect(set).toEqual([]);
  });

  it("is set when node was started without one (other flags do not count)", () => {
    expect(growthChosen(["--expose-gc", "--max-old-space-size=512"])).toBe(false);
    expect(growthChosen([])).toBe(false);
    const set: string[] = [];
    expect(tuneHeapGrowth(["--expose-gc"], (f) => set.push(f))).toBe(HEAP_GROWING_PERCENT);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("a Node that refuses the flag leaves V8's own growth, without a failure", () => {
    const refuse = (): void => {
      throw new Error("flags frozen");
    };
    expect(tuneHeapGrowth([], refuse)).toBeNull();
  });

  it("names a flag this Node's V8 knows (an unknown one would be ignored without a word)", () => {
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(options).toMatch(/--heap-growing-percent\b/);
  });
});
