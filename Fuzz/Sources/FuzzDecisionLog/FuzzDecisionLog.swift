import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

let scratch = NSTemporaryDirectory() + "/maturity-fuzz-log-\(getpid())"

/// Any bytes as an agent's decision log (CSV, JSON Lines or a platform's JSON export, by the first
/// byte): cases or an error naming the row, never a trap; cases read are judged without hanging.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let ext = ["csv", "jsonl", "json"][Int(data[0]) % 3]
    let path = scratch + "." + ext
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes: data + 1, count: size - 1))
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing"),
          let log = try? DecisionLogReader.read(paths: [path], options: DecisionLogReader.Options(agent: nil)) else { return 0 }
    _ = LadderAnalysis.analyse(log.cases, agent: "fuzz", questionnaire: q)
    return 0
}

@main
enum FuzzDecisionLog {
    static func main() { runFuzzer(fuzz) }
}
