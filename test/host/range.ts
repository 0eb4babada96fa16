/**
 * Range, RangeAreas and their formats (RangeFormat, RangeFill, RangeFont) in the fake host.
 * Scalar properties follow the shapes of @types/office-js (checked by `implements Pick<...>`).
 */
import {
  type Rect,
  cellAddress,
  parseAddress,
  parseAreas,
  qualifiedAddress,
  rectCells,
  rectColumns,
  rectRows,
  MAX_COLUMNS,
  MAX_ROWS,
} from "./address";
import {
  HostCollection,
  type HostConfig,
  type HostContextCore,
  HostObject,
  type PropertySpec,
  maxVersion,
} from "./context";
import { HostError } from "./errors";
import { toExcelNumber, typedInput } from "./input";
import { invariantFormat, invariantFormula, localFormat, localFormula, shownText } from "./locale";
import { type HyperlinkModel, type SheetModel, type StoredValue, isErrorValue } from "./model";

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}
export interface AreasTarget {
  readonly sheet: SheetModel;
  readonly rects: readonly Rect[];
}

/** Resolves at sync; null for a null object; throws ItemNotFound for a missing item. */
export type Resolver<T> = () => T | null;

/** Remembers the first resolution: a Range proxy keeps pointing at the same cells. */
export function once<T>(resolve: Resolver<T>): Resolver<T> {
  let done = false;
  let value: T | null = null;
  return () => {
    if (!done) {
      value = resolve();
      done = true;
    }
    return value;
  };
}

export function guardWrite(sheet: SheetModel, what: string): void {
  if (sheet.protected) {
    throw new HostError(
      "AccessDenied",
      "The cell or chart you're trying to change is protected and therefore read-only.",
      what,
    );
  }
}

function forEachCell(rect: Rect, fn: (row: number, column: number, i: number, j: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) fn(r, c, r - rect.top, c - rect.left);
  }
}

function grid<T>(rect: Rect, fn: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: T[] = new Array<T>(rectColumns(rect));
    for (let c = rect.left; c <= rect.right; c++) line[c - rect.left] = fn(r, c);
    out.push(line);
  }
  return out;
}

const shownValue = (v: StoredValue | null): string | number | boolean =>
  v === null ? "" : isErrorValue(v) ? v.error : v;

/** Range.text: errors as their text, the rest as the locale shows it through the format. */
const cellText = (v: StoredValue | null, format: string, locale: HostConfig["locale"]): string =>
  isErrorValue(v) ? v.error : shownText(v, format, locale);

function valueType(v: StoredValue | null): string {
  if (v === null) return "Empty";
  if (isErrorValue(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/** One value for many cells: the common value, or null when they differ (as Office does). */
/**
 * A cell's fill as Office reports it: "no fill" reads as white. In the "real-excel" mode
 * the pattern is null for no fill and a white fill alike (office-js #4900, #6218).
 */
export function fillReport(
  core: HostContextCore,
  sheet: SheetModel,
  row: number,
  column: number,
): { color: string; pattern: string | null; tintAndShade: number | null } {
  const fill = sheet.fill(row, column);
  const real = core.env.config.fillReporting === "real-excel";
  return {
    color: fill ?? "#FFFFFF",
    pattern: real ? null : fill === null ? "None" : "Solid",
    tintAndShade: fill === null ? null : 0,
  };
}

function uniform<T>(sheet: SheetModel, rects: readonly Rect[], read: (row: number, column: number) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const rect of rects) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const v = read(r, c);
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    }
  }
  return value;
}

const NAMED_COLORS: Record<string, string> = {
  yellow: "#FFFF00",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  white: "#FFFFFF",
  black: "#000000",
  orange: "#FFA500",
};

/** Colours as the model keeps them, one string per colour (fills are set cell by cell: a million cells share a few). */
const COLORS = new Map<string, string>();

export function normalizeColor(color: unknown): string {
  if (typeof color !== "string") throw new HostError("InvalidArgument", `Bad color ${String(color)}`);
  const known = COLORS.get(color);
  if (known !== undefined) return known;
  const normal = parseColor(color);
  // Bounded: a test that writes many distinct colours does not grow it for ever.
  if (COLORS.size < 1_000) COLORS.set(color, normal);
  return normal;
}

