import CLibXML2
import Foundation
import MaturityCore
import MaturityYAML

/// Streams a worksheet through libxml2's SAX2 interface directly. The cell values are the only
/// strings it makes; element and attribute names are compared as bytes. The small parts (the
/// workbook, its relationships, the styles) go through FoundationXML in `XLSXHandlers.swift`.
final class SheetSAX {
    let shared: [String]
    let dateStyles: Set<Int>
    let maxRows: Int
    let path: String
    let row: (SheetRow) throws -> Void
    var failure: Error?

    private var rowNumber = 0
    private var cells: [String?] = []
    private var column = 0
    /// The current cell's reference as written (`B3`), for messages.
    private var reference = ""
    private var type: UInt8 = UInt8(ascii: "n")
    private var typeIsInline = false
    private var style = 0
    private var value: [UInt8] = []
    private var collecting = false
    private var inValue = false
    private var rowHidden = false
    /// Zero-based columns the workbook hides (`<col min max hidden="1">`).
    private var hiddenColumns = Set<Int>()
    private var rows = 0
    private var stopped = false

    init(path: String, shared: [String], dateStyles: Set<Int>, maxRows: Int,
         row: @escaping (SheetRow) throws -> Void) {
        self.path = path
        self.shared = shared
        self.dateStyles = dateStyles
        self.maxRows = maxRows
        self.row = row
    }

