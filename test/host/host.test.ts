/**
 * The test host keeps Office.js's rules: these tests prove each rule the adapter's tests
 * rely on (load before read, queued writes, limits, requirement sets, protection...).
 */
import {
  CellStore,
  HostError,
  createHost,
  readValues,
  sheetState,
  type ExcelHost,
  type HostRequestContext,
} from "./index";

const grid = [
  ["Nama", "NIK", "TMT"],
  ["Ani", "3171234567890123", 44927],
  ["Budi", { error: "#N/A" }, 45000],
];

function host(config = {}): ExcelHost {
  return createHost(
    [
      {
        name: "Data",
        rows: grid,
        numberFormats: [{ address: "C2:C3", format: "dd/mm/yyyy" }],
        fills: [{ address: "A1:C1", color: "#ffff00" }],
        tables: [{ name: "Pegawai", address: "A1:C3" }],
        hiddenRows: [3],
      },
      { name: "Other", rows: [["x"]] },
    ],
    config,
  );
}

async function failure(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("load and sync", () => {
  it("throws PropertyNotLoaded until load() and sync()", async () => {
    const h = host();
    await h.run(async (ctx: HostRequestContext) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:C3");
      expect(() => range.values).toThrow(
        /The property 'values' is not available\. Before reading the property's value, call the load method/,
      );
      range.load("values");
      expect(() => range.values).toThrow(HostError);
      await ctx.sync();
      expect(range.values).toEqual([
        ["Nama", "NIK", "TMT"],
        ["Ani", "3171234567890123", 44927],
        ["Budi", "#N/A", 45000],
      ]);
      expect(() => range.numberFormat).toThrow(/'numberFormat' is not available/);
    });
  });

  it("needs load for collection items and isNullObject", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name");
      const missing = sheets.getItemOrNullObject("Nope");
      missing.load("name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Other"]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility'/);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("queues writes and applies them only at sync", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("B2").values = [["new"]];
      expect(readValues(h.model, "Other", "B2")).toEqual([[""]]);
      await ctx.sync();
      expect(readValues(h.model, "Other", "B2")).toEqual([["new"]]);
    });
  });

  it("sends pending operations in a last sync when the batch ends, and closes the context", async () => {
    const h = host();
    let kept: HostRequestContext | null = null;
    await h.run(async (ctx) => {
      kept = ctx;
      ctx.workbook.worksheets.getItem("Other").getRange("A2").values = [[1]];
    });
    expect(h.stats.syncs).toBe(1);
    expect(readValues(h.model, "Other", "A2")).toEqual([[1]]);
    expect(() => (kept as unknown as HostRequestContext).workbook.worksheets.load("items")).toThrow(/request contexts/);
  });

  it("requires the batch to return a promise", async () => {
    const h = host();
    const e = await failure(h.run((() => 1) as never));
    expect(e.code).toBe("RunMustReturnPromise");
  });

  it("reports a missing sheet at sync with ItemNotFound", async () => {
    const h = host();
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });
});

