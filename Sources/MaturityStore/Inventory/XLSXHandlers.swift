import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `<sheet name="..." r:id="rId1"/>` entries of xl/workbook.xml, in order.
final class SheetListHandler: NSObject, XMLParserDelegate {
    var sheets: [(name: String, rid: String)] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard elementName == "sheet", let name = attributeDict["name"] else { return }
        let rid = attributeDict["r:id"] ?? attributeDict["id"] ?? attributeDict.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((name, rid))
    }
}

/// Relationship id → target path, from xl/_rels/workbook.xml.rels.
final class RelationshipHandler: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if elementName == "Relationship", let id = attributeDict["Id"], let target = attributeDict["Target"] { targets[id] = target }
    }
}

/// The shared-string table: each `<si>` is one string, its rich-text runs joined, phonetic runs skipped.
final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// Number formats of the cell styles, to tell dates from plain numbers.
final class StylesHandler: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "numFmt":
            if let id = attributeDict["numFmtId"].flatMap(Int.init), let code = attributeDict["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributeDict["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "cellXfs" { inCellXfs = false }
    }
}

/// Streams a worksheet: collects each `<row>`'s cells by column and hands the row on.
final class SheetHandler: NSObject, XMLParserDelegate {
    let shared: [String]
    let dateStyles: Set<Int>
    let maxRows: Int
    let path: String
    let header: ([String]) throws -> Void
    let row: (SheetRow) throws -> Void
    var failure: Error?

    private var rowNumber = 0
    private var cells: [String?] = []
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var collecting = false
    private var inValue = false
    private var sawHeader = false
    private var rows = 0

    init(path: String, shared: [String], dateStyles: Set<Int>, maxRows: Int, header: @escaping ([String]) throws -> Void,
         row: @escaping (SheetRow) throws -> Void) {
        self.shared = shared
        self.dateStyles = dateStyles
        self.maxRows = maxRows
        self.path = path
        self.header = header
        self.row = row
    }

    /// `x:c` → `c`: without namespace processing a prefixed producer's names keep their prefix.
    static func local(_ name: String) -> Substring {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch Self.local(elementName) {
        case "row":
            rowNumber = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
        case "c":
            column = attributeDict["r"].map(Self.columnIndex) ?? cells.count
            type = attributeDict["t"] ?? "n"
            style = attributeDict["s"].flatMap(Int.init) ?? 0
            value = ""
            collecting = true
        case "v", "t":
            inValue = collecting
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "v", "t": inValue = false
        case "c":
            collecting = false
            guard let text = cellText() else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement(nil, count: column - cells.count + 1)) }
            cells[column] = text
        case "row":
            deliver(parser)
        default: break
        }
    }

    private func deliver(_ parser: XMLParser) {
        do {
            if !sawHeader {
                guard cells.contains(where: { $0 != nil }) else { return }
                sawHeader = true
                try header(cells.map { $0 ?? "" })
                return
            }
            guard cells.contains(where: { !($0 ?? "").trimmed.isEmpty }) else { return }
            rows += 1
            if rows > maxRows {
                throw ImportError.file(path, "the sheet has more than \(maxRows) rows; an inventory is far smaller")
            }
            try row(SheetRow(number: rowNumber, cells: cells))
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    /// The cell's text: shared strings looked up, booleans as yes/no, dates as YYYY-MM-DD.
    private func cellText() -> String? {
        switch type {
        case "s":
            guard let i = Int(value), i >= 0, i < shared.count else { return nil }
            return shared[i]
        case "b": return value == "1" ? "yes" : (value == "0" ? "no" : nil)
        case "e": return value.isEmpty ? nil : value
        case "inlineStr", "str", "d": return value.isEmpty ? nil : value
        default:
            guard !value.isEmpty else { return nil }
            if dateStyles.contains(style), let serial = Double(value) {
                // Excel's day 0 is 1899-12-30 (counting its phantom 1900-02-29).
                return MaturityCoreBridge.day(fromSerial: serial)
            }
            return value
        }
    }

    /// "BC12" → 54 (zero-based column).
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return max(0, index - 1)
    }
}
