import Foundation

/// Whether two process names are probably the same process, by a rule a person can check:
/// the same words once abbreviations and plurals are written out, one name's words the starts of
/// the other's, an acronym that spells the other's words, or nearly all words shared.
public enum ProcessNames {
    /// Why two names look like one process; MaturityYAML's `message` words it.
    public enum Reason: Sendable, Equatable {
        case sameWords
        case prefix(short: String, long: String)
        case acronym(String, of: String)
        case mostWords(shared: Int, of: Int)
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
            let token = raw.filter { $0.isLetter || $0.isNumber || $0 == "-" }
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

    /// A name taken apart once: its words, their set, its acronyms and the numbers in it.
    public struct Entry: Sendable {
        public let name: String
        let words: [String]
        let set: Set<String>
        let acronyms: [(String, String)]
        let numbers: Set<String>

        public init(_ name: String) {
            self.name = name
            words = ProcessNames.words(name)
            set = Set(words)
            acronyms = ProcessNames.acronyms(name)
            numbers = Set(words.filter { $0.allSatisfy(\.isNumber) })
        }
    }

    /// Why `a` and `b` look like one process, or nil when they do not. Equal names (ignoring case) are not asked.
    public static func similarity(_ a: String, _ b: String) -> Reason? { similarity(Entry(a), Entry(b)) }

    static func similarity(_ a: Entry, _ b: Entry) -> Reason? {
        let wa = a.words, wb = b.words, sa = a.set, sb = b.set
        guard !wa.isEmpty, !wb.isEmpty else { return nil }
        // "Line 1 changeover" and "Line 2 changeover" are two processes.
        guard a.numbers == b.numbers else { return nil }
        if sa == sb { return .sameWords }
        // An acronym of one is a word of the other: "Certificates of conformity (CoC)" and "CoC / material certs".
        for (acronym, expansion) in a.acronyms where sb.contains(acronym) { return .acronym(acronym.uppercased(), of: expansion) }
        for (acronym, expansion) in b.acronyms where sa.contains(acronym) { return .acronym(acronym.uppercased(), of: expansion) }
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
    /// Names by their words and acronyms, so a new name is compared only with names that share
    /// all but one of its words, or whose acronym is one of its words (or the other way round):
    /// an inventory of 100,000 processes is not compared pair by pair.
    public struct Index: Sendable {
        var entries: [Entry] = []
        var byWord: [String: [Int]] = [:]
        var byAcronym: [String: [Int]] = [:]
        /// Names listed per word at most: a word in hundreds of names says little on its own, and
        /// comparing with every one of them made a 100,000-row import twice as slow. A word's first
        /// 32 names are listed; a near-duplicate is still found through any rarer word it shares.
        static let bucketLimit = 32

        public init() {}

        public mutating func add(_ name: String) {
            let id = entries.count
            let e = Entry(name)
            entries.append(e)
            for w in e.set where byWord[w, default: []].count < Self.bucketLimit { byWord[w, default: []].append(id) }
            for (a, _) in e.acronyms where byAcronym[a, default: []].count < Self.bucketLimit { byAcronym[a, default: []].append(id) }
        }

        /// The first name already added that looks like `name` (an equal name excepted), and why.
        public func match(_ name: String) -> (name: String, reason: Reason)? {
            let e = Entry(name)
            var shared: [Int: Int] = [:]
            for w in e.set { for id in byWord[w] ?? [] { shared[id, default: 0] += 1 } }
            // Most of the words of both names shared; checked on the counts before any name is compared.
            func need(_ count: Int) -> Int { max(1, min(count - 1, (count * 3 + 3) / 4)) }
            let mine = need(e.set.count)
            var candidates = Set(shared.filter { id, n in n >= mine && n >= need(entries[id].set.count) && entries[id].numbers == e.numbers }.keys)
            for (a, _) in e.acronyms { candidates.formUnion(byWord[a] ?? []) }
            for w in e.set { candidates.formUnion(byAcronym[w] ?? []) }
            let lower = name.lowercased()
            for id in candidates.sorted() where entries[id].name.lowercased() != lower {
                if let reason = ProcessNames.similarity(e, entries[id]) { return (entries[id].name, reason) }
            }
            return nil
        }
    }
}
