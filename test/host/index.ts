/** The fake Excel host: see README in this folder's header comments (host.ts, context.ts). */
export * from "./address";
export * from "./errors";
export * from "./model";
export * from "./context";
export * from "./range";
export * from "./workbook";
export * from "./host";
export * from "./factory";
export { typedInput, evaluateFormula } from "./input";
export { sheetLayout, type HostSheetLayout } from "./layout";
export * from "./office-commands";
export { type Locale, LOCALES } from "./locale";
