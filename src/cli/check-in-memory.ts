/**
 * The in-memory path, for ordinary workbooks: ExcelJS loads the whole file, the engine
 * checks each sheet's grid, and the annotated copy is written from the loaded workbook,
 * so every original cell, merge, note, validation and width stays as it was.
 */
import type { WorkbookResult } from "../core/results";
import { annotateWorkbook } from "./annotate-workbook";
import type { CheckFileOptions } from "./check-options";
import { dataWorksheets, readWorkbookFile, worksheetToGrid } from "./read-workbook";

export async function checkInMemory(options: CheckFileOptions): Promise<WorkbookResult> {
  const workbook = await readWorkbookFile(options.file);
  let rows = 0;
  const onRow = (): void => {
    rows++;
    if (rows % 10_000 === 0) options.onRows?.(rows);
  };
  // One sheet's grid at a time: the workbook itself is already held, the grids need not all be.
  for (const ws of dataWorksheets(workbook))
    options.session.checkSheet(worksheetToGrid(ws, onRow), options.displayName);
  const result = options.session.finishWorkbook(options.displayName);
  if (options.out !== null) {
    options.onWriting?.();
    annotateWorkbook(workbook, result, options.lang);
    await workbook.xlsx.writeFile(options.out);
  }
  return result;
}
