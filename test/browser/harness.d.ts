/** Types of harness.js (plain CommonJS, shared with bench/pane-bench.js). */
import type { BrowserContext } from "playwright-core";

export const ROOT: string;
/** The CDN folder production pages load office.js from; the tests serve it from the npm package. */
export const OFFICE_CDN: string;
export const CHROMIUM_FLAGS: readonly string[];
export function chromiumPath(): string;
export function buildAddin(outDir: string): Promise<string>;
export interface TestServer {
  readonly origin: string;
  /** Every URL path the server was asked for. */
  readonly requests: string[];
  close(): Promise<void>;
}
export function startServer(dir: string, options?: { injectHost?: boolean }): Promise<TestServer>;
export function launchBrowser(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
  /** CDN URLs answered from the local copy of office.js (nothing else off 127.0.0.1 is answered). */
  readonly servedFromCdn: readonly string[];
}>;
export function paneScriptSize(outDir: string): { bytes: number; gzipBytes: number };
