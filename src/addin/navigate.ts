/** Takes the user to a problem's cell: activates its sheet and selects the cell. */
import { runExcel } from "./office";

/** False when the sheet is hidden (Excel cannot select a cell there). */
export async function selectCell(sheet: string, address: string): Promise<boolean> {
  return runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet).load("visibility");
    await context.sync();
    if (ws.visibility !== "Visible") return false;
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
    return true;
  });
}
