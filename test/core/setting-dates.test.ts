import { isoToSettingDate, settingDateToIso, shortDate } from "../../src/core/setting-dates";

describe("dates typed in the settings", () => {
  test("day first, with dashes, slashes or dots, and ISO too", () => {
    expect(settingDateToIso("31-12-2025")).toBe("2025-12-31");
    expect(settingDateToIso(" 1/7/2025 ")).toBe("2025-07-01");
    expect(settingDateToIso("30.06.2025")).toBe("2025-06-30");
    expect(settingDateToIso("2025-06-30")).toBe("2025-06-30");
  });

  test("a day that does not exist, or the month first, is refused", () => {
    expect(settingDateToIso("30-02-2025")).toBeNull();
    expect(settingDateToIso("12-31-2025")).toBeNull(); // month 31
    expect(settingDateToIso("2025-02-30")).toBeNull();
    expect(settingDateToIso("31 Des 2025")).toBeNull();
    expect(settingDateToIso("")).toBeNull();
  });

  test("shown day first, and short on a button", () => {
    expect(isoToSettingDate("2025-12-31")).toBe("31-12-2025");
    expect(isoToSettingDate("bukan")).toBe("bukan");
    expect(shortDate("2025-12-31", "id")).toBe("31 Des 2025");
    expect(shortDate("2025-06-30", "en")).toBe("30 Jun 2025");
    expect(shortDate("2025-08-01", "en")).toBe("1 Aug 2025");
  });
});
