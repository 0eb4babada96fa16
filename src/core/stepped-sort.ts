/**
 * A merge sort that can stop and go on: the add-in must not block its thread for more than a
 * second (issue 10), and sorting a million names with a collator takes several. Each step()
 * does about `budget` comparisons, so a caller can yield between steps.
 */

/** Items sorted per run before merging (with the engine's own sort). */
const RUN = 512;

export class SteppedSort {
  private a: Uint32Array;
  private b: Uint32Array;
  private width = RUN;
  private runAt = 0;
  private lo = 0;
  private mid = 0;
  private hi = 0;
  private i = 0;
  private j = 0;
  private k = 0;
  private merging = false;
  private finished = false;

  /** Sorts 0..n-1 by `compare`, which must be a total order (ties broken, e.g. by index). */
  constructor(
    private readonly n: number,
    private readonly compare: (x: number, y: number) => number,
  ) {
    this.a = new Uint32Array(n);
    for (let x = 0; x < n; x++) this.a[x] = x;
    this.b = new Uint32Array(n);
    this.finished = n < 2;
  }

  get done(): boolean {
    return this.finished;
  }

  /** The sorted order (complete once step() has returned false). */
  result(): Uint32Array {
    return this.a;
  }

  /** About `budget` comparisons of work; true while work remains. */
  step(budget: number): boolean {
    let left = budget;
    while (!this.finished && left > 0) {
      if (this.runAt < this.n) {
        const end = Math.min(this.runAt + RUN, this.n);
        this.a.subarray(this.runAt, end).sort(this.compare);
        left -= (end - this.runAt) * 9;
        this.runAt = end;
        if (this.runAt >= this.n && this.width >= this.n) this.finished = true;
        continue;
      }
      left = this.merge(left);
    }
    return !this.finished;
  }

  /** Merges pairs of runs of the current width, a piece at a time; returns the budget left. */
  private merge(budget: number): number {
    let left = budget;
    const { a, b, n, compare } = this;
    if (!this.merging) {
      if (this.lo >= n) {
        this.a = b;
        this.b = a;
        this.width *= 2;
        this.lo = 0;
        if (this.width >= n) this.finished = true;
        return left;
      }
      this.mid = Math.min(this.lo + this.width, n);
      this.hi = Math.min(this.lo + 2 * this.width, n);
      this.i = this.lo;
      this.j = this.mid;
      this.k = this.lo;
      this.merging = true;
    }
    let { i, j, k } = this;
    const { mid, hi } = this;
    while (i < mid && j < hi && left > 0) {
      b[k++] = compare(a[i] as number, a[j] as number) <= 0 ? (a[i++] as number) : (a[j++] as number);
      left--;
    }
    if (i >= mid || j >= hi) {
      while (i < mid) b[k++] = a[i++] as number;
      while (j < hi) b[k++] = a[j++] as number;
      this.merging = false;
      this.lo = hi;
    }
    this.i = i;
    this.j = j;
    this.k = k;
    return left;
  }
}
