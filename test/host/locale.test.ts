/**
 * The host's locales answer as Excel does under en-US and id-ID (see locale.ts for the
 * sources): values and formulas in en-US form whatever the locale, text and the *Local
 * properties in the locale's.
 */
import { HostError, createHost, type ExcelHost, type HostRequestContext, type Locale } from "./index";

// 46022 = 2025-12-31 (days since 1899-12-30). B1 has the system short date (built-in 14).
const rows = [
  [{ value: 46022, numberFormat: "m/d/yyyy" }, { value: 46022, numberFormat: "[$-421]dd mmmm yyyy" }, 1234.5],
  [{ value: 0.125, numberFormat: "0.0%" }, { value: 1234.5, numberFormat: "#,##0.00" }, 6471055203900003],
];

function host(locale: Locale, numberFormatReporting: "api" | "account-locale" = "api"): ExcelHost {
  return createHost([{ name: "Data", rows }], { locale, numberFormatReporting });
}

async function read(h: ExcelHost, props: string): Promise<Record<string, unknown[][]>> {
  return h.run(async (context: HostRequestContext) => {
    const range = context.workbook.worksheets.getItem("Data").getRange("A1:C2").load(props);
    await context.sync();
    return Object.fromEntries(props.split(",").map((p) => [p, (range as unknown as Record<string, unknown[][]>)[p]]));
  });
}

test("values and numberFormat are the same under en-US and id-ID; text is the locale's", async () => {
  const en = await read(host("en-US"), "values,numberFormat,text");
  const id = await read(host("id-ID"), "values,numberFormat,text");
  expect(id.values).toEqual(en.values);
  expect(id.numberFormat).toEqual(en.numberFormat);
  // #229: the system short date reads "m/d/yyyy" but shows day first under id-ID.
  expect(id.numberFormat[0][0]).toBe("m/d/yyyy");
  expect(en.text[0]).toEqual(["12/31/2025", "31 December 2025", "1234.5"]);
  expect(id.text[0]).toEqual(["31/12/2025", "31 Desember 2025", "1234,5"]);
  expect(id.text[1]).toEqual(["12,5%", "1.234,50", "6,47106E+15"]);
  expect(en.text[1]).toEqual(["12.5%", "1,234.50", "6.47106E+15"]);
});

test("numberFormatLocal is the locale's form; account-locale reporting gives it through numberFormat too", async () => {
  const id = await read(host("id-ID"), "numberFormatLocal");
  expect(id.numberFormatLocal).toEqual([
    ["dd/mm/yyyy", "[$-421]dd mmmm yyyy", "Umum"],
    ["0,0%", "#.##0,00", "Umum"],
  ]);
  const web = await read(host("id-ID", "account-locale"), "numberFormat");
  expect(web.numberFormat).toEqual(id.numberFormatLocal);
  const en = await read(host("en-US"), "numberFormatLocal");
  expect(en.numberFormatLocal[1]).toEqual(["0.0%", "#,##0.00", "General"]);
});

test("formulas take en-US syntax under both locales; formulasLocal takes the locale's", async () => {
  const h = host("id-ID");
  const link = `=HYPERLINK("#'Data'!A1","A1")`;
  await h.run(async (context: HostRequestContext) => {
    const ws = context.workbook.worksheets.getItem("Data");
    ws.getRange("D1").formulas = [[link]];
    ws.getRange("D2").formulasLocal = [[`=HYPERLINK("#'Data'!B1";"B1")`]];
    await context.sync();
  });
  const out = await h.run(async (context: HostRequestContext) => {
    const r = context.workbook.worksheets.getItem("Data").getRange("D1:D2").load("formulas,formulasLocal,values");
    await context.sync();
    return { formulas: r.formulas, local: r.formulasLocal, values: r.values };
  });
  expect(out.formulas).toEqual([[link], [`=HYPERLINK("#'Data'!B1","B1")`]]);
  expect(out.local).toEqual([[`=HYPERLINK("#'Data'!A1";"A1")`], [`=HYPERLINK("#'Data'!B1";"B1")`]]);
  expect(out.values).toEqual([["A1"], ["B1"]]);
  // An en-US comma through formulasLocal under id-ID is refused, as a ";" through formulas is.
  for (const [prop, formula] of [
    ["formulasLocal", link],
    ["formulas", `=HYPERLINK("#'Data'!A1";"A1")`],
  ] as const) {
    const error = await h
      .run(async (context: HostRequestContext) => {
        (context.workbook.worksheets.getItem("Data").getRange("D3") as unknown as Record<string, unknown>)[prop] = [
          [formula],
        ];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("InvalidArgument");
  }
});

test("application.cultureInfo (ExcelApi 1.11) names the locale and its separators", async () => {
  for (const [locale, decimal, group] of [
    ["en-US", ".", ","],
    ["id-ID", ",", "."],
  ] as const) {
    const info = await host(locale).run(async (context: HostRequestContext) => {
      const culture = context.application.cultureInfo.load("name");
      const numbers = context.application.cultureInfo.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
      await context.sync();
      return [culture.name, numbers.numberDecimalSeparator, numbers.numberGroupSeparator];
    });
    expect(info).toEqual([locale, decimal, group]);
  }
  const old = createHost([{ name: "Data", rows }], { apiVersion: "1.10", locale: "id-ID" });
  const error = await old
    .run(async (context: HostRequestContext) => {
      context.application.cultureInfo.load("name");
      await context.sync();
    })
    .catch((e: unknown) => e);
  expect((error as HostError).code).toBe("ApiNotFound");
});
