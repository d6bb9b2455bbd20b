import { describe, expect, it } from "vitest";
import { formatHours, formatPeriod, formatSignedPercent, formatTarget, formatValue } from "./format";

// Intl writes a no-break (or narrow no-break) space in Russian numbers; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("figures by unit", () => {
  it("writes percents, counts and money in each language's number format", () => {
    expect(formatValue(72.5, "percent", "en")).toBe("72.5%");
    expect(plain(formatValue(72.5, "percent", "ru"))).toBe("72,5 %");
    expect(formatValue(1234.56, "count", "en")).toBe("1,234.6");
    expect(plain(formatValue(1234.56, "count", "ru"))).toBe("1 234,6");
    expect(formatValue(99.999, "money", "en")).toBe("100");
  });

  it("writes business hours, hours and minutes as hours and minutes", () => {
    expect(formatValue(1.5, "business_hours", "en")).toBe("1 h 30 min");
    expect(formatValue(1.5, "business_hours", "ru")).toBe("1 ч 30 мин");
    expect(formatValue(0.8, "hours", "en")).toBe("48 min");
    expect(formatValue(2, "hours", "ru")).toBe("2 ч");
    expect(formatValue(135, "minutes", "en")).toBe("2 h 15 min");
    // Rounded to the minute, carried into the hour.
    expect(formatHours(1.9999, "en")).toBe("2 h");
  });

  it("writes days with the language's plural", () => {
    expect(formatValue(1, "days", "en")).toBe("1 day");
    expect(formatValue(3, "days", "ru")).toBe("3 дня");
    expect(formatValue(5, "days", "ru")).toBe("5 дней");
  });

  it("writes no figure as a dash, and targets with their direction", () => {
    expect(formatValue(null, "percent", "en")).toBe("—");
    expect(formatValue(Number.NaN, "count", "en")).toBe("—");
    expect(formatTarget(70, "at_least", "percent", "en")).toBe("≥ 70%");
    expect(formatTarget(1, "at_most", "business_hours", "ru")).toBe("≤ 1 ч");
  });

  it("writes adjustments with their sign and months by name", () => {
    expect(formatSignedPercent(-5, "en")).toBe("-5%");
    expect(formatSignedPercent(2.5, "en")).toBe("+2.5%");
    expect(formatPeriod("2027-02", "en")).toBe("February 2027");
    expect(formatPeriod("2027-02", "ru")).toBe("Февраль 2027");
    expect(formatPeriod("2027-02", "en", "short")).toBe("Feb 2027");
    expect(formatPeriod("2027-02", "ru", "short")).toBe("Февр. 2027");
    expect(formatPeriod("2027-01", "ru", "long", false)).toBe("январь 2027");
    expect(formatPeriod("2027-01", "en", "long", false)).toBe("January 2027");
    expect(formatPeriod("not a month", "en")).toBe("not a month");
  });
});