describe("addresses and ranges", () => {
  it("honours addresses, sheet-qualified addresses, whole columns and used ranges", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const b = ws.getRange("Data!B2:C3").load("values,address,rowIndex,columnIndex");
      const col = ws.getRange("C:C").load("address,rowCount");
      const used = ws.getUsedRange().load("address");
      const cell = ws.getRange("A1").getOffsetRange(2, 1).load("values");
      const resized = ws.getRange("A1").getResizedRange(1, 1).load("address");
      const row = ws.getRange("A1:C3").getRow(1).load("values");
      await ctx.sync();
      expect(b.values).toEqual([
        ["3171234567890123", 44927],
        ["#N/A", 45000],
      ]);
      expect([b.address, b.rowIndex, b.columnIndex]).toEqual(["Data!B2:C3", 1, 1]);
      expect([col.address, col.rowCount]).toEqual(["Data!C1:C1048576", 1048576]);
      expect(used.address).toBe("Data!A1:C3");
      expect(cell.values).toEqual([["#N/A"]]);
      expect(resized.address).toBe("Data!A1:B2");
      expect(row.values).toEqual([["Ani", "3171234567890123", 44927]]);
    });
  });

  it("gives value types, number formats, hidden rows, tables and fills as Office does", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const r = ws.getRange("A3:C3").load("valueTypes,numberFormat,rowHidden");
      const header = ws.getRange("A1:C1").format.fill.load("color");
      const mixed = ws.getRange("A1:A2").format.fill.load("color");
      const none = ws.getRange("A2").format.fill.load("color");
      const tables = ws.tables.load("items/name");
      await ctx.sync();
      expect(r.valueTypes).toEqual([["String", "Error", "Double"]]);
      expect(r.numberFormat).toEqual([["General", "General", "dd/mm/yyyy"]]);
      expect(r.rowHidden).toBe(true);
      expect(header.color).toBe("#FFFF00");
      expect(mixed.color).toBeNull();
      expect(none.color).toBe("#FFFFFF");
      const body = tables.items[0].getDataBodyRange().load("address");
      await ctx.sync();
      expect(tables.items[0].name).toBe("Pegawai");
      expect(body.address).toBe("Data!A2:C3");
    });
  });

  it("parses strings written as values like typed input, unless the cell is text", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.getRange("A1:F1").values = [
        ["3171234567890123", "0123", "'0123", "TRUE", "2024-01-31", '=HYPERLINK("#Data!A1","A1")'],
      ];
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A2").values = [["3171234567890123"]];
      await ctx.sync();
    });
    expect(readValues(h.model, "Other", "A1:F1")).toEqual([[3171234567890120, 123, "0123", true, 45322, "A1"]]);
    expect(readValues(h.model, "Other", "A2")).toEqual([["3171234567890123"]]);
    const state = sheetState(h.model.sheet("Other")!);
    expect(state.cells.E1.numberFormat).toBe("yyyy-mm-dd");
    expect(state.cells.F1.formula).toBe('=HYPERLINK("#Data!A1","A1")');
  });

  it("rejects a formula written with the locale's ';' separator", async () => {
    const h = host();
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").getRange("A1").formulas = [['=HYPERLINK("#Data!A1";"A1")']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("rejects a values array whose size differs from the range", async () => {
    const h = host();
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").getRange("A1:B1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("protection, read-only and edit mode", () => {
  it("fails a write to a protected sheet with AccessDenied; earlier operations of the batch stay applied", async () => {
    const h = createHost([
      { name: "Open", rows: [[1]] },
      { name: "Locked", rows: [[2]], protected: true },
    ]);
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Open").getRange("A1").values = [["before"]];
        ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [["x"]];
        ctx.workbook.worksheets.getItem("Open").getRange("A2").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(readValues(h.model, "Locked", "A1")).toEqual([[2]]);
    // Office batches are not transactions: what ran before the failure is kept.
    expect(readValues(h.model, "Open", "A1:A2")).toEqual([["before"], [""]]);
  });

  it("lets a protected sheet be read and its protection be detected (ExcelApi 1.2)", async () => {
    const h = createHost([{ name: "Locked", rows: [[2]], protected: true }]);
    await h.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Locked").protection.load("protected");
      const v = ctx.workbook.worksheets.getItem("Locked").getRange("A1").load("values");
      await ctx.sync();
      expect(p.protected).toBe(true);
      expect(v.values).toEqual([[2]]);
    });
  });

  it("refuses every write in a read-only workbook, and reports readOnly (ExcelApi 1.8)", async () => {
    const h = createHost([{ name: "S", rows: [[1]] }], {}, { readOnly: true });
    await h.run(async (ctx) => {
      ctx.workbook.load("readOnly");
      await ctx.sync();
      expect(ctx.workbook.readOnly).toBe(true);
    });
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.add("New");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(h.model.sheets.map((s) => s.name)).toEqual(["S"]);
  });

  it("fails any request while the user edits a cell", async () => {
    const h = createHost([{ name: "S", rows: [[1]] }], {}, { cellEditMode: true });
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.load("items");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperationInCellEditMode");
  });
});

describe("requirement sets", () => {
  const uses: [string, (ctx: HostRequestContext) => void][] = [
    ["settings (1.4)", (ctx) => ctx.workbook.settings.load("items")],
    [
      "getRanges (1.9)",
      (ctx) => (ctx.workbook.worksheets.getItem("Data").getRanges("A1:A2, C1").format.fill.color = "#FF0000"),
    ],
    [
      "suspendScreenUpdatingUntilNextSync (1.9)",
      (ctx) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync(),
    ],
    [
      "hyperlink (1.7)",
      (ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("A1").hyperlink = { documentReference: "Data!A1" }),
    ],
    ["visibility set (1.2)", (ctx) => (ctx.workbook.worksheets.getItem("Other").visibility = "Hidden")],
    ["protection (1.2)", (ctx) => ctx.workbook.worksheets.getItem("Data").protection.load("protected")],
    [
      "getUsedRange(valuesOnly) (1.2)",
      (ctx) => ctx.workbook.worksheets.getItem("Data").getUsedRange(true).load("address"),
    ],
    [
      "getCellProperties (1.9)",
      (ctx) =>
        ctx.workbook.worksheets
          .getItem("Data")
          .getRange("A1")
          .getCellProperties({ format: { fill: { color: true } } }),
    ],
    ["readOnly (1.8)", (ctx) => ctx.workbook.load("readOnly")],
    ["rowHidden (1.2)", (ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1").load("rowHidden")],
  ];
  it.each(uses)("on ExcelApi 1.1, %s fails at sync with ApiNotFound", async (_name, use) => {
    const h = host({ apiVersion: "1.1" });
    expect(h.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(h.isSetSupported("ExcelApi", "1.2")).toBe(false);
    const e = await failure(
      h.run(async (ctx) => {
        use(ctx);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });

  it.each(uses)("on ExcelApi 1.17, %s works", async (_name, use) => {
    const h = host();
    await h.run(async (ctx) => {
      use(ctx);
      await ctx.sync();
    });
    expect(h.stats.failures).toEqual([]);
  });

  it("answers isSetSupported through the installed Office global", () => {
    const h = host({ apiVersion: "1.7" });
    const restore = h.install();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
      expect(typeof Excel.run).toBe("function");
    } finally {
      restore();
    }
  });
});

describe("limits and instrumentation", () => {
  it("counts syncs and measures payloads", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:C3").load("values");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Other").getRange("A1:B2").values = [
        ["a", "b"],
        ["c", "d"],
      ];
      await ctx.sync();
    });
    expect(h.stats.syncs).toBe(2);
    expect(h.stats.records[0].responseBytes).toBeGreaterThan(JSON.stringify(grid).length - 20);
    expect(h.stats.records[1].requestBytes).toBeGreaterThan(
      JSON.stringify([
        ["a", "b"],
        ["c", "d"],
      ]).length,
    );
    expect(h.stats.largestResponse).toBe(h.stats.records[0]);
  });

  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const h = createHost([{ name: "S" }]);
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(readValues(h.model, "S", "A1")).toEqual([[""]]);
  });

  it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const rows = Array.from({ length: 60_000 }, () => ["y".repeat(100)]);
    const h = createHost([{ name: "S", rows }]);
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A60000").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("fails a read of more than 5,000,000 cells", async () => {
    const h = createHost([{ name: "S" }]);
    const e = await failure(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A:E").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RangeExceedsLimit");
  });
});

