import Foundation
import MaturityCore
import MaturityYAML

/// How to read a survey export: which columns hold the names and roles, and which header answers
/// which question when its text differs from the questionnaire's (`--map "Header=question_id"`).
public struct SurveyOptions: Sendable {
    public var nameColumn: String?
    public var roleColumn: String?
    public var maps: [(header: String, question: String)]
    /// No name column: the respondents are called Respondent 1, 2, … in row order.
    public var anonymous: Bool

    public init(nameColumn: String? = nil, roleColumn: String? = nil, maps: [(header: String, question: String)] = [], anonymous: Bool = false) {
        self.nameColumn = nameColumn
        self.roleColumn = roleColumn
        self.maps = maps
        self.anonymous = anonymous
    }
}

/// A survey export read as participants: one per row, each with the answers the questionnaire
/// asks, and what was matched, skipped and noticed on the way.
public struct SurveyResponses: Sendable {
    public struct Person: Sendable {
        public var row: Int
        public var respondent: Respondent
        /// Answers by question id; nil inside is unknown (left empty, "not sure").
        public var answers: [String: Answer?]
        /// The day the response was submitted, when the export says it plainly (YYYY-MM-DD).
        public var submitted: Day?
    }
    public struct Match: Sendable {
        public var column: Int
        public var question: String
        /// "text", "id" or "--map": how the header was matched.
        public var how: String
    }

    public var nameColumn: Int?
    public var roleColumn: Int?
    public var matches: [Match]
    /// Columns every export of the tool has (timestamps, e-mail, ids): read for names or dates only.
    public var exportColumns: [Int]
    /// Columns that are no question of the questionnaire, with the nearest question's id when one is close.
    public var ignored: [(column: Int, nearest: String?)]
    /// Questions no column answers: unknown for everyone.
    public var unasked: [String]
    public var people: [Person]
    /// Cells read with a judgement, by row and column: said, not refused.
    public var warnings: [String]
}

public enum SurveyImporter {
    /// The fixed columns of Microsoft Forms, Google Forms and Typeform exports, as `SurveyText.plain` writes them.
    static let exportHeaders: Set<String> = [
        "id", "start time", "completion time", "email", "name", "last modified time", "total points", "quiz feedback",
        "timestamp", "email address", "score", "",
        "response type", "start date utc", "stage date utc", "submit date utc", "network id", "tags", "ending", "response id",
    ]
    static let nameHeaders: Set<String> = ["name", "full name", "your name", "your full name", "what is your name", "respondent",
                                           "participant", "participant name", "respondent name", "first and last name", "your first and last name",
                                           "name and surname",
                                           "what s your name", "whats your name", "name of respondent", "participant s name"]
    static let roleHeaders: Set<String> = ["role", "your role", "what is your role", "job title", "your job title", "title", "position",
                                           "your position", "function", "job role", "role title", "what is your job title"]

    /// Candidate name columns, best first: a question asking the name before the export's own `Name`
    /// (Microsoft Forms writes "Anonymous" there when names are not recorded).
    public static func nameCandidates(_ t: SurveyTable) -> [Int] {
        let headers = t.headers.map(SurveyText.question)
        var found = headers.indices.filter { nameHeaders.contains(headers[$0]) }
        found.sort { a, b in (headers[a] == "name" ? 1 : 0, a) < (headers[b] == "name" ? 1 : 0, b) }
        return found.filter { c in t.rows.contains { !isAnonymous($0.cell(c)) } }
    }

    public static func roleCandidates(_ t: SurveyTable) -> [Int] {
        let headers = t.headers.map(SurveyText.question)
        return headers.indices.filter { c in
            roleHeaders.contains(headers[c]) || (headers[c].split(separator: " ").contains("role") && headers[c].count <= 40)
        }
    }

    static func isAnonymous(_ cell: String) -> Bool {
        let p = SurveyText.plain(cell)
        return p.isEmpty || p == "anonymous" || p == "anonym" || p == "anonyme"
    }

