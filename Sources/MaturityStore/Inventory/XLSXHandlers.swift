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
    /// Set when a string is longer than any spreadsheet cell can hold; the parse is stopped there.
    var tooLong: Int?
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
        guard inText else { return }
        current += string
        // Excel holds at most 32,767 characters in a cell: more is a damaged or hostile file, stopped while it streams.
        if current.utf8.count > SheetLimits.cellBytes {
            tooLong = strings.count
            parser.abortParsing()
        }
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