describe("objects the adapter writes", () => {
  it("applies fills to RangeAreas, records charts, settings and selection", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      ws.getRanges("A1:A2, C3").format.fill.color = "#F8CBAD";
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
      chart.title.text = "Per kategori";
      ctx.workbook.settings.add("policy", { cutoffDate: "2025-12-31" });
      ws.getRange("C3").select();
      await ctx.sync();
      const setting = ctx.workbook.settings.getItem("policy").load("value");
      await ctx.sync();
      expect(setting.value).toEqual({ cutoffDate: "2025-12-31" });
    });
    const state = sheetState(h.model.sheet("Other")!);
    expect(state.cells.A1.fill).toBe("#F8CBAD");
    expect(state.cells.A2.fill).toBe("#F8CBAD");
    expect(state.cells.C3.fill).toBe("#F8CBAD");
    expect(state.cells.B1).toBeUndefined();
    expect(state.charts).toEqual([
      { name: "Chart 1", type: "ColumnClustered", source: "Other!A1:B3", title: "Per kategori" },
    ]);
    expect(h.model.selection).toEqual({ sheet: "Other", rect: { top: 2, left: 2, bottom: 2, right: 2 } });
  });

  it("clears contents or formats separately, and counts sheet deletions", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("A1").clear("Contents");
      ws.getRange("B1").clear("Formats");
      ctx.workbook.worksheets.getItem("Other").delete();
      await ctx.sync();
    });
    const state = sheetState(h.model.sheet("Data")!);
    expect(state.cells.A1).toEqual({ fill: "#FFFF00" });
    expect(state.cells.B1).toEqual({ value: "NIK" });
    expect(h.stats.sheetDeletes).toBe(1);
  });
});

describe("the cell store (full-height sheets cost about 8 bytes a cell)", () => {
  const at = (row: number, column: number): number => row * 16_384 + column;

  test("behaves as a Map by cell key: set, get, has, delete, size, entries in blocks", () => {
    const store = new CellStore<string | null>();
    store.set(at(0, 0), "A1");
    store.set(at(1_048_574, 16_383), "XFD1048575");
    store.set(at(2_000, 3), null); // a cleared base cell is a value, not a hole
    store.set(at(0, 0), "again");
    expect(store.size).toBe(3);
    expect([store.get(at(0, 0)), store.get(at(2_000, 3)), store.get(at(5, 5))]).toEqual(["again", null, undefined]);
    expect([store.has(at(2_000, 3)), store.has(at(2_001, 3))]).toEqual([true, false]);
    expect(new Map(store.entries())).toEqual(
      new Map<number, string | null>([
        [at(0, 0), "again"],
        [at(1_048_574, 16_383), "XFD1048575"],
        [at(2_000, 3), null],
      ]),
    );
    expect([store.delete(at(0, 0)), store.delete(at(0, 0))]).toEqual([true, false]);
    expect([...store.keys()].sort((a, b) => a - b)).toEqual([at(2_000, 3), at(1_048_574, 16_383)]);
    expect(store.size).toBe(2);
  });

  test("spans: the first and last row of each column block, for the used range", () => {
    const store = new CellStore<string | null>();
    for (const row of [5, 700, 1_030]) store.set(at(row, 2), "x");
    store.set(at(900, 2), null);
    const seen: [number, number][] = [];
    store.spans(
      (row, column) => seen.push([row, column]),
      (v) => v !== null,
    );
    // Rows 0-1023 are one block (5..700; row 900 holds null and does not count), 1024-2047 another.
    expect(seen).toEqual([
      [5, 2],
      [700, 2],
      [1_030, 2],
      [1_030, 2],
    ]);
  });
});