    /// A column named by header (any case and punctuation) or by number (1 = the first).
    public static func column(_ named: String, in t: SurveyTable) -> Int? {
        if let n = Int(named.trimmed), (1...t.headers.count).contains(n) { return n - 1 }
        let wanted = SurveyText.plain(named)
        return t.headers.firstIndex { SurveyText.plain($0) == wanted }
    }

    /// Reads every row, or throws every problem at once (nothing half-read is returned).
    public static func read(_ t: SurveyTable, questionnaire q: Questionnaire, options o: SurveyOptions) throws -> SurveyResponses {
        var problems: [String] = []
        func columnOption(_ value: String?, _ flag: String) -> Int? {
            guard let value else { return nil }
            if let c = column(value, in: t) { return c }
            problems.append("\(t.file): error: \(flag) \"\(value)\" names no column; "
                            + "the headers are \(t.headers.enumerated().map { "\($0.offset + 1) \"\($0.element)\"" }.joined(separator: ", "))")
            return nil
        }
        let nameColumn = o.anonymous ? nil : columnOption(o.nameColumn, "--name-column") ?? (o.nameColumn == nil ? nameCandidates(t).first : nil)
        let questionTexts = Set(q.questions.map { SurveyText.question($0.prompt) })
        let roleColumn = columnOption(o.roleColumn, "--role-column")
            ?? (o.roleColumn == nil ? roleCandidates(t).first { $0 != nameColumn && !questionTexts.contains(SurveyText.question(t.headers[$0])) } : nil)
        if nameColumn == nil, !o.anonymous, o.nameColumn == nil {
            problems.append("\(t.file): error: no column holds the respondents' names (looked for a header like Name, Your name or Full name); "
                            + "name it with --name-column \"HEADER\", or pass --anonymous to call them Respondent 1, 2, …")
        }

        // Which column answers which question: --map first, then the question's text, short name or id.
        var matches: [SurveyResponses.Match] = []
        var taken = Set<Int>()
        for m in o.maps {
            guard let c = column(m.header, in: t) else {
                problems.append("\(t.file): error: --map \"\(m.header)=\(m.question)\" names no column; the header must match one in the file (any case and "
                                + "punctuation)")
                continue
            }
            guard q.question(m.question) != nil else {
                problems.append("\(t.file): error: --map \"\(m.header)=\(m.question)\": \(m.question) is no question of \(q.id); "
                                + "the ids are \(q.questions.map(\.id).joined(separator: ", "))")
                continue
            }
            matches.append(.init(column: c, question: m.question, how: "--map"))
            taken.insert(c)
        }
        for (c, header) in t.headers.enumerated() where !taken.contains(c) && c != nameColumn && c != roleColumn {
            let h = SurveyText.question(header)
            guard !h.isEmpty, !matches.contains(where: { SurveyText.question(t.headers[$0.column]) == h }) else { continue }
            if let question = q.questions.first(where: { SurveyText.question($0.prompt) == h }) {
                matches.append(.init(column: c, question: question.id, how: "text"))
            } else if let question = q.questions.first(where: { SurveyText.plain($0.id) == h || $0.short.map(SurveyText.question) == h }) {
                matches.append(.init(column: c, question: question.id, how: "id"))
            } else if case let within = q.questions.filter({ h.contains(SurveyText.question($0.prompt)) }), within.count == 1 {
                // The question's whole text with more around it: "… today? (choose one)".
                matches.append(.init(column: c, question: within[0].id, how: "text with more words"))
            } else {
                continue
            }
            taken.insert(c)
        }
        var seen: [String: Int] = [:]
        for m in matches {
            if let first = seen[m.question] {
                problems.append("\(t.file): error: \(t.describe(first)) and \(t.describe(m.column)) both answer \(m.question); "
                                + "keep one, or map the other to another question with --map")
            }
            seen[m.question] = seen[m.question] ?? m.column
        }
        let exportColumns = t.headers.indices.filter { !taken.contains($0) && $0 != nameColumn && $0 != roleColumn
                                                      && exportHeaders.contains(SurveyText.plain(t.headers[$0])) }
        let ignored = t.headers.indices.filter { !taken.contains($0) && $0 != nameColumn && $0 != roleColumn && !exportColumns.contains($0) }.map { c in
            (column: c, nearest: nearest(t.headers[c], q))
        }
        if matches.isEmpty {
            problems.append("\(t.file): error: no column matches a question of \(q.id) by its text or id; map them with --map \"HEADER=question_id\" (the ids "
                            + "are \(q.questions.map(\.id).joined(separator: ", ")))")
        }
        guard problems.isEmpty else { throw SurveyImportFailure(problems) }

