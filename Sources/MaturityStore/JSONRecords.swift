import Foundation

/// JSON decision logs: one JSON document (an array of objects, or one object) or JSON Lines, each
/// object flattened to dotted paths (`metadata.mode`), so nested exports read as columns.
enum JSONRecords {
    /// The objects of a JSON or JSON Lines file, with the line each starts on.
    static func read(path: String, file: String, problem: (Int, String) -> Void) throws -> [(line: Int, object: [String: Any])] {
        let data = try FileStore().readData(path, limit: Int.max / 2)
        let firstByte = data.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        // A whole-file document: a JSON array (an API or UI export), or one object holding an array.
        if firstByte == UInt8(ascii: "["), let array = (try? JSONSerialization.jsonObject(with: data)) as? [Any] {
            return array.enumerated().compactMap { i, v in (v as? [String: Any]).map { (i + 1, $0) } }
        }
        if firstByte == UInt8(ascii: "{"), let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            if let rows = object["data"] as? [Any] ?? object["runs"] as? [Any] ?? object["traces"] as? [Any] {
                return rows.enumerated().compactMap { i, v in (v as? [String: Any]).map { (i + 1, $0) } }
            }
            // One document spread over several lines (an OTLP request, pretty-printed).
            return [(1, object)]
        }
        var out: [(line: Int, object: [String: Any])] = []
        var line = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 10) ?? data.endIndex
            line += 1
            let chunk = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if chunk.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: chunk)) as? [String: Any] else {
                problem(line, "not a JSON object; each line holds one case as {\"case_id\": …, \"at\": …, \"mode\": …}")
                continue
            }
            out.append((line, object))
        }
        return out
    }

    /// An object's scalar values by dotted path, in a stable order. A one-element array reads as
    /// its element (`[1]`); a longer array of scalars as its elements joined with commas.
    static func flatten(_ object: [String: Any], prefix: String = "") -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for key in object.keys.sorted() {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let value = object[key] else { continue }
            if let nested = value as? [String: Any] {
                out += flatten(nested, prefix: path)
            } else if let array = value as? [Any] {
                let scalars = array.compactMap(scalar)
                if scalars.count == array.count, !scalars.isEmpty { out.append((path, scalars.count == 1 ? scalars[0] : scalars.joined(separator: ","))) }
            } else if let text = scalar(value) {
                out.append((path, text))
            }
        }
        return out
    }

    /// A JSON scalar as a cell: true/false as yes/no, numbers as written, null as empty.
    static func scalar(_ value: Any) -> String? {
        if value is NSNull { return "" }
        if type(of: value) == Bool.self, let b = value as? Bool { return b ? "yes" : "no" }
        if let n = value as? NSNumber { return n.stringValue }
        if let s = value as? String { return s }
        return nil
    }
}
