/**
 * A sheet's view and print set-up in the fake host: freeze panes (ExcelApi 1.7), AutoFilter and
 * page layout (1.9). Kept apart from the cell model: what was set is recorded per sheet and read
 * back with `sheetLayout`, so a test can check what the add-in asked for.
 */
import { parseAddress, rectAddress } from "./address";
import { type HostContextCore, HostObject, type PropertySpec } from "./context";
import type { SheetModel } from "./model";
import { type Resolver, guardWrite } from "./range";

export interface HostSheetLayout {
  frozenRows?: number;
  filter?: string;
  orientation?: string;
  paperSize?: string;
  fitWide?: number | null;
  fitTall?: number | null;
  printTitleRows?: string;
  printArea?: string;
}

const layouts = new WeakMap<SheetModel, HostSheetLayout>();

/** What the add-in set on a sheet (empty when nothing). */
export function sheetLayout(sheet: SheetModel): HostSheetLayout {
  return { ...(layouts.get(sheet) ?? {}) };
}

abstract class LayoutPart extends HostObject {
  constructor(
    core: HostContextCore,
    api: string,
    typeName: string,
    protected readonly sheet: Resolver<SheetModel>,
  ) {
    super(core, api, typeName);
  }
  protected exists(): boolean {
    return this.sheet() !== null;
  }
  protected properties(): Record<string, PropertySpec> {
    return {};
  }
  protected set(label: string, api: string, change: (layout: HostSheetLayout) => void): void {
    this.queueWrite(
      label,
      api,
      () => label,
      () => {
        const s = this.sheet() as SheetModel;
        guardWrite(s, label);
        const layout = layouts.get(s) ?? {};
        change(layout);
        layouts.set(s, layout);
      },
    );
  }
}

export class HostFreezePanes extends LayoutPart {
  constructor(core: HostContextCore, sheet: Resolver<SheetModel>) {
    super(core, "1.7", "WorksheetFreezePanes", sheet);
  }
  freezeRows(count: number): void {
    this.set("freezeRows", "1.7", (l) => (l.frozenRows = count));
  }
}

export class HostAutoFilter extends LayoutPart {
  constructor(core: HostContextCore, sheet: Resolver<SheetModel>) {
    super(core, "1.9", "AutoFilter", sheet);
  }
  /** Takes an A1 address (this host does not unwrap Range proxies here). */
  apply(range: string): void {
    this.set("apply", "1.9", (l) => (l.filter = rectAddress(parseAddress(range).rect)));
  }
}

export class HostPageLayout extends LayoutPart {
  constructor(core: HostContextCore, sheet: Resolver<SheetModel>) {
    super(core, "1.9", "PageLayout", sheet);
  }
  set orientation(value: string) {
    this.set("orientation", "1.9", (l) => (l.orientation = value));
  }
  set paperSize(value: string) {
    this.set("paperSize", "1.9", (l) => (l.paperSize = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set("zoom", "1.9", (l) => {
      l.fitWide = value.horizontalFitToPages ?? null;
      l.fitTall = value.verticalFitToPages ?? null;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.set("setPrintTitleRows", "1.9", (l) => (l.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    this.set("setPrintArea", "1.9", (l) => (l.printArea = area));
  }
}
