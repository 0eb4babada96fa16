/**
 * Number formats as Excel reports them under the user's locale. `numberFormat` is documented
 * to be en-US ("General", "#,##0.00"), and `numberFormatLocal` (ExcelApi 1.7) the locale's
 * ("Umum", "#.##0,00" under id-ID); but Excel on the web has answered `numberFormat` in the
 * account's locale too (office-js #2824). Formats the add-in writes back (a cell's original
 * look) must be en-US, as `numberFormat` takes them: this turns what was read into that form.
 */

/** "General" in the locales the add-in meets (Indonesian, and the German one Excel also uses). */
const GENERAL_ALIASES = new Set(["general", "umum", "standard"]);

/** "Umum" and the like as "General"; any other format as it is. */
export function generalAlias(format: string): string {
  return format.length <= 8 && format !== "General" && GENERAL_ALIASES.has(format.toLowerCase()) ? "General" : format;
}

/** Maps each character outside "quoted text", \escapes and [brackets]. */
function mapCodes(code: string, fn: (ch: string) => string): string {
  let out = "";
  let quote = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (quote !== "") {
      out += ch;
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "[") {
      quote = ch === "[" ? "]" : '"';
      out += ch;
    } else if (ch === "\\" && i + 1 < code.length) {
      out += ch + code.charAt(++i);
    } else out += fn(ch);
  }
  return out;
}

/** True when the codes show numbers (digit placeholders) and no date or time part. */
function isNumberCode(code: string): boolean {
  const bare = mapCodes(code, (ch) => ch)
    .replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "")
    .toLowerCase();
  return /[0#?]/.test(bare) && !/[dymhs]/.test(bare);
}

/**
 * The en-US form of a format read from Excel. `local` is numberFormatLocal of the same cell
 * (null before ExcelApi 1.7) and `decimal` the locale's decimal separator (cultureInfo,
 * ExcelApi 1.11; null before). When the two reads differ, `reported` is the en-US form, as
 * documented. When they agree, either the format reads the same in both forms or Excel gave
 * the locale's form twice: a number format is then turned back by swapping the locale's
 * separators (date codes keep "." and "," as literal text in every locale).
 */
export function invariantFormat(reported: string, local: string | null, decimal: string | null): string {
  const general = generalAlias(reported);
  if (general !== reported) return general;
  if (local === null || local !== reported || decimal !== "," || !isNumberCode(reported)) return reported;
  return mapCodes(reported, (ch) => (ch === "," ? "." : ch === "." ? "," : ch));
}
