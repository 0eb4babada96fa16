/**
 * Workbook-level proxies of the fake host: Workbook, WorksheetCollection, Worksheet,
 * WorksheetProtection, TableCollection/Table, ChartCollection/Chart, SettingCollection/
 * Setting (ExcelApi 1.4) and Application (suspendScreenUpdatingUntilNextSync, 1.9).
 */
import { type Rect, parseAddress, qualifiedAddress } from "./address";
import { HostCollection, type HostContextCore, HostObject, type PropertySpec, maxVersion } from "./context";
import { HostError } from "./errors";
import type { ChartModel, SheetModel, TableModel, Visibility, WorkbookModel } from "./model";
import { LOCALES, type LocaleInfo } from "./locale";
import { HostAutoFilter, HostFreezePanes, HostPageLayout } from "./layout";
import { HostRange, HostRangeAreas, type Resolver, guardWrite, once } from "./range";

const model = (core: HostContextCore): WorkbookModel => core.env.model;

// ---- Worksheet ------------------------------------------------------------------------

export class HostWorksheetProtection extends HostObject implements Pick<Excel.WorksheetProtection, "protected"> {
  constructor(
    core: HostContextCore,
    api: string,
    private readonly sheet: Resolver<SheetModel>,
  ) {
    super(core, api, "WorksheetProtection");
  }
  protected exists(): boolean {
    return this.sheet() !== null;
  }
  protected properties(): Record<string, PropertySpec> {
    return { protected: { api: "1.2", read: () => (this.sheet() as SheetModel).protected } };
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protect(): void {
    this.queueWrite(
      "protect",
      "1.2",
      () => null,
      () => ((this.sheet() as SheetModel).protected = true),
    );
  }
  unprotect(): void {
    this.queueWrite(
      "unprotect",
      "1.2",
      () => null,
      () => ((this.sheet() as SheetModel).protected = false),
    );
  }
}

export class HostWorksheet
  extends HostObject
  implements Pick<Excel.Worksheet, "name" | "id" | "position" | "visibility">
{
  readonly protection: HostWorksheetProtection;
  readonly tables: HostTableCollection;
  readonly charts: HostChartCollection;
  private readonly sheet: Resolver<SheetModel>;

  constructor(core: HostContextCore, api: string, sheet: Resolver<SheetModel>) {
    super(core, api, "Worksheet");
    this.sheet = once(sheet);
    this.protection = new HostWorksheetProtection(core, maxVersion(api, "1.2"), this.sheet);
    this.tables = new HostTableCollection(core, api, this.sheet);
    this.charts = new HostChartCollection(core, api, this.sheet);
  }

  protected exists(): boolean {
    return this.sheet() !== null;
  }
  private get s(): SheetModel {
    return this.sheet() as SheetModel;
  }
  protected override child(name: string): HostObject | null {
    return name === "protection"
      ? this.protection
      : name === "tables"
        ? this.tables
        : name === "charts"
          ? this.charts
          : null;
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      name: { api: "1.1", read: () => this.s.name },
      id: { api: "1.1", read: () => this.s.id },
      position: { api: "1.1", read: () => model(this.core).sheets.indexOf(this.s) },
      visibility: { api: "1.1", read: () => this.s.visibility },
    };
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueWrite(
      "name",
      "1.1",
      () => value,
      () => {
        const other = model(this.core).sheet(value);
        if (other !== null && other !== this.s) throw new HostError("ItemAlreadyExists", undefined, "Worksheet.name");
        if (model(this.core).activeSheet === this.s.name) model(this.core).activeSheet = value;
        this.s.name = value;
      },
    );
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.queueWrite(
      "position",
      "1.1",
      () => value,
      () => {
        const sheets = model(this.core).sheets;
        sheets.splice(sheets.indexOf(this.s), 1);
        sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, this.s);
      },
    );
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.loaded("visibility");
  }
  set visibility(value: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    // Reading visibility is ExcelApi 1.1; setting it needs 1.2.
    this.queueWrite(
      "visibility",
      "1.2",
      () => value,
      () => {
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new HostError("InvalidArgument");
        if (model(this.core).structureProtected)
          throw new HostError("AccessDenied", "The workbook's structure is protected.", "Worksheet.visibility");
        if (
          value !== "Visible" &&
          model(this.core).sheets.filter((s) => s.visibility === "Visible" && s !== this.s).length === 0
        ) {
          throw new HostError("InvalidOperation", "A workbook must keep at least one visible sheet.");
        }
        this.s.visibility = value as Visibility;
      },
    );
  }

  private range(api: string, rect: (s: SheetModel) => Rect | null): HostRange {
    return new HostRange(this.core, maxVersion(this.api, api), () => {
      const s = this.sheet();
      if (s === null) return null;
      const r = rect(s);
      return r === null ? null : { sheet: s, rect: r };
    });
  }

  getRange(address?: string): HostRange {
    return this.range("1.1", (s) => {
      if (address === undefined || address === "") return { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
      const parsed = parseAddress(address);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new HostError("InvalidArgument", "The address names another sheet.");
      }
      return parsed.rect;
    });
  }
  getCell(row: number, column: number): HostRange {
    return this.range("1.1", () => ({ top: row, left: column, bottom: row, right: column }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return this.range("1.7", () => ({
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    }));
  }
  getUsedRange(valuesOnly?: boolean): HostRange {
    // Office returns A1 for a blank sheet.
    return this.range(
      valuesOnly === undefined ? "1.1" : "1.2",
      (s) => s.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return this.range("1.4", (s) => s.usedRect(valuesOnly === true));
  }
  // View and print set-up (test/host/layout.ts).
  get freezePanes(): HostFreezePanes {
    return new HostFreezePanes(this.core, this.sheet);
  }
  get autoFilter(): HostAutoFilter {
    return new HostAutoFilter(this.core, this.sheet);
  }
  get pageLayout(): HostPageLayout {
    return new HostPageLayout(this.core, this.sheet);
  }
  getRanges(address: string): HostRangeAreas {
    return HostRangeAreas.fromAddress(this.core, maxVersion(this.api, "1.9"), this.sheet, address);
  }
  activate(): void {
    this.queueAction("activate", "1.1", () => {
      if (this.s.visibility !== "Visible") throw new HostError("InvalidOperation", "Cannot activate a hidden sheet.");
      model(this.core).activeSheet = this.s.name;
    });
  }
  delete(): void {
    this.queueWrite(
      "delete",
      "1.1",
      () => null,
      () => {
        const m = model(this.core);
        if (m.structureProtected)
          throw new HostError("AccessDenied", "The workbook's structure is protected.", "Worksheet.delete");
        m.sheets.splice(m.sheets.indexOf(this.s), 1);
        this.core.env.stats.sheetDeletes++;
      },
    );
  }
}

export class HostWorksheetCollection extends HostCollection<HostWorksheet> {
  constructor(core: HostContextCore, api: string) {
    super(core, api, "WorksheetCollection");
  }
  protected enumerate(): HostWorksheet[] {
    return model(this.core).sheets.map((s) => new HostWorksheet(this.core, this.api, () => s));
  }
  getItem(key: string): HostWorksheet {
    return new HostWorksheet(this.core, this.api, () => {
      const m = model(this.core);
      const s = m.sheet(key) ?? m.sheets.find((x) => x.id === key) ?? null;
      if (s === null) throw new HostError("ItemNotFound", undefined, `WorksheetCollection.getItem(${key})`);
      return s;
    });
  }
  getItemOrNullObject(key: string): HostWorksheet {
    return new HostWorksheet(this.core, maxVersion(this.api, "1.4"), () => {
      const m = model(this.core);
      return m.sheet(key) ?? m.sheets.find((x) => x.id === key) ?? null;
    });
  }
  getActiveWorksheet(): HostWorksheet {
    return new HostWorksheet(this.core, this.api, () => {
      const m = model(this.core);
      return m.sheet(m.activeSheet ?? "") ?? m.sheets[0] ?? null;
    });
  }
  getCount(): { value: number } {
    return this.queueResult("getCount", "1.4", () => model(this.core).sheets.length);
  }
  add(name?: string): HostWorksheet {
    let created: SheetModel | null = null;
    const m = model(this.core);
    const sheet = new HostWorksheet(this.core, this.api, () => {
      if (created === null) throw new HostError("ItemNotFound", undefined, "WorksheetCollection.add");
      return created;
    });
    this.queueWrite(
      "add",
      "1.1",
      () => name ?? null,
      () => {
        let chosen = name;
        if (chosen === undefined) {
          let n = m.sheets.length + 1;
          while (m.sheet(`Sheet${n}`) !== null) n++;
          chosen = `Sheet${n}`;
        }
        if (m.structureProtected)
          throw new HostError("AccessDenied", "The workbook's structure is protected.", "WorksheetCollection.add");
        if (m.sheet(chosen) !== null) throw new HostError("ItemAlreadyExists", undefined, "WorksheetCollection.add");
        if (chosen.length > 31 || /[\\/?*[\]:]/.test(chosen)) throw new HostError("InvalidArgument", "Bad sheet name.");
        created = m.addSheet(chosen);
      },
    );
    return sheet;
  }
}

// ---- Tables -------------------------------------------------------------------------

export class HostTable
  extends HostObject
  implements Pick<Excel.Table, "name" | "id" | "showHeaders" | "showFilterButton">
{
  private readonly table: Resolver<{ sheet: SheetModel; table: TableModel }>;
  constructor(core: HostContextCore, api: string, table: Resolver<{ sheet: SheetModel; table: TableModel }>) {
    super(core, api, "Table");
    this.table = once(table);
  }
  protected exists(): boolean {
    return this.table() !== null;
  }
  private get t(): { sheet: SheetModel; table: TableModel } {
    return this.table() as { sheet: SheetModel; table: TableModel };
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      name: { api: "1.1", read: () => this.t.table.name },
      id: { api: "1.1", read: () => String(this.t.table.id) },
      showHeaders: { api: "1.1", read: () => this.t.table.showHeaders },
      showFilterButton: { api: "1.3", read: () => this.t.table.showFilters },
    };
  }
  get name(): string {
    return this.loaded("name");
  }
  get id(): string {
    return this.loaded("id");
  }
  get showHeaders(): boolean {
    return this.loaded("showHeaders");
  }
  get showFilterButton(): boolean {
    return this.loaded("showFilterButton");
  }
  private part(which: "all" | "header" | "body"): HostRange {
    return new HostRange(this.core, this.api, () => {
      const t = this.table();
      if (t === null) return null;
      const { rect, showHeaders } = t.table;
      const headerRows = showHeaders ? 1 : 0;
      if (which === "header") {
        if (!showHeaders) throw new HostError("ItemNotFound", undefined, "Table.getHeaderRowRange");
        return { sheet: t.sheet, rect: { ...rect, bottom: rect.top } };
      }
      if (which === "body") return { sheet: t.sheet, rect: { ...rect, top: rect.top + headerRows } };
      return { sheet: t.sheet, rect };
    });
  }
  getRange(): HostRange {
    return this.part("all");
  }
  getHeaderRowRange(): HostRange {
    return this.part("header");
  }
  getDataBodyRange(): HostRange {
    return this.part("body");
  }
}

export class HostTableCollection extends HostCollection<HostTable> {
  constructor(
    core: HostContextCore,
    api: string,
    /** null: the workbook's tables. */
    private readonly sheet: Resolver<SheetModel> | null,
  ) {
    super(core, api, "TableCollection");
  }
  private all(): { sheet: SheetModel; table: TableModel }[] {
    const sheets =
      this.sheet === null ? model(this.core).sheets : [this.sheet()].filter((s): s is SheetModel => s !== null);
    return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  protected override properties(): Record<string, PropertySpec> {
    return { count: { api: "1.1", read: () => this.all().length } };
  }
  get count(): number {
    return this.loaded("count");
  }
  protected enumerate(): HostTable[] {
    return this.all().map((t) => new HostTable(this.core, this.api, () => t));
  }
  getItem(key: string): HostTable {
    return new HostTable(this.core, this.api, () => {
      const found = this.all().find(
        (t) => t.table.name.toLowerCase() === key.toLowerCase() || String(t.table.id) === key,
      );
      if (found === undefined) throw new HostError("ItemNotFound", undefined, `TableCollection.getItem(${key})`);
      return found;
    });
  }
  getItemOrNullObject(key: string): HostTable {
    return new HostTable(
      this.core,
      maxVersion(this.api, "1.4"),
      () => this.all().find((t) => t.table.name.toLowerCase() === key.toLowerCase()) ?? null,
    );
  }
}

// ---- Charts -------------------------------------------------------------------------

export class HostChartTitle extends HostObject implements Pick<Excel.ChartTitle, "text"> {
  constructor(
    core: HostContextCore,
    api: string,
    private readonly chart: Resolver<{ sheet: SheetModel; chart: ChartModel }>,
  ) {
    super(core, api, "ChartTitle");
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  protected properties(): Record<string, PropertySpec> {
    return { text: { api: "1.1", read: () => this.chart()?.chart.title ?? "" } };
  }
  get text(): string {
    return this.loaded("text");
  }
  set text(value: string) {
    this.queueWrite(
      "text",
      "1.1",
      () => value,
      () => {
        const c = this.chart() as { sheet: SheetModel; chart: ChartModel };
        guardWrite(c.sheet, "ChartTitle.text");
        c.chart.title = value;
      },
    );
  }
}

export class HostChart extends HostObject implements Pick<Excel.Chart, "name"> {
  readonly title: HostChartTitle;
  private readonly chart: Resolver<{ sheet: SheetModel; chart: ChartModel }>;
  constructor(core: HostContextCore, api: string, chart: Resolver<{ sheet: SheetModel; chart: ChartModel }>) {
    super(core, api, "Chart");
    this.chart = once(chart);
    this.title = new HostChartTitle(core, api, this.chart);
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  private get c(): { sheet: SheetModel; chart: ChartModel } {
    return this.chart() as { sheet: SheetModel; chart: ChartModel };
  }
  protected override child(name: string): HostObject | null {
    return name === "title" ? this.title : null;
  }
  protected properties(): Record<string, PropertySpec> {
    return { name: { api: "1.1", read: () => this.c.chart.name } };
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueWrite(
      "name",
      "1.1",
      () => value,
      () => {
        guardWrite(this.c.sheet, "Chart.name");
        this.c.chart.name = value;
      },
    );
  }
  setPosition(startCell: HostRange | string, endCell?: HostRange | string): void {
    const text = (x: HostRange | string | undefined): string =>
      x === undefined ? "" : typeof x === "string" ? x : qualifiedAddress(this.c.sheet.name, x.resolved(this.c.sheet));
    this.queueWrite(
      "setPosition",
      "1.1",
      () => [String(startCell), String(endCell)],
      () => {
        guardWrite(this.c.sheet, "Chart.setPosition");
        this.c.chart.position = { start: text(startCell), end: text(endCell) };
      },
    );
  }
  delete(): void {
    this.queueWrite(
      "delete",
      "1.1",
      () => null,
      () => {
        guardWrite(this.c.sheet, "Chart.delete");
        this.c.sheet.charts.splice(this.c.sheet.charts.indexOf(this.c.chart), 1);
      },
    );
  }
}

export class HostChartCollection extends HostCollection<HostChart> {
  constructor(
    core: HostContextCore,
    api: string,
    private readonly sheet: Resolver<SheetModel>,
  ) {
    super(core, api, "ChartCollection");
  }
  protected override exists(): boolean {
    return this.sheet() !== null;
  }
  protected override properties(): Record<string, PropertySpec> {
    return { count: { api: "1.1", read: () => (this.sheet() as SheetModel).charts.length } };
  }
  get count(): number {
    return this.loaded("count");
  }
  protected enumerate(): HostChart[] {
    const sheet = this.sheet() as SheetModel;
    return sheet.charts.map((chart) => new HostChart(this.core, this.api, () => ({ sheet, chart })));
  }
  getItem(name: string): HostChart {
    return new HostChart(this.core, this.api, () => {
      const sheet = this.sheet() as SheetModel;
      const chart = sheet.charts.find((c) => c.name === name);
      if (chart === undefined) throw new HostError("ItemNotFound", undefined, `ChartCollection.getItem(${name})`);
      return { sheet, chart };
    });
  }
  add(type: string, sourceData: HostRange, seriesBy: string = "Auto"): HostChart {
    let created: { sheet: SheetModel; chart: ChartModel } | null = null;
    const chart = new HostChart(this.core, this.api, () => created);
    this.queueWrite(
      "add",
      "1.1",
      () => [type, seriesBy],
      () => {
        const sheet = this.sheet() as SheetModel;
        guardWrite(sheet, "ChartCollection.add");
        const source = sourceData.resolveTarget();
        const m = model(this.core);
        const id = m.nextChartId++;
        const made: ChartModel = {
          id,
          name: `Chart ${id}`,
          type,
          sourceAddress: qualifiedAddress(source.sheet.name, source.rect),
          seriesBy,
          title: "",
          position: null,
        };
        sheet.charts.push(made);
        created = { sheet, chart: made };
      },
    );
    return chart;
  }
}

// ---- Settings (ExcelApi 1.4) ----------------------------------------------------------

export class HostSetting extends HostObject implements Pick<Excel.Setting, "key" | "value"> {
  constructor(
    core: HostContextCore,
    api: string,
    private readonly settingKey: Resolver<string>,
  ) {
    super(core, api, "Setting");
  }
  protected exists(): boolean {
    return this.settingKey() !== null;
  }
  protected properties(): Record<string, PropertySpec> {
    const key = (): string => this.settingKey() as string;
    return {
      key: { api: "1.4", read: key },
      value: { api: "1.4", read: () => JSON.parse(model(this.core).settings.get(key()) as string) as unknown },
    };
  }
  get key(): string {
    return this.loaded("key");
  }
  get value(): any {
    return this.loaded("value");
  }
  set value(v: any) {
    this.queueWrite(
      "value",
      "1.4",
      () => v,
      () => model(this.core).settings.set(this.settingKey() as string, JSON.stringify(v)),
    );
  }
  delete(): void {
    this.queueWrite(
      "delete",
      "1.4",
      () => null,
      () => model(this.core).settings.delete(this.settingKey() as string),
    );
  }
}

export class HostSettingCollection extends HostCollection<HostSetting> {
  constructor(core: HostContextCore, api: string) {
    super(core, maxVersion(api, "1.4"), "SettingCollection");
  }
  protected enumerate(): HostSetting[] {
    return [...model(this.core).settings.keys()].map((k) => new HostSetting(this.core, this.api, () => k));
  }
  add(key: string, value: unknown): HostSetting {
    this.queueWrite(
      "add",
      "1.4",
      () => [key, value],
      () => {
        if (value === undefined) throw new HostError("InvalidArgument");
        model(this.core).settings.set(key, JSON.stringify(value));
      },
    );
    return new HostSetting(this.core, this.api, () => (model(this.core).settings.has(key) ? key : null));
  }
  getItem(key: string): HostSetting {
    return new HostSetting(this.core, this.api, () => {
      if (!model(this.core).settings.has(key))
        throw new HostError("ItemNotFound", undefined, `SettingCollection.getItem(${key})`);
      return key;
    });
  }
  getItemOrNullObject(key: string): HostSetting {
    return new HostSetting(this.core, this.api, () => (model(this.core).settings.has(key) ? key : null));
  }
}

// ---- Application & Workbook ---------------------------------------------------------

/** Application.cultureInfo.numberFormat (ExcelApi 1.11): the locale's separators. */
export class HostNumberFormatInfo
  extends HostObject
  implements Pick<Excel.NumberFormatInfo, "numberDecimalSeparator" | "numberGroupSeparator">
{
  constructor(core: HostContextCore) {
    super(core, "1.11", "NumberFormatInfo");
  }
  protected exists(): boolean {
    return true;
  }
  protected properties(): Record<string, PropertySpec> {
    const info = (): LocaleInfo => LOCALES[this.core.env.config.locale];
    return {
      numberDecimalSeparator: { api: "1.11", read: () => info().decimal },
      numberGroupSeparator: { api: "1.11", read: () => info().group },
    };
  }
  get numberDecimalSeparator(): string {
    return this.loaded("numberDecimalSeparator");
  }
  get numberGroupSeparator(): string {
    return this.loaded("numberGroupSeparator");
  }
}

/** Application.cultureInfo (ExcelApi 1.11): the user's regional format. */
export class HostCultureInfo extends HostObject implements Pick<Excel.CultureInfo, "name"> {
  readonly numberFormat: HostNumberFormatInfo;
  constructor(core: HostContextCore) {
    super(core, "1.11", "CultureInfo");
    this.numberFormat = new HostNumberFormatInfo(core);
  }
  protected exists(): boolean {
    return true;
  }
  protected override children(): Record<string, HostObject> {
    return { numberFormat: this.numberFormat };
  }
  protected override defaultLoad(): string[] {
    return ["name"];
  }
  protected properties(): Record<string, PropertySpec> {
    return { name: { api: "1.11", read: () => LOCALES[this.core.env.config.locale].name } };
  }
  get name(): string {
    return this.loaded("name");
  }
}

export class HostApplication extends HostObject implements Pick<Excel.Application, "calculationMode"> {
  readonly cultureInfo: HostCultureInfo;
  constructor(core: HostContextCore, api: string) {
    super(core, api, "Application");
    this.cultureInfo = new HostCultureInfo(core);
  }
  protected exists(): boolean {
    return true;
  }
  protected override children(): Record<string, HostObject> {
    return { cultureInfo: this.cultureInfo };
  }
  protected properties(): Record<string, PropertySpec> {
    return { calculationMode: { api: "1.1", read: () => "Automatic" } };
  }
  get calculationMode(): Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual" {
    return this.loaded("calculationMode");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queueAction("suspendScreenUpdatingUntilNextSync", "1.9", () => undefined);
  }
}

export class HostWorkbookProtection extends HostObject implements Pick<Excel.WorkbookProtection, "protected"> {
  constructor(core: HostContextCore) {
    super(core, "1.7", "WorkbookProtection");
  }
  protected exists(): boolean {
    return true;
  }
  protected properties(): Record<string, PropertySpec> {
    return { protected: { api: "1.7", read: () => model(this.core).structureProtected } };
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
}

export class HostWorkbook extends HostObject implements Pick<Excel.Workbook, "name" | "readOnly"> {
  readonly worksheets: HostWorksheetCollection;
  readonly application: HostApplication;
  readonly tables: HostTableCollection;
  /** ExcelApi 1.7. */
  readonly protection: HostWorkbookProtection;
  private settingsProxy: HostSettingCollection | null = null;

  constructor(core: HostContextCore) {
    super(core, "1.1", "Workbook");
    this.worksheets = new HostWorksheetCollection(core, "1.1");
    this.application = new HostApplication(core, "1.1");
    this.tables = new HostTableCollection(core, "1.1", null);
    this.protection = new HostWorkbookProtection(core);
  }
  /** ExcelApi 1.4: on an older host, any use of it fails at sync with ApiNotFound. */
  get settings(): HostSettingCollection {
    this.settingsProxy ??= new HostSettingCollection(this.core, "1.4");
    return this.settingsProxy;
  }
  protected exists(): boolean {
    return true;
  }
  protected override child(name: string): HostObject | null {
    return name === "worksheets"
      ? this.worksheets
      : name === "application"
        ? this.application
        : name === "tables"
          ? this.tables
          : name === "settings"
            ? this.settings
            : null;
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      name: { api: "1.7", read: () => "Book1.xlsx" },
      readOnly: { api: "1.8", read: () => model(this.core).readOnly },
    };
  }
  get name(): string {
    return this.loaded("name");
  }
  get readOnly(): boolean {
    return this.loaded("readOnly");
  }
  getSelectedRange(): HostRange {
    return new HostRange(this.core, "1.1", () => {
      const m = model(this.core);
      const sel = m.selection;
      if (sel !== null) {
        const sheet = m.sheet(sel.sheet);
        if (sheet !== null) return { sheet, rect: sel.rect };
      }
      const sheet = m.sheet(m.activeSheet ?? "") ?? m.sheets[0];
      return { sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}
