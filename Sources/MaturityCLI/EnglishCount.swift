/// "1 row", "2 rows": a count in the command summaries still written in English only (the
/// interview says its counts with the phrase table's `count.*` entries).
func englishCount(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
}
