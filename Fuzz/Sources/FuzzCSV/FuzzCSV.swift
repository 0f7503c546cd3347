import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

let scratch = NSTemporaryDirectory() + "/maturity-fuzz-\(getpid()).csv"

/// Any bytes as a CSV inventory: rows or an error naming the row, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size))
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing") else { return 0 }
    if let inventory = try? InventoryImporter.read(path: scratch, questionnaire: q) {
        _ = try? InventoryImporter.merge(inventory, into: [], replace: false, file: "fuzz.csv")
    }
    return 0
}


@main
enum FuzzCSV {
    static func main() { runFuzzer(fuzz) }
}
