/** Types of harness.js (plain CommonJS, shared with bench/pane-bench.js). */
import type { BrowserContext } from "playwright-core";

export const ROOT: string;
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
export function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }>;
export function paneScriptSize(outDir: string): { bytes: number; gzipBytes: number };