        let dateColumn = t.headers.indices.first { ["completion time", "submit date utc", "timestamp"].contains(SurveyText.plain(t.headers[$0])) }
        var people: [SurveyResponses.Person] = []
        var warnings: [String] = []
        var names: [String: Int] = [:]
        for (i, row) in t.rows.enumerated() {
            let where_ = { (c: Int) in "\(t.file): row \(row.number), \(t.describe(c))" }
            var respondent = Respondent(name: "Respondent \(i + 1)")
            if let c = nameColumn {
                let name = row.cell(c).trimmed
                if isAnonymous(name) {
                    problems.append("\(where_(c)): error: no name (\"\(name)\"); type the person's name in the cell, "
                                    + "or pass --anonymous to number the respondents")
                } else {
                    respondent = person(name)
                }
            }
            if let c = roleColumn, !row.cell(c).trimmed.isEmpty { respondent.role = row.cell(c).trimmed }
            if let first = names[respondent.name.lowercased()] {
                problems.append("\(t.file): row \(row.number): error: \(respondent.name) also answered in row \(first); "
                                + "delete the row that is not their final answer, or give each person a different name")
            }
            names[respondent.name.lowercased()] = names[respondent.name.lowercased()] ?? row.number
            var answers: [String: Answer?] = [:]
            for m in matches {
                guard let question = q.question(m.question) else { continue }
                switch SurveyCell.read(row.cell(m.column), for: question, decimalComma: t.decimalComma) {
                case .answer(let a, let note):
                    answers[m.question] = .some(a)
                    if let note { warnings.append("\(where_(m.column)): warning: \(note)") }
                case .unknown: answers[m.question] = .some(nil)
                case .problem(let reason): problems.append("\(where_(m.column)): error: \(reason)")
                }
            }
            let submitted = dateColumn.flatMap { Day(iso: String(row.cell($0).trimmed.prefix(10)).replacingOccurrences(of: "/", with: "-")) }
            people.append(.init(row: row.number, respondent: respondent, answers: answers, submitted: submitted))
        }
        guard problems.isEmpty else { throw SurveyImportFailure(problems) }
        let asked = Set(matches.map(\.question))
        return SurveyResponses(nameColumn: nameColumn, roleColumn: roleColumn, matches: matches.sorted { $0.column < $1.column },
                               exportColumns: exportColumns, ignored: ignored,
                               unasked: q.questions.map(\.id).filter { !asked.contains($0) }, people: people, warnings: warnings)
    }

    /// "Ana Ruiz (COO)" is a name and a role; anything else is the name.
    static func person(_ text: String) -> Respondent {
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let name = text[..<open].trimmed
            let role = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmed
            if !name.isEmpty { return Respondent(name: name, role: role.isEmpty ? nil : role) }
        }
        return Respondent(name: text)
    }

    /// The question a header most nearly asks, when it shares most of its words.
    static func nearest(_ header: String, _ q: Questionnaire) -> String? {
        let scored = q.questions.map { ($0.id, max(SurveyText.likeness(header, $0.prompt), SurveyText.likeness(header, $0.short ?? ""))) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 0.4 else { return nil }
        return best.0
    }
}