    /// Feeds the parser chunk by chunk; `chunks` calls its argument for each piece of the part.
    func parse(_ chunks: ((Data) throws -> Void) throws -> Void) throws {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<SheetSAX>.fromOpaque(ctx).takeUnretainedValue().start(localname, Int(nbAttributes), attributes)
        }
        handler.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<SheetSAX>.fromOpaque(ctx).takeUnretainedValue().end(localname)
        }
        handler.characters = { ctx, bytes, length in
            guard let ctx, let bytes else { return }
            let me = Unmanaged<SheetSAX>.fromOpaque(ctx).takeUnretainedValue()
            guard me.inValue, me.failure == nil else { return }
            // A cell longer than any spreadsheet allows is refused while it streams, before it fills memory.
            if me.value.count + Int(length) > SheetLimits.cellBytes {
                me.failTooLong()
                return
            }
            me.value.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        // Entities are never substituted and nothing is fetched from the network.
        handler.getEntity = { _, _ in nil }
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, me, nil, 0, nil) else {
            throw ImportError.file(path, "cannot start the XML parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
        try chunks { data in
            if self.stopped { return }
            let rc = data.withUnsafeBytes { raw in
                xmlParseChunk(ctxt, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), 0)
            }
            if let failure = self.failure { throw failure }
            if rc != 0 { throw ImportError.file(self.path, "the worksheet is not well-formed XML (libxml2 error \(rc)); open and save the workbook again") }
        }
        if !stopped {
            let rc = xmlParseChunk(ctxt, nil, 0, 1)
            if let failure { throw failure }
            if rc != 0 { throw ImportError.file(path, "the worksheet is not well-formed XML (libxml2 error \(rc)); open and save the workbook again") }
        }
        if let failure { throw failure }
    }

    // MARK: Callbacks

    private static func equals(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private func start(_ name: UnsafePointer<xmlChar>, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if Self.equals(name, "c") {
            column = cells.count
            reference = ""
            type = UInt8(ascii: "n")
            typeIsInline = false
            style = 0
            value.removeAll(keepingCapacity: true)
            collecting = true
            guard let attributes else { return }
            // Five pointers per attribute: localname, prefix, URI, value start, value end.
            for i in 0..<count {
                guard let attr = attributes[i * 5], let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { continue }
                let bytes = UnsafeBufferPointer(start: start, count: end - start)
                switch attr[0] {
                case UInt8(ascii: "r") where attr[1] == 0:
                    reference = String(decoding: bytes.prefix(40), as: UTF8.self)
                    guard let index = Self.columnIndex(bytes) else {
                        fail("cell reference \"\(reference)\" is outside any worksheet (columns A to XFD, rows 1 to 1,048,576); "
                             + "the file is damaged: open and save it again")
                        return
                    }
                    column = index
                case UInt8(ascii: "t") where attr[1] == 0:
                    type = bytes.first ?? UInt8(ascii: "n")
                    typeIsInline = bytes.count > 1 && type == UInt8(ascii: "i")
                case UInt8(ascii: "s") where attr[1] == 0: style = Self.integer(bytes)
                default: break
                }
            }
        } else if Self.equals(name, "v") || Self.equals(name, "t") {
            inValue = collecting
        } else if Self.equals(name, "col") {
            guard let attributes else { return }
            var lo = 0, hi = 0, hidden = false
            for i in 0..<count {
                guard let attr = attributes[i * 5], let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { continue }
                let bytes = UnsafeBufferPointer(start: start, count: end - start)
                let key = String(cString: UnsafeRawPointer(attr).assumingMemoryBound(to: CChar.self))
                switch key {
                case "min": lo = Self.integer(bytes)
                case "max": hi = Self.integer(bytes)
                case "hidden": hidden = bytes.first == UInt8(ascii: "1") || bytes.first == UInt8(ascii: "t")
                default: break
                }
            }
            if hidden, lo >= 1, hi >= lo, hi <= Self.maxColumn { for c in lo...hi { hiddenColumns.insert(c - 1) } }
        } else if Self.equals(name, "row") {
            cells.removeAll(keepingCapacity: true)
            rowNumber += 1
            rowHidden = false
            guard let attributes else { return }
            for i in 0..<count {
                if let attr = attributes[i * 5], let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4],
                   String(cString: UnsafeRawPointer(attr).assumingMemoryBound(to: CChar.self)) == "hidden" {
                    rowHidden = start.pointee == UInt8(ascii: "1") || start.pointee == UInt8(ascii: "t")
                    _ = end
                    continue
                }
                guard let attr = attributes[i * 5], attr[0] == UInt8(ascii: "r"), attr[1] == 0,
                      let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { continue }
                rowNumber = Self.integer(UnsafeBufferPointer(start: start, count: end - start))
                if rowNumber < 1 || rowNumber > Self.maxRow {
                    fail("row number \(Self.integer(UnsafeBufferPointer(start: start, count: end - start))) is outside a worksheet (1 to 1,048,576); "
                         + "the file is damaged: open and save it again")
                }
            }
        }
    }

    private func end(_ name: UnsafePointer<xmlChar>) {
        if Self.equals(name, "v") || Self.equals(name, "t") {
            inValue = false
        } else if Self.equals(name, "c") {
            collecting = false
            guard failure == nil, let text = cellText() else { return }
            // A stray value far to the right (column XFD) must not pad every row to 16,384 cells:
            // an inventory's columns end long before this, so such cells are left out.
            guard column < Self.columnsRead else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement(nil, count: column - cells.count + 1)) }
            cells[column] = text
        } else if Self.equals(name, "row") {
            deliver()
        }
    }

    func failTooLong() {
        let at = reference.isEmpty ? "a cell in row \(rowNumber)" : "cell \(reference)"
        fail("\(at) is longer than any spreadsheet cell (32,767 characters); the file is damaged or not a real workbook")
    }

    private func fail(_ message: String) {
        guard failure == nil else { return }
        failure = ImportError.file(path, message)
        stopped = true
    }

    private func deliver() {
        guard failure == nil else { return }
        do {
            guard cells.contains(where: { !($0 ?? "").trimmed.isEmpty }) else { return }
            rows += 1
            // The header (and any title rows above it) do not count toward the cap.
            if rows > maxRows + 20 { throw ImportError.file(path,
                                                            "the sheet has more than \(Format.grouped(Double(maxRows))) rows, "
                                                            + "the limit (an inventory is far smaller): split the file") }
            try row(SheetRow(number: rowNumber, cells: cells, hidden: rowHidden, hiddenColumns: hiddenColumns))
        } catch {
            failure = error
            stopped = true
        }
    }

    private func cellText() -> String? {
        let text = String(decoding: value, as: UTF8.self)
        switch type {
        case UInt8(ascii: "s"):
            guard let i = Int(text.trimmed), i >= 0, i < shared.count else {
                let at = reference.isEmpty ? "a cell in row \(rowNumber)" : "cell \(reference)"
                fail("\(at) points at shared string \"\(text.prefix(20))\", but the workbook has \(shared.count) shared strings; "
                     + "the file is damaged: open and save it again in Excel or LibreOffice")
                return nil
            }
            return shared[i]
        case UInt8(ascii: "b"): return text == "1" ? "yes" : (text == "0" ? "no" : nil)
        case UInt8(ascii: "i"), UInt8(ascii: "e"), UInt8(ascii: "d"): return text.isEmpty ? nil : text
        default:
            if type == UInt8(ascii: "s") || text.isEmpty { return text.isEmpty ? nil : text }
            if type == UInt8(ascii: "n"), dateStyles.contains(style), let serial = Double(text) {
                return Day.isoText(excelSerial: serial)
            }
            return text
        }
    }

    /// The last column (XFD) and row of a worksheet.
    static let maxColumn = 16_384
    /// Columns an inventory may use (A to ALL); cells further right are not read.
    static let columnsRead = 1_000
    static let maxRow = 1_048_576

    /// "BC12" → 54 (zero-based column); nil past column XFD or row 1,048,576.
    static func columnIndex(_ bytes: UnsafeBufferPointer<xmlChar>) -> Int? {
        var index = 0
        var letters = 0
        for b in bytes {
            guard b >= 65, b <= 90 else { break }
            letters += 1
            if letters > 3 { return nil }
            index = index * 26 + Int(b - 64)
        }
        guard index <= maxColumn, integer(UnsafeBufferPointer(rebasing: bytes[letters...])) <= maxRow else { return nil }
        return max(0, index - 1)
    }

    /// Digits as a number, saturating instead of overflowing (a damaged file may hold 30 of them).
    static func integer(_ bytes: UnsafeBufferPointer<xmlChar>) -> Int {
        var n = 0
        for b in bytes where b >= 48 && b <= 57 {
            n = n * 10 + Int(b - 48)
            if n > 1_000_000_000 { return Int.max / 2 }
        }
        return n
    }
}

/// Sizes a real spreadsheet never exceeds.
enum SheetLimits {
    /// Excel's 32,767 characters a cell, at up to four UTF-8 bytes each.
    static let cellBytes = 32_767 * 4
}
