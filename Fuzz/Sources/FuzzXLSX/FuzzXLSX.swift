import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

let scratch = NSTemporaryDirectory() + "/maturity-fuzz-\(getpid()).xlsx"

/// Any bytes as an .xlsx workbook (the zip and every XML part in it): rows or an error, never
/// a trap. The seed corpus holds real workbooks from openpyxl and LibreOffice.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = FileManager.default.createFile(atPath: scratch, contents: Data(bytes: data, count: size))
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing") else { return 0 }
    _ = try? InventoryImporter.read(path: scratch, questionnaire: q)
    return 0
}


@main
enum FuzzXLSX {
    static func main() { runFuzzer(fuzz) }
}
