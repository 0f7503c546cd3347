import Foundation

/// Whether two process names are probably the same process, by a rule a person can check:
/// the same words once abbreviations and plurals are written out, one name's words the starts of
/// the other's, an acronym that spells the other's words, or nearly all words shared.
public enum ProcessNames {
    /// Why two names look like one process.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case sameWords
        case prefix(short: String, long: String)
        case acronym(String, of: String)
        case mostWords(shared: Int, of: Int)

        public var description: String {
            switch self {
            case .sameWords: return "the same words once abbreviations are written out"
            case .prefix(let s, let l): return "\"\(s)\" is the start of \"\(l)\""
            case .acronym(let a, let words): return "\"\(a)\" stands for \"\(words)\""
            case .mostWords(let shared, let total): return "\(shared) of \(total) words shared"
            }
        }
    }

    /// Abbreviations written out before comparing.
    static let longForms: [String: String] = [
        "prep": "preparation", "cert": "certificate", "certs": "certificate", "mgmt": "management", "mgt": "management",
        "admin": "administration", "approv": "approval", "recon": "reconciliation", "rec": "reconciliation",
        "inv": "invoice", "qty": "quantity", "req": "request", "reqs": "request", "info": "information",
        "docs": "document", "doc": "document", "po": "purchase order", "pos": "purchase order", "ap": "accounts payable",
        "ar": "accounts receivable", "cust": "customer", "supp": "supplier", "ncr": "nonconformance report",
    ]
    static let stopWords: Set<String> = ["of", "and", "the", "for", "a", "an", "to", "in", "on", "with", "from", "by", "&"]

    /// The content words of a name: lower case, split on spaces and slashes (a hyphen joins),
    /// parentheses dropped, abbreviations written out, a plural s dropped.
    static func words(_ name: String) -> [String] {
        let lowered = name.lowercased().map { "()[],/;:+".contains($0) ? " " : $0 }
        var out: [String] = []
        for raw in String(lowered).split(separator: " ").map(String.init) {
            let token = raw.trimmingCharacters(in: CharacterSet.alphanumerics.inverted.subtracting(CharacterSet(charactersIn: "-")))
            guard !token.isEmpty, !stopWords.contains(token) else { continue }
            for word in (longForms[token] ?? token).split(separator: " ").map(String.init) {
                out.append(word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word)
            }
        }
        return out
    }

    /// The acronyms a name gives: one in parentheses ("(CoC)"), and the initials of three or more words.
    static func acronyms(_ name: String) -> [(String, String)] {
        var out: [(String, String)] = []
        if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            let inside = name[name.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            let outside = name[..<open].trimmingCharacters(in: .whitespaces)
            if inside.count >= 2, !inside.contains(" ") { out.append((inside, outside)) }
        }
        let plain = name.split { $0 == "(" }.first.map(String.init) ?? name
        let all = plain.lowercased().split { !$0.isLetter }.map(String.init)
        if all.count >= 3 { out.append((String(all.compactMap(\.first)), plain.trimmingCharacters(in: .whitespaces))) }
        return out
    }

    /// Why `a` and `b` look like one process, or nil when they do not. Equal names (ignoring case) are not asked.
    public static func similarity(_ a: String, _ b: String) -> Reason? {
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty else { return nil }
        let sa = Set(wa), sb = Set(wb)
        if sa == sb { return .sameWords }
        // An acronym of one is a word of the other: "Certificates of conformity (CoC)" and "CoC / material certs".
        for (acronym, expansion) in acronyms(a) where sb.contains(acronym) { return .acronym(acronym.uppercased(), of: expansion) }
        for (acronym, expansion) in acronyms(b) where sa.contains(acronym) { return .acronym(acronym.uppercased(), of: expansion) }
        // Word for word, one is the start of the other ("Quote prep" / "Quote preparation").
        if wa.count == wb.count {
            var short: [String] = [], long: [String] = []
            let pairs = zip(wa, wb).allSatisfy { x, y in
                if x == y { return true }
                let (s, l) = x.count < y.count ? (x, y) : (y, x)
                // An abbreviation is short beside its word: "prep" for "preparation", not "custom" for "customer".
                guard s.count >= 3, s.count * 10 <= l.count * 6, l.hasPrefix(s) else { return false }
                short.append(s)
                long.append(l)
                return true
            }
            if pairs, !short.isEmpty { return .prefix(short: short.joined(separator: " "), long: long.joined(separator: " ")) }
        }
        let shared = sa.intersection(sb).count, total = sa.union(sb).count
        if shared >= 3, Double(shared) / Double(total) >= 0.75 { return .mostWords(shared: shared, of: total) }
        return nil
    }
}

extension ProcessNames {
    /// Names by their words and acronyms, so a new name is compared only with names that share one
    /// (an inventory of 100,000 processes is not compared pair by pair).
    public struct Index: Sendable {
        var names: [String] = []
        var buckets: [String: [Int]] = [:]
        /// Names compared per word at most: a word in thousands of names says little on its own.
        static let bucketLimit = 200

        public init() {}

        public mutating func add(_ name: String) {
            let id = names.count
            names.append(name)
            let keys = Set(ProcessNames.words(name) + ProcessNames.acronyms(name).map(\.0))
            for key in keys where buckets[key, default: []].count < Self.bucketLimit { buckets[key, default: []].append(id) }
        }

        /// The first name already added that looks like `name` (an equal name excepted), and why.
        public func match(_ name: String) -> (name: String, reason: Reason)? {
            let keys = Set(ProcessNames.words(name) + ProcessNames.acronyms(name).map(\.0))
            let ids = Set(keys.flatMap { buckets[$0] ?? [] }).sorted()
            for id in ids where names[id].lowercased() != name.lowercased() {
                if let reason = ProcessNames.similarity(name, names[id]) { return (names[id], reason) }
            }
            return nil
        }
    }
}