function parseColor(color: string): string {
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named !== undefined) return named;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(color);
  if (!hex) throw new HostError("InvalidArgument", `Bad color "${color}"`);
  return `#${hex[1].toUpperCase()}`;
}

/** Values written through `values` or `formulas`: a 2-D array of the range's size, or one value for all. */
function writeCells(
  sheet: SheetModel,
  rect: Rect,
  input: unknown,
  apply: (row: number, column: number, v: unknown) => void,
): void {
  if (Array.isArray(input)) {
    if (
      input.length !== rectRows(rect) ||
      input.some((row) => !Array.isArray(row) || row.length !== rectColumns(rect))
    ) {
      throw new HostError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    forEachCell(rect, (r, c, i, j) => {
      const v = (input[i] as unknown[])[j];
      // null inside the array leaves the cell as it is.
      if (v !== null && v !== undefined) apply(r, c, v);
    });
  } else if (input !== null && input !== undefined) forEachCell(rect, (r, c) => apply(r, c, input));
}

function writeValue(sheet: SheetModel, row: number, column: number, v: unknown): void {
  if (typeof v === "number") sheet.setValue(row, column, toExcelNumber(v));
  else if (typeof v === "boolean") sheet.setValue(row, column, v);
  else if (typeof v === "string") {
    const typed = typedInput(v, sheet.numberFormat(row, column), true);
    if (typed.format !== undefined) sheet.setNumberFormat(row, column, typed.format);
    if (typed.formula !== undefined) sheet.setFormula(row, column, typed.formula, typed.value);
    else sheet.setValue(row, column, typed.value);
  } else throw new HostError("InvalidArgument", `Cannot write ${typeof v} to a cell`);
}

function clearRect(sheet: SheetModel, rect: Rect, applyTo: string): void {
  forEachCell(rect, (r, c) => {
    if (applyTo === "All" || applyTo === "Contents") sheet.setValue(r, c, null);
    if (applyTo === "All" || applyTo === "Formats") sheet.clearFormats(r, c);
    if (applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") sheet.setHyperlink(r, c, null);
  });
}

const CLEAR_API: Record<string, string> = {
  All: "1.1",
  Formats: "1.1",
  Contents: "1.1",
  Hyperlinks: "1.7",
  RemoveHyperlinks: "1.7",
};

// ---- RangeFill / RangeFont / RangeFormat ------------------------------------------

/** A part of a range's format (fill, font, format) over one or several areas. */
abstract class HostFormatPart extends HostObject {
  constructor(
    core: HostContextCore,
    api: string,
    typeName: string,
    protected readonly target: Resolver<AreasTarget>,
  ) {
    super(core, api, typeName);
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected get t(): AreasTarget {
    return this.target() as AreasTarget;
  }
  /** Queues a write applied to every cell of every area. */
  protected apply(label: string, api: string, value: unknown, fn: (row: number, column: number) => void): void {
    this.queueWrite(
      label,
      api,
      () => value,
      () => {
        guardWrite(this.t.sheet, label);
        for (const rect of this.t.rects) forEachCell(rect, fn);
      },
    );
  }
}

export class HostRangeFill extends HostFormatPart implements Pick<Excel.RangeFill, "color"> {
  constructor(core: HostContextCore, api: string, target: Resolver<AreasTarget>) {
    super(core, api, "RangeFill", target);
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      // Office reports "no fill" as white, and null when the cells differ.
      color: {
        api: "1.1",
        read: () => uniform(this.t.sheet, this.t.rects, (r, c) => fillReport(this.core, this.t.sheet, r, c).color),
      },
      pattern: {
        api: "1.9",
        read: () => uniform(this.t.sheet, this.t.rects, (r, c) => fillReport(this.core, this.t.sheet, r, c).pattern),
      },
      tintAndShade: {
        api: "1.9",
        read: () =>
          uniform(this.t.sheet, this.t.rects, (r, c) => fillReport(this.core, this.t.sheet, r, c).tintAndShade),
      },
    };
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.apply("color", "1.1", value, (r, c) => this.t.sheet.setFill(r, c, normalizeColor(value)));
  }
  get pattern(): string {
    return this.loaded("pattern");
  }
  get tintAndShade(): number | null {
    return this.loaded("tintAndShade");
  }
  clear(): void {
    this.apply("clear", "1.1", null, (r, c) => this.t.sheet.setFill(r, c, null));
  }
}

export class HostRangeFont extends HostFormatPart implements Pick<Excel.RangeFont, "bold" | "color" | "italic"> {
  constructor(core: HostContextCore, api: string, target: Resolver<AreasTarget>) {
    super(core, api, "RangeFont", target);
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      bold: { api: "1.1", read: () => uniform(this.t.sheet, this.t.rects, (r, c) => this.t.sheet.isBold(r, c)) },
      color: { api: "1.1", read: () => uniform(this.t.sheet, this.t.rects, (r, c) => this.t.sheet.fontColor(r, c)) },
      italic: {
        api: "1.1",
        read: () => uniform(this.t.sheet, this.t.rects, (r, c) => this.t.sheet.extraFormat(r, c, "italic") === true),
      },
      size: {
        api: "1.1",
        read: () =>
          uniform(
            this.t.sheet,
            this.t.rects,
            (r, c) => (this.t.sheet.extraFormat(r, c, "fontSize") as number | null) ?? 11,
          ),
      },
    };
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.apply("bold", "1.1", value, (r, c) => this.t.sheet.setBold(r, c, value === true));
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.apply("color", "1.1", value, (r, c) => this.t.sheet.setFontColor(r, c, normalizeColor(value)));
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(value: boolean) {
    this.apply("italic", "1.1", value, (r, c) => this.t.sheet.setExtraFormat(r, c, "italic", value === true));
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(value: number) {
    this.apply("size", "1.1", value, (r, c) => this.t.sheet.setExtraFormat(r, c, "fontSize", value));
  }
}

/** One edge of the cells' borders (RangeBorder, ExcelApi 1.1); kept as the extra format "border:<edge>". */
export class HostRangeBorder extends HostFormatPart implements Pick<Excel.RangeBorder, "style"> {
  constructor(
    core: HostContextCore,
    api: string,
    target: Resolver<AreasTarget>,
    private readonly edge: string,
  ) {
    super(core, api, "RangeBorder", target);
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      style: {
        api: "1.1",
        read: () =>
          uniform(
            this.t.sheet,
            this.t.rects,
            (r, c) => (this.t.sheet.extraFormat(r, c, `border:${this.edge}`) as string | null) ?? "None",
          ),
      },
    };
  }
  get style():
    | Excel.BorderLineStyle
    | "None"
    | "Continuous"
    | "Dash"
    | "DashDot"
    | "DashDotDot"
    | "Dot"
    | "Double"
    | "SlantDashDot" {
    return this.loaded("style");
  }
  set style(value: string) {
    this.apply(`border ${this.edge}`, "1.1", value, (r, c) =>
      this.t.sheet.setExtraFormat(r, c, `border:${this.edge}`, value === "None" ? null : value),
    );
  }
}

/** RangeBorderCollection: only getItem, which the add-in uses. */
export class HostRangeBorders {
  constructor(
    private readonly core: HostContextCore,
    private readonly api: string,
    private readonly target: Resolver<AreasTarget>,
  ) {}
  getItem(index: string): HostRangeBorder {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];
    if (!edges.includes(index)) throw new HostError("InvalidArgument", `Bad border index ${index}`);
    return new HostRangeBorder(this.core, this.api, this.target, index);
  }
}

export class HostRangeFormat
  extends HostFormatPart
  implements Pick<Excel.RangeFormat, "columnWidth" | "wrapText" | "horizontalAlignment">
{
  readonly fill: HostRangeFill;
  readonly font: HostRangeFont;
  readonly borders: HostRangeBorders;

  constructor(core: HostContextCore, api: string, target: Resolver<AreasTarget>) {
    super(core, api, "RangeFormat", target);
    this.fill = new HostRangeFill(core, api, target);
    this.font = new HostRangeFont(core, api, target);
    this.borders = new HostRangeBorders(core, api, target);
  }
  protected override child(name: string): HostObject | null {
    return name === "fill" ? this.fill : name === "font" ? this.font : null;
  }
  protected properties(): Record<string, PropertySpec> {
    const width = (): number | null => {
      let out: number | null | undefined;
      for (const rect of this.t.rects) {
        for (let c = rect.left; c <= rect.right; c++) {
          const w = this.t.sheet.columnWidths.get(c) ?? 48;
          if (out === undefined) out = w;
          else if (out !== w) return null;
        }
      }
      return out ?? null;
    };
    return {
      columnWidth: { api: "1.2", read: width },
      wrapText: {
        api: "1.1",
        read: () => uniform(this.t.sheet, this.t.rects, (r, c) => this.t.sheet.extraFormat(r, c, "wrapText") === true),
      },
      verticalAlignment: {
        api: "1.1",
        read: () =>
          uniform(
            this.t.sheet,
            this.t.rects,
            (r, c) => (this.t.sheet.extraFormat(r, c, "verticalAlignment") as string | null) ?? "Bottom",
          ),
      },
      horizontalAlignment: {
        api: "1.1",
        read: () =>
          uniform(
            this.t.sheet,
            this.t.rects,
            (r, c) => (this.t.sheet.extraFormat(r, c, "horizontalAlignment") as string | null) ?? "General",
          ),
      },
    };
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(value: number) {
    this.queueWrite(
      "columnWidth",
      "1.2",
      () => value,
      () => {
        guardWrite(this.t.sheet, "RangeFormat.columnWidth");
        if (typeof value !== "number" || !(value >= 0)) throw new HostError("InvalidArgument", "Bad column width");
        for (const rect of this.t.rects)
          for (let c = rect.left; c <= rect.right; c++) this.t.sheet.columnWidths.set(c, value);
      },
    );
  }
  get wrapText(): boolean {
    return this.loaded("wrapText");
  }
  set wrapText(value: boolean) {
    this.apply("wrapText", "1.1", value, (r, c) => this.t.sheet.setExtraFormat(r, c, "wrapText", value === true));
  }
  get horizontalAlignment():
    | Excel.HorizontalAlignment
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed" {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(
    value:
      | Excel.HorizontalAlignment
      | "General"
      | "Left"
      | "Center"
      | "Right"
      | "Fill"
      | "Justify"
      | "CenterAcrossSelection"
      | "Distributed",
  ) {
    this.apply("horizontalAlignment", "1.1", value, (r, c) =>
      this.t.sheet.setExtraFormat(r, c, "horizontalAlignment", value),
    );
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Center" | "Bottom" | "Top" | "Justify" | "Distributed" {
    return this.loaded("verticalAlignment");
  }
  set verticalAlignment(value: Excel.VerticalAlignment | "Center" | "Bottom" | "Top" | "Justify" | "Distributed") {
    this.apply("verticalAlignment", "1.1", value, (r, c) =>
      this.t.sheet.setExtraFormat(r, c, "verticalAlignment", value === "Bottom" ? null : value),
    );
  }
  autofitColumns(): void {
    this.queueWrite(
      "autofitColumns",
      "1.2",
      () => null,
      () => guardWrite(this.t.sheet, "RangeFormat.autofitColumns"),
    );
  }
  autofitRows(): void {
    this.queueWrite(
      "autofitRows",
      "1.2",
      () => null,
      () => guardWrite(this.t.sheet, "RangeFormat.autofitRows"),
    );
  }
}

// ---- Range ----------------------------------------------------------------------------

type RangeScalars =
  | "values"
  | "formulas"
  | "formulasLocal"
  | "numberFormat"
  | "numberFormatLocal"
  | "address"
  | "addressLocal"
  | "cellCount"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "valueTypes"
  | "text"
  | "rowHidden"
  | "columnHidden"
  | "hidden"
  | "hyperlink"
  | "isEntireColumn"
  | "isEntireRow";

export interface CellPropertiesRequest {
  address?: boolean;
  format?: {
    fill?: { color?: boolean; pattern?: boolean; tintAndShade?: boolean };
    font?: { bold?: boolean; color?: boolean };
  };
}

export class HostRange extends HostObject implements Pick<Excel.Range, RangeScalars> {
  readonly format: HostRangeFormat;
  private readonly target: Resolver<RangeTarget>;

  constructor(core: HostContextCore, api: string, target: Resolver<RangeTarget>) {
    super(core, api, "Range");
    this.target = once(target);
    this.format = new HostRangeFormat(core, api, () => {
      const t = this.target();
      return t === null ? null : { sheet: t.sheet, rects: [t.rect] };
    });
  }

  protected exists(): boolean {
    return this.target() !== null;
  }
  private get t(): RangeTarget {
    return this.target() as RangeTarget;
  }
  protected override child(name: string): HostObject | null {
    return name === "format" ? this.format : null;
  }
  protected override defaultLoad(): string[] {
    return [
      "address",
      "addressLocal",
      "cellCount",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "text",
      "rowHidden",
      "columnHidden",
      "hidden",
    ];
  }

  protected properties(): Record<string, PropertySpec> {
    const t = (): RangeTarget => this.t;
    const cells = (): number => rectCells(t().rect);
    const s = (): SheetModel => t().sheet;
    const config = (): HostConfig => this.core.env.config;
    const rowsHidden = (): boolean | null => {
      let hidden = 0;
      const { top, bottom } = t().rect;
      for (let r = top; r <= bottom; r++) if (s().hiddenRows.has(r)) hidden++;
      return hidden === 0 ? false : hidden === bottom - top + 1 ? true : null;
    };
    return {
      address: { api: "1.1", read: () => qualifiedAddress(s().name, t().rect) },
      addressLocal: { api: "1.1", read: () => qualifiedAddress(s().name, t().rect) },
      cellCount: { api: "1.1", read: () => rectCells(t().rect) },
      rowCount: { api: "1.1", read: () => rectRows(t().rect) },
      columnCount: { api: "1.1", read: () => rectColumns(t().rect) },
      rowIndex: { api: "1.1", read: () => t().rect.top },
      columnIndex: { api: "1.1", read: () => t().rect.left },
      values: { api: "1.1", cells, read: () => grid(t().rect, (r, c) => shownValue(s().value(r, c))) },
      valueTypes: { api: "1.1", cells, read: () => grid(t().rect, (r, c) => valueType(s().value(r, c))) },
      formulas: {
        api: "1.1",
        cells,
        read: () => grid(t().rect, (r, c) => s().formula(r, c) ?? shownValue(s().value(r, c))),
      },
      numberFormat: {
        api: "1.1",
        cells,
        read: () =>
          grid(t().rect, (r, c) =>
            config().numberFormatReporting === "account-locale"
              ? localFormat(s().numberFormat(r, c), config().locale)
              : s().numberFormat(r, c),
          ),
      },
      numberFormatLocal: {
        api: "1.7",
        cells,
        read: () => grid(t().rect, (r, c) => localFormat(s().numberFormat(r, c), config().locale)),
      },
      formulasLocal: {
        api: "1.1",
        cells,
        read: () =>
          grid(t().rect, (r, c) => {
            const f = s().formula(r, c);
            return f === null ? shownValue(s().value(r, c)) : localFormula(f, config().locale);
          }),
      },
      text: {
        api: "1.1",
        cells,
        read: () => grid(t().rect, (r, c) => cellText(s().value(r, c), s().numberFormat(r, c), config().locale)),
      },
      rowHidden: { api: "1.2", read: rowsHidden },
      columnHidden: { api: "1.2", read: () => false },
      hidden: { api: "1.2", read: () => rowsHidden() === true },
      hyperlink: { api: "1.7", read: () => s().hyperlink(t().rect.top, t().rect.left) },
      isEntireColumn: { api: "1.7", read: () => t().rect.top === 0 && t().rect.bottom === MAX_ROWS - 1 },
      isEntireRow: { api: "1.7", read: () => t().rect.left === 0 && t().rect.right === MAX_COLUMNS - 1 },
    };
  }

  get values(): any[][] {
    return this.loaded("values");
  }
  set values(input: any[][]) {
    this.writeValues("values", input, (v) => v);
  }
  get formulas(): any[][] {
    return this.loaded("formulas");
  }
  set formulas(input: any[][]) {
    this.writeValues("formulas", input, (v) => v);
  }
  get numberFormat(): any[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: any[][]) {
    this.writeFormats("numberFormat", "1.1", input, (code) => code);
  }
  get numberFormatLocal(): any[][] {
    return this.loaded("numberFormatLocal");
  }
  set numberFormatLocal(input: any[][]) {
    this.writeFormats("numberFormatLocal", "1.7", input, (code) => invariantFormat(code, this.core.env.config.locale));
  }
  /** values, formulas and formulasLocal (all ExcelApi 1.1): each string parsed as typed input. */
  private writeValues(prop: string, input: any[][], toInput: (v: unknown) => unknown): void {
    this.queueWrite(
      prop,
      "1.1",
      () => input,
      () => {
        guardWrite(this.t.sheet, `Range.${prop}`);
        writeCells(this.t.sheet, this.t.rect, input, (r, c, v) => writeValue(this.t.sheet, r, c, toInput(v)));
      },
    );
  }
  /** numberFormat and numberFormatLocal: the code as the host keeps it (en-US) from what was written. */
  private writeFormats(prop: string, api: string, input: any[][], toCode: (code: string) => string): void {
    this.queueWrite(
      prop,
      api,
      () => input,
      () => {
        guardWrite(this.t.sheet, `Range.${prop}`);
        writeCells(this.t.sheet, this.t.rect, input, (r, c, v) => {
          if (typeof v !== "string") throw new HostError("InvalidArgument", "A number format must be text");
          this.t.sheet.setNumberFormat(r, c, toCode(v));
        });
      },
    );
  }
  get formulasLocal(): any[][] {
    return this.loaded("formulasLocal");
  }
  set formulasLocal(input: any[][]) {
    this.writeValues("formulasLocal", input, (v) =>
      typeof v === "string" ? invariantFormula(v, this.core.env.config.locale) : v,
    );
  }
  get address(): string {
    return this.loaded("address");
  }
  get addressLocal(): string {
    return this.loaded("addressLocal");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded("valueTypes");
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get rowHidden(): boolean {
    return this.loaded("rowHidden");
  }
  set rowHidden(value: boolean) {
    this.queueWrite(
      "rowHidden",
      "1.2",
      () => value,
      () => {
        guardWrite(this.t.sheet, "Range.rowHidden");
        for (let r = this.t.rect.top; r <= this.t.rect.bottom; r++) {
          if (value) this.t.sheet.hiddenRows.add(r);
          else this.t.sheet.hiddenRows.delete(r);
        }
      },
    );
  }
  get columnHidden(): boolean {
    return this.loaded("columnHidden");
  }
  get hidden(): boolean {
    return this.loaded("hidden");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.loaded("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.queueWrite(
      "hyperlink",
      "1.7",
      () => link,
      () => {
        guardWrite(this.t.sheet, "Range.hyperlink");
        const model: HyperlinkModel = { ...link };
        forEachCell(this.t.rect, (r, c) => {
          this.t.sheet.setHyperlink(r, c, model);
          const shown = link.textToDisplay ?? link.documentReference ?? link.address;
          if (shown !== undefined) this.t.sheet.setValue(r, c, shown);
        });
      },
    );
  }
  get isEntireColumn(): boolean {
    return this.loaded("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.loaded("isEntireRow");
  }

  // -- navigation (each returns a new proxy resolved at sync) --

  private derived(api: string, fn: (t: RangeTarget) => Rect): HostRange {
    return new HostRange(this.core, maxVersion(this.api, api), () => {
      const t = this.target();
      if (t === null) return null;
      const rect = fn(t);
      if (
        rect.top < 0 ||
        rect.left < 0 ||
        rect.bottom >= MAX_ROWS ||
        rect.right >= MAX_COLUMNS ||
        rect.bottom < rect.top ||
        rect.right < rect.left
      ) {
        throw new HostError("InvalidArgument", "The range is outside the worksheet.");
      }
      return { sheet: t.sheet, rect };
    });
  }

  getCell(row: number, column: number): HostRange {
    return this.derived("1.1", ({ rect }) => ({
      top: rect.top + row,
      left: rect.left + column,
      bottom: rect.top + row,
      right: rect.left + column,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): HostRange {
    return this.derived("1.1", ({ rect }) => ({
      top: rect.top + rowOffset,
      left: rect.left + columnOffset,
      bottom: rect.bottom + rowOffset,
      right: rect.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derived("1.2", ({ rect }) => ({
      ...rect,
      bottom: rect.bottom + deltaRows,
      right: rect.right + deltaColumns,
    }));
  }
  getRow(row: number): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  getColumn(column: number): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, left: rect.left + column, right: rect.left + column }));
  }
  getEntireRow(): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, left: 0, right: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, top: 0, bottom: MAX_ROWS - 1 }));
  }
  getLastRow(): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getLastColumn(): HostRange {
    return this.derived("1.1", ({ rect }) => ({ ...rect, left: rect.right }));
  }
  getLastCell(): HostRange {
    return this.derived("1.1", ({ rect }) => ({
      top: rect.bottom,
      left: rect.right,
      bottom: rect.bottom,
      right: rect.right,
    }));
  }
  getBoundingRect(another: HostRange | string): HostRange {
    return this.derived("1.1", ({ sheet, rect }) => {
      const other = typeof another === "string" ? parseAddress(another).rect : another.resolved(sheet);
      return {
        top: Math.min(rect.top, other.top),
        left: Math.min(rect.left, other.left),
        bottom: Math.max(rect.bottom, other.bottom),
        right: Math.max(rect.right, other.right),
      };
    });
  }

  /** @internal The rectangle of another range on the same sheet. */
  resolved(sheet: SheetModel): Rect {
    const t = this.target();
    if (t === null || t.sheet !== sheet) throw new HostError("InvalidArgument", "Ranges are on different sheets.");
    return t.rect;
  }

  /** @internal For charts and tables: the target at sync. */
  resolveTarget(): RangeTarget {
    const t = this.target();
    if (t === null) throw new HostError("ItemNotFound");
    return t;
  }

  getMergedAreasOrNullObject(): HostRangeAreas {
    return new HostRangeAreas(this.core, maxVersion(this.api, "1.13"), () => {
      const t = this.target();
      if (t === null) return null;
      const rects = t.sheet.merges.filter(
        (m) => m.top <= t.rect.bottom && t.rect.top <= m.bottom && m.left <= t.rect.right && t.rect.left <= m.right,
      );
      return rects.length === 0 ? null : { sheet: t.sheet, rects };
    });
  }

  getCellProperties(request: CellPropertiesRequest): { value: Record<string, unknown>[][] } {
    const t = (): RangeTarget => this.t;
    return this.queueResult(
      "getCellProperties",
      "1.9",
      () =>
        grid(t().rect, (r, c) => {
          const s = t().sheet;
          const out: Record<string, unknown> = {};
          if (request.address) out.address = `${s.name}!${cellAddress(r, c)}`;
          if (request.format) {
            const format: Record<string, unknown> = {};
            if (request.format.fill) {
              const fill: Record<string, unknown> = {};
              const report = fillReport(this.core, s, r, c);
              if (request.format.fill.color) fill.color = report.color;
              if (request.format.fill.pattern) fill.pattern = report.pattern;
              if (request.format.fill.tintAndShade) fill.tintAndShade = report.tintAndShade;
              format.fill = fill;
            }
            if (request.format.font) {
              const font: Record<string, unknown> = {};
              if (request.format.font.bold) font.bold = s.isBold(r, c);
              if (request.format.font.color) font.color = s.fontColor(r, c);
              format.font = font;
            }
            out.format = format;
          }
          return out;
        }),
      0,
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.queueWrite(
      `clear(${applyTo})`,
      CLEAR_API[applyTo] ?? "99",
      () => applyTo,
      () => {
        guardWrite(this.t.sheet, "Range.clear");
        clearRect(this.t.sheet, this.t.rect, applyTo);
      },
    );
  }

  merge(across = false): void {
    this.queueWrite(
      "merge",
      "1.2",
      () => across,
      () => {
        guardWrite(this.t.sheet, "Range.merge");
        const { rect, sheet } = this.t;
        const parts = across
          ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
          : [rect];
        sheet.merges = [
          ...sheet.merges.filter(
            (m) => !(m.top <= rect.bottom && rect.top <= m.bottom && m.left <= rect.right && rect.left <= m.right),
          ),
          ...parts,
        ];
      },
    );
  }

  unmerge(): void {
    this.queueWrite(
      "unmerge",
      "1.2",
      () => null,
      () => {
        guardWrite(this.t.sheet, "Range.unmerge");
        const { rect, sheet } = this.t;
        sheet.merges = sheet.merges.filter(
          (m) => !(m.top <= rect.bottom && rect.top <= m.bottom && m.left <= rect.right && rect.left <= m.right),
        );
      },
    );
  }

  select(): void {
    this.queueAction("select", "1.1", () => {
      const { sheet, rect } = this.t;
      if (sheet.visibility !== "Visible")
        throw new HostError("InvalidSelection", "Cannot select a cell of a hidden sheet.");
      this.core.env.model.activeSheet = sheet.name;
      this.core.env.model.selection = { sheet: sheet.name, rect };
    });
  }
}

// ---- RangeAreas (ExcelApi 1.9) ------------------------------------------------------

export class HostRangeCollection extends HostCollection<HostRange> {
  constructor(
    core: HostContextCore,
    api: string,
    private readonly target: Resolver<AreasTarget>,
  ) {
    super(core, api, "RangeCollection");
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected enumerate(): HostRange[] {
    const t = this.target();
    if (t === null) return [];
    return t.rects.map((rect) => new HostRange(this.core, this.api, () => ({ sheet: t.sheet, rect })));
  }
}

export class HostRangeAreas
  extends HostObject
  implements Pick<Excel.RangeAreas, "address" | "areaCount" | "cellCount">
{
  readonly format: HostRangeFormat;
  readonly areas: HostRangeCollection;
  private readonly target: Resolver<AreasTarget>;

  constructor(core: HostContextCore, api: string, target: Resolver<AreasTarget>) {
    super(core, api, "RangeAreas");
    this.target = once(target);
    this.format = new HostRangeFormat(core, api, this.target);
    this.areas = new HostRangeCollection(core, api, this.target);
  }

  static fromAddress(core: HostContextCore, api: string, sheet: Resolver<SheetModel>, address: string): HostRangeAreas {
    return new HostRangeAreas(core, api, () => {
      const s = sheet();
      if (s === null) return null;
      const parsed = parseAreas(address);
      // Real Excel refuses long area lists with this code and no more detail (office-js #5198).
      if (parsed.length > core.env.config.maxAreas)
        throw new HostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      const rects = parsed.map((a) => {
        if (a.sheet !== null && a.sheet.toLowerCase() !== s.name.toLowerCase())
          throw new HostError("InvalidArgument", "Areas must be on this sheet.");
        return a.rect;
      });
      return { sheet: s, rects };
    });
  }

  protected exists(): boolean {
    return this.target() !== null;
  }
  private get t(): AreasTarget {
    return this.target() as AreasTarget;
  }
  protected override child(name: string): HostObject | null {
    return name === "format" ? this.format : name === "areas" ? this.areas : null;
  }
  protected properties(): Record<string, PropertySpec> {
    return {
      address: { api: "1.9", read: () => this.t.rects.map((r) => qualifiedAddress(this.t.sheet.name, r)).join(",") },
      areaCount: { api: "1.9", read: () => this.t.rects.length },
      cellCount: { api: "1.9", read: () => this.t.rects.reduce((n, r) => n + rectCells(r), 0) },
    };
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.queueWrite(
      `clear(${applyTo})`,
      "1.9",
      () => applyTo,
      () => {
        guardWrite(this.t.sheet, "RangeAreas.clear");
        for (const rect of this.t.rects) clearRect(this.t.sheet, rect, applyTo);
      },
    );
  }
}
