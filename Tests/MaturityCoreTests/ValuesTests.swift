import MaturityCore
import Testing

/// One value syntax for the interview, the assessment file and the import.
@Suite("Values as people type them")
struct ValuesTests {
    @Test(arguments: [
        ("48", 48.0), ("1,500", 1500), ("1 500", 1500), ("$48", 48), ("48 USD", 48), ("€1.250", 1250), ("€1.25", 1.25),
        ("12.5 h", 12.5), ("40 hours", 40), ("300/wk", 300), ("300 cases a week", 300), ("3,5", 3.5),
        ("about 40", 40), ("1_000", 1000), ("-2", -2), ("2e3", 2000),
        // Money as people say it: magnitudes, a currency either side, euro thousands with dots.
        ("40k", 40_000), ("40 K", 40_000), ("1.2m", 1_200_000), ("2 Mio", 2_000_000), ("€40k maybe", 40_000),
        ("EUR 40.000", 40_000), ("40.000 €", 40_000), ("1.200.000", 1_200_000), ("$1.5bn", 1_500_000_000),
        ("1,200/wk", 1200), ("US$ 85,000", 85_000), ("40.000", 40),
    ])
    func numbers(_ text: String, _ value: Double) {
        #expect(Values.number(text) == value)
    }

    @Test(arguments: ["", "abc", "12abc34", "1.2.3", "$", "inf", "nan"])
    func notNumbers(_ text: String) {
        #expect(Values.number(text) == nil)
    }

    @Test func aFileWithDecimalCommasGroupsThousandsWithDots() {
        #expect(Values.number("1.234,5", decimalComma: true) == 1234.5)
        // Written the German or Spanish way, it reads the same without being told (issue 25).
        #expect(Values.number("1.234,5") == 1234.5)
        #expect(Values.number("1.23,5") == nil, "groups that are not whole say nothing clear")
    }

    @Test(arguments: [
        ("0.1", false, 0.1), ("10%", false, 0.1), ("12", false, 0.12), ("1", false, 1.0), ("0", false, 0.0),
        ("10", true, 0.1), ("1", true, 0.01), ("1.0", true, 1.0), ("0.25", true, 0.25), ("12,5%", false, 0.125),
    ])
    func shares(_ text: String, _ percentColumn: Bool, _ value: Double) {
        #expect(Values.share(text, percent: percentColumn) == value)
    }

    @Test(arguments: ["150", "-5%", "x", "101%"])
    func notShares(_ text: String) {
        #expect(Values.share(text) == nil)
    }

    @Test(arguments: [("yes", true), ("Y", true), ("x", true), ("ja", true), ("on", true), ("1", true),
                      ("no", false), ("N", false), ("nein", false), ("off", false), ("0", false)])
    func yesNo(_ text: String, _ value: Bool) {
        #expect(Values.yesNo(text) == value)
    }
}

@Suite("Choices as people write them")
struct ChoiceValuesTests {
    let systems = ["erp", "mes", "crm", "spreadsheet", "email", "paper", "none"].map { Choice(value: $0, label: $0) }
    let tools = [Choice(value: "none", label: "No one uses them"), Choice(value: "ad_hoc", label: "Some people use them on their own")]

    @Test(arguments: [("ERP", "erp"), ("SAP", "erp"), ("Epicor 10", "erp"), ("Excel", "spreadsheet"), ("outlook", "email"), ("nothing", "none")])
    func systems(_ text: String, _ value: String) {
        #expect(Values.choice(text, among: systems) == value)
    }

    @Test func valuesLabelsAndSpacesForUnderscores() {
        #expect(Values.choice("ad hoc", among: tools) == "ad_hoc")
        #expect(Values.choice("Ad-Hoc", among: tools) == "ad_hoc")
        #expect(Values.choice("some people use them on their own", among: tools) == "ad_hoc")
        #expect(Values.choice("mainframe", among: systems) == nil)
    }
}

/// One accepted range of dates everywhere, so a typo cannot make the tool walk centuries of days,
/// and every date written reads back.
@Suite("Dates in one range")
struct DayRangeTests {
    @Test(arguments: ["0999-01-04", "1899-12-31", "2200-01-01", "9999-12-31", "0000-01-01", "2026-13-01", "2026-02-29", "２０２６-01-01"])
    func outsideOrImpossibleIsRefused(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test(arguments: ["1900-01-01", "2024-02-29", "2199-12-31", "2026-11-20"])
    func insideReadsBackAsWritten(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(Day(iso: day.iso) == day)
    }

    @Test func aDayBeforeTheYear1000IsWrittenWithFourDigits() {
        #expect(Day(year: 999, month: 1, day: 4).iso == "0999-01-04")
    }
}
