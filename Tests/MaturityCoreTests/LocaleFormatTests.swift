import MaturityCore
import MaturityTestSupport
import Testing

/// Dates and numbers as German, Austrian, Spanish and Mexican users write and read them.
@Suite struct LocaleFormatTests {
    @Test(arguments: [
        ("2026-12-06", "2026-12-06"), ("06.12.2026", "2026-12-06"), ("6.12.2026", "2026-12-06"), ("6.12.26", "2026-12-06"),
        ("6. Dezember 2026", "2026-12-06"), ("6 de diciembre de 2026", "2026-12-06"), ("Dec 6, 2026", "2026-12-06"),
        ("6 Dec 2026", "2026-12-06"), ("December 6th, 2026", "2026-12-06"), ("5. Jänner 2027", "2027-01-05"),
        ("6/12/2026", "2026-12-06"), ("1 de marzo de 2027", "2027-03-01"), ("3. März 2027", "2027-03-03"),
    ])
    func aDateIsReadAsWritten(_ text: String, _ iso: String) {
        #expect(Day(text: text)?.iso == iso)
    }

    @Test func aDateWithoutAYearTakesTheNearestOne() {
        let today = Day(iso: "2026-12-06")
        #expect(Day(text: "jan 5", near: today)?.iso == "2027-01-05")
        #expect(Day(text: "5. Januar", near: today)?.iso == "2027-01-05")
        #expect(Day(text: "20 nov", near: today)?.iso == "2026-11-20")
        #expect(Day(text: "jan 5") == nil, "no year and nothing to be near: refused, not guessed")
    }

    @Test(arguments: ["31.02.2026", "2026-11-31", "Sometimes", "next week", "13.13.2026", "5", "1.2.3.4", ""])
    func notADateIsRefused(_ text: String) {
        #expect(Day(text: text) == nil)
    }

    @Test func numbersFollowTheLanguage() {
        Language.$current.withValue(Language(code: "de")) {
            #expect(Format.money(159_588, currency: "EUR") == "159.588 €")
            #expect(Format.grouped(1234) == "1.234")
            #expect(Format.decimal(1234.5) == "1.234,5")
            #expect(Format.decimal(-12_345.25) == "-12.345,25")
            #expect(Format.decimal(999.5) == "999,5")
            #expect(Format.ratio(3.94) == "3,9x")
            #expect(Format.ratio(3) == "3,0x")
            #expect(Format.percent(0.925) == "92,5 %")
            #expect(Format.number(12.5) == "12.5", "the plain form files keep does not change")
        }
        Language.$current.withValue(Language(code: "es")) {
            #expect(Format.money(159_588, currency: "EUR") == "159.588 €")
            #expect(Format.money(85_000, currency: "MXN") == "85.000 MXN")
        }
        #expect(Format.money(159_588, currency: "USD") == "$159,588")
        #expect(Format.ratio(3) == "3.0x")
    }

    @Test func inputInTheSameFormsIsRead() {
        #expect(Values.number("1.200,50") == 1200.5)
        #expect(Values.number("1.200,50 €") == 1200.5)
        #expect(Values.number("159.588 €") == 159_588)
        #expect(Values.number("3,5") == 3.5)
    }
}
