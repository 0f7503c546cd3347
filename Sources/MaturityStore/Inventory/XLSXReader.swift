import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MaturityCore

/// Reads one worksheet of an .xlsx workbook: shared and inline strings, numbers, booleans,
/// dates (by their number format) and formula cells by their cached value. Each part is
/// size-capped while it is unpacked, and a part with a DTD is refused, so zip bombs and
/// entity bombs end in an error.
struct XLSXReader {
    let path: String
    let limits: ImportLimits

    func read(sheet: String?, row: (SheetRow) throws -> Void) throws {
        let archive = try ZipParts(path: path)
        let target = try sheetPath(archive, named: sheet)
        let shared = try archive.parts["xl/sharedStrings.xml"].map { _ in try sharedStrings(archive, "xl/sharedStrings.xml") } ?? []
        let dateStyles = try archive.parts["xl/styles.xml"].map { _ in try self.dateStyles(archive, "xl/styles.xml") } ?? []
        guard archive.parts[target] != nil else { throw ImportError.file(path, "the workbook lists \(target) but does not contain it") }
        do {
            try withoutActuallyEscaping(row) { row in
                let sax = SheetSAX(path: path, shared: shared, dateStyles: dateStyles, maxRows: limits.maxRows, row: row)
                // The sheet streams from the zip into the parser: never all in memory, never on disk.
                try sax.parse { feed in
                    var head = Data()
                    try archive.stream(target, maxBytes: limits.maxPartBytes, tooBig: tooBig(target)) { chunk in
                        if head.count < 65_536 {
                            head.append(chunk.prefix(65_536 - head.count))
                            try refuseDTD(head, part: target)
                        }
                        try feed(chunk)
                    }
                }
            }
        }
    }

    /// The workbook's sheet names, in order.
    func sheetNames() throws -> [String] {
        guard let archive = try? ZipParts(path: path), archive.parts["xl/workbook.xml"] != nil else { return [] }
        let sheets = SheetListHandler()
        try parse(XMLParser(data: try unpack(archive, "xl/workbook.xml")), sheets, part: "xl/workbook.xml")
        return sheets.sheets.map(\.name)
    }

    // MARK: Parts

    /// The worksheet's part path: the named sheet, or the first.
    func sheetPath(_ archive: ZipParts, named wanted: String?) throws -> String {
        guard archive.parts["xl/workbook.xml"] != nil else {
            throw ImportError.file(path, "not an .xlsx workbook (no xl/workbook.xml inside); save it from Excel or LibreOffice as .xlsx")
        }
        let sheets = SheetListHandler()
        try parse(XMLParser(data: try unpack(archive, "xl/workbook.xml")), sheets, part: "xl/workbook.xml")
        let rels = RelationshipHandler()
        if archive.parts["xl/_rels/workbook.xml.rels"] != nil {
            try parse(XMLParser(data: try unpack(archive, "xl/_rels/workbook.xml.rels")), rels, part: "xl/_rels/workbook.xml.rels")
        }
        guard !sheets.sheets.isEmpty else { throw ImportError.file(path, "the workbook has no sheets") }
        let chosen: (name: String, rid: String)
        if let wanted {
            guard let match = sheets.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw ImportError.file(path, "no sheet named \"\(wanted)\"; the sheets are: \(sheets.sheets.map(\.name).joined(separator: ", "))")
            }
            chosen = match
        } else {
            chosen = sheets.sheets[0]
        }
        guard let target = rels.targets[chosen.rid] else { return "xl/worksheets/sheet1.xml" }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    func sharedStrings(_ archive: ZipParts, _ part: String) throws -> [String] {
        let handler = SharedStringsHandler()
        // From a stream, so libxml2 gets it in chunks: in one piece, a table over about 10 MB is
        // refused as "not well-formed" by libxml2's single-chunk limit.
        do {
            try parse(XMLParser(stream: InputStream(data: try unpack(archive, part))), handler, part: part)
        } catch where handler.tooLong != nil {
            throw ImportError.file(path,
                                   "shared string \(handler.tooLong ?? 0) is longer than any spreadsheet cell (32,767 characters); "
                                   + "the file is damaged or not a real workbook")
        }
        return handler.strings
    }

    /// Indexes of cell styles (`s=`) whose number format shows a date.
    func dateStyles(_ archive: ZipParts, _ part: String) throws -> Set<Int> {
        let handler = StylesHandler()
        try parse(XMLParser(data: try unpack(archive, part)), handler, part: part)
        var dates = Set<Int>()
        for (index, format) in handler.cellFormats.enumerated() {
            if (14...22).contains(format) || (45...47).contains(format) { dates.insert(index); continue }
            if let code = handler.customFormats[format] {
                let stripped = code.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression).lowercased()
                if stripped.contains("y") || stripped.contains("d") || (stripped.contains("m") && !stripped.contains("0")) { dates.insert(index) }
            }
        }
        return dates
    }

    // MARK: Unpacking with caps

    func unpack(_ archive: ZipParts, _ part: String) throws -> Data {
        let data = try archive.data(part, maxBytes: limits.maxPartBytes, tooBig: tooBig(part))
        try refuseDTD(data.prefix(65_536), part: part)
        return data
    }

    func tooBig(_ part: String) -> String {
        "the part \(part) unpacks to more than \(Format.number(Double(limits.maxPartBytes) / 1_048_576, maxDecimals: 1)) MB; "
        + "refusing it (a zip bomb, or a sheet far larger than an inventory)"
    }

    /// Workbooks never carry a DTD; one here can only be an entity bomb or an external fetch.
    func refuseDTD(_ head: Data, part: String) throws {
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
            throw ImportError.file(path, "the part \(part) declares a DTD or entities, which workbooks never need; refusing it")
        }
    }

    func parse(_ parser: XMLParser, _ delegate: XMLParserDelegate, part: String) throws {
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            throw ImportError.file(path,
                                   "the part \(part) is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "unknown error")); "
                                   + "open and save the workbook again")
        }
    }
}
