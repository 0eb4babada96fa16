/** Types of clerk-seed.js (plain CommonJS, shared with scripts/docs-pictures.js). */
import type { SheetInit } from "../host";
import type { BrowserSeed } from "./page-api";

export const CLERK_WORKBOOK: BrowserSeed;
export const PERSONNEL_SHEET: string;
export const TRAINING: SheetInit;
