/**
 * `npm run bench:parsers`: how long every text reader of the core takes on texts built to
 * make careless regular expressions backtrack (test/fixtures/nasty-texts.ts), up to an
 * Excel cell's 32,767 characters. A quadratic pattern takes seconds on them; a linear one
 * a few milliseconds. Exits 1 when one text takes longer than the budget, so a slow
 * pattern shows here instead of as a flaky test on a busy machine.
 *
 *   node dist-cli/bench/parsers-bench.js [--budget-ms 400]
 */
import { NASTY_TEXTS, readAll } from "../test/fixtures/nasty-texts";

function main(args: readonly string[]): number {
  const at = args.indexOf("--budget-ms");
  const budgetMs = at >= 0 ? Number(args[at + 1]) : 400;
  let slowest = 0;
  const over: string[] = [];
  for (const text of NASTY_TEXTS) {
    const started = process.hrtime.bigint();
    readAll(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    slowest = Math.max(slowest, ms);
    if (ms > budgetMs) over.push(`${JSON.stringify(text.slice(0, 12))}... ${ms.toFixed(0)} ms`);
  }
  process.stdout.write(`${NASTY_TEXTS.length} texts; slowest ${slowest.toFixed(1)} ms (budget ${budgetMs} ms)\n`);
  for (const line of over) process.stdout.write(`over budget: ${line}\n`);
  return over.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
