/**
 * What this Excel can do. Office 2016 retail stops at ExcelApi 1.1, Office 2019 at 1.7,
 * 2021 at 1.14; newer paths are used only after `isSetSupported`, each with a fallback.
 */

/** Capabilities the adapter chooses paths by; each names the requirement set it needs. */
export interface Capabilities {
  /** Range.getResizedRange, rowHidden, worksheet.protection, setting sheet visibility, getUsedRange(valuesOnly), columnWidth. */
  readonly v1_2: boolean;
  /** workbook.settings, getItemOrNullObject. */
  readonly v1_4: boolean;
  /** Range.hyperlink. */
  readonly v1_7: boolean;
  /** workbook.readOnly. */
  readonly v1_8: boolean;
  /** RangeAreas (worksheet.getRanges), getCellProperties, suspendScreenUpdatingUntilNextSync, fill.pattern. */
  readonly v1_9: boolean;
  /** Application.cultureInfo (the locale's separators). */
  readonly v1_11: boolean;
  /** Range.getMergedAreasOrNullObject. */
  readonly v1_13: boolean;
}

function supported(version: string): boolean {
  // Outside Office (no Office global) nothing beyond the base set is assumed.
  if (typeof Office === "undefined" || Office.context?.requirements === undefined) return version === "1.1";
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

export function capabilities(): Capabilities {
  return {
    v1_2: supported("1.2"),
    v1_4: supported("1.4"),
    v1_7: supported("1.7"),
    v1_8: supported("1.8"),
    v1_9: supported("1.9"),
    v1_11: supported("1.11"),
    v1_13: supported("1.13"),
  };
}

/** The error code of an Office.js error (OfficeExtension.Error), or null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return null;
}

/**
 * Excel.run that waits while the user edits a cell instead of failing (delayForCellEdit;
 * Excel that does not know the option ignores it, and a request during cell edit then fails
 * with InvalidOperationInCellEditMode, office-js #625: the actions are written so that a run
 * stopped at any request leaves a workbook Hapus Tanda restores).
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}
