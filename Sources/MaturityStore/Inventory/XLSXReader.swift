import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MaturityCore
import ZIPFoundation

/// Reads one worksheet of an .xlsx workbook: shared and inline strings, numbers, booleans,
/// dates (by their number format) and formula cells by their cached value. Each part is
/// size-capped while it is unpacked, and a part with a DTD is refused, so zip bombs and
/// entity bombs end in an error.
struct XLSXReader {
    let path: String
    let limits: ImportLimits

    func read(sheet: String?, header: ([String]) throws -> Void, row: (SheetRow) throws -> Void) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError.file(path, "not a valid .xlsx workbook (it is not a zip archive); save it from Excel or LibreOffice as .xlsx, or export CSV")
        }
        let target = try sheetPath(archive, named: sheet)
        let shared = try archive["xl/sharedStrings.xml"].map { try sharedStrings(archive, $0) } ?? []
        let dateStyles = try archive["xl/styles.xml"].map { try self.dateStyles(archive, $0) } ?? []
        guard let entry = archive[target] else { throw ImportError.file(path, "the workbook lists \(target) but does not contain it") }
        try checkDeclaredSize(entry)
        try withoutActuallyEscaping(header) { header in
            try withoutActuallyEscaping(row) { row in
                let sax = SheetSAX(path: path, shared: shared, dateStyles: dateStyles, maxRows: limits.maxRows, header: header, row: row)
                // The sheet streams from the zip into the parser: never all in memory, never on disk.
                try sax.parse { feed in
                    var unpacked: UInt64 = 0
                    var head = Data()
                    do {
                        // The CRC is skipped here: computing it in Swift cost a tenth of a large
                        // import, and a damaged deflate stream or malformed XML still fails loudly.
                        _ = try archive.extract(entry, skipCRC32: true) { chunk in
                            unpacked += UInt64(chunk.count)
                            if unpacked > limits.maxPartBytes { throw ImportError.file(path, tooBig(entry)) }
                            if head.count < 65_536 {
                                head.append(chunk.prefix(65_536 - head.count))
                                try refuseDTD(head, part: target)
                            }
                            try feed(chunk)
                        }
                    } catch let e as ImportError {
                        throw e
                    } catch let e as ImportFailure {
                        throw e
                    } catch {
                        throw ImportError.file(path, "the part \(target) is damaged (\(error)); open and save the workbook again")
                    }
                }
            }
        }
    }

    /// The workbook's sheet names, in order.
    func sheetNames() throws -> [String] {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil),
              let workbook = archive["xl/workbook.xml"] else { return [] }
        let sheets = SheetListHandler()
        try parse(XMLParser(data: try unpack(archive, workbook)), sheets, part: "xl/workbook.xml")
        return sheets.sheets.map(\.name)
    }

    // MARK: Parts

    /// The worksheet's part path: the named sheet, or the first.
    func sheetPath(_ archive: Archive, named wanted: String?) throws -> String {
        guard let workbook = archive["xl/workbook.xml"] else {
            throw ImportError.file(path, "not an .xlsx workbook (no xl/workbook.xml inside); save it from Excel or LibreOffice as .xlsx")
        }
        let sheets = SheetListHandler()
        try parse(XMLParser(data: try unpack(archive, workbook)), sheets, part: "xl/workbook.xml")
        let rels = RelationshipHandler()
        if let entry = archive["xl/_rels/workbook.xml.rels"] {
            try parse(XMLParser(data: try unpack(archive, entry)), rels, part: "xl/_rels/workbook.xml.rels")
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

    func sharedStrings(_ archive: Archive, _ entry: Entry) throws -> [String] {
        let handler = SharedStringsHandler()
        try parse(XMLParser(data: try unpack(archive, entry)), handler, part: entry.path)
        return handler.strings
    }

    /// Indexes of cell styles (`s=`) whose number format shows a date.
    func dateStyles(_ archive: Archive, _ entry: Entry) throws -> Set<Int> {
        let handler = StylesHandler()
        try parse(XMLParser(data: try unpack(archive, entry)), handler, part: entry.path)
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

    func unpack(_ archive: Archive, _ entry: Entry) throws -> Data {
        try checkDeclaredSize(entry)
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > limits.maxPartBytes { throw ImportError.file(path, tooBig(entry)) }
            }
        } catch let e as ImportError {
            throw e
        } catch {
            throw ImportError.file(path, "the part \(entry.path) is damaged (\(error)); open and save the workbook again")
        }
        try refuseDTD(data.prefix(65_536), part: entry.path)
        return data
    }

    func checkDeclaredSize(_ entry: Entry) throws {
        if entry.uncompressedSize > limits.maxPartBytes { throw ImportError.file(path, tooBig(entry)) }
    }

    func tooBig(_ entry: Entry) -> String {
        "the part \(entry.path) unpacks to more than \(Format.number(Double(limits.maxPartBytes) / 1_048_576, maxDecimals: 1)) MB; refusing it (a zip bomb, or a sheet far larger than an inventory)"
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
            throw ImportError.file(path, "the part \(part) is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "unknown error")); open and save the workbook again")
        }
    }
}
