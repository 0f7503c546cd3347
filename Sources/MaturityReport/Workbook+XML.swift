import MaturityCore

/// The workbook's parts as SpreadsheetML (ECMA-376): inline strings, numbers, dates as serial days
/// with a date style, and formulas with their cached values.
extension Workbook {
    /// A column's letters: 1 → A, 27 → AA.
    static func col(_ n: Int) -> String {
        var n = n, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Days since 1899-12-30, the serial a spreadsheet stores a date as (1970-01-01 is 25569).
    static func serial(_ d: Day) -> Int { (Day(iso: "1970-01-01").map { $0.days(until: d) } ?? 0) + 25_569 }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 forbids most control characters; a tab or newline stays.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            case _ where (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    static func xml(_ sheet: Sheet) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += "<cols>"
            + sheet.widths.enumerated().map { #"<col min="\#($0.offset + 1)" max="\#($0.offset + 1)" width="\#($0.element)" customWidth="1"/>"# }.joined()
            + "</cols>"
        out += "<sheetData>"
        for (i, row) in sheet.rows.enumerated() {
            out += #"<row r="\#(i + 1)">"#
            for (j, cell) in row.enumerated() {
                let ref = col(j + 1) + String(i + 1)
                let headerStyle = i == 0 && sheet.hasHeader ? Style.header.rawValue : nil
                switch cell {
                case .text(let t):
                    out += #"<c r="\#(ref)" t="inlineStr"\#(headerStyle.map { " s=\"\($0)\"" } ?? "")><is><t xml:space="preserve">\#(escape(t))</t></is></c>"#
                case .number(let v, let s): out += #"<c r="\#(ref)" s="\#(s.rawValue)"><v>\#(number(v))</v></c>"#
                case .date(let d): out += #"<c r="\#(ref)" s="\#(Style.date.rawValue)"><v>\#(serial(d))</v></c>"#
                case .formula(let f, let v, let s): out += #"<c r="\#(ref)" s="\#(s.rawValue)"><f>\#(escape(f))</f><v>\#(number(v))</v></c>"#
                case .textFormula(let f, let v): out += #"<c r="\#(ref)" t="str"><f>\#(escape(f))</f><v>\#(escape(v))</v></c>"#
                case .empty: continue
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    static func contentTypes(_ n: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...n).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0).xml" "#
                    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined()
            + "</Types>"
    }

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"</Relationships>"#

    static func workbook(_ sheets: [Sheet]) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
            + sheets.enumerated().map { #"<sheet name="\#(escape($0.element.name))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
            + #"</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>"#
    }

    static func workbookRels(_ n: Int) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...n).map {
                #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
                    + #"Target="worksheets/sheet\#($0).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + #"</Relationships>"#
    }

    /// Styles 0 general, 1 date (yyyy-mm-dd), 2 whole numbers with thousands, 3 one decimal, 4 bold header.
    static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + ##"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="#,##0.0"/></numFmts>"##
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
