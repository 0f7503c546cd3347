import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

let scratch = NSTemporaryDirectory() + "/maturity-fuzz-edit-\(getpid()).yaml"

/// Any bytes as an assessment file that `inventory import --into` edits: the editor either refuses
/// (nothing written) or writes a file that reads back with exactly the intended processes and
/// everything else unchanged. A written file that reads differently is the bug this looks for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let original = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: scratch, contents: original) else { return 0 }
    let store = FileStore()
    var intended: Draft?
    do {
        intended = try AssessmentEditor.edit(scratch, store: store) { draft, _ in
            draft.processes.append(InventoryProcess(name: "Fuzzed process \(draft.processes.count)", hoursPerWeek: 12, volumePerWeek: 80))
            return ["processes"]
        }
    } catch {
        // Refused: the file must be exactly as it was.
        if FileManager.default.contents(atPath: scratch) != original { fatalError("a refused edit changed the file") }
        return 0
    }
    guard let intended, let text = try? store.readText(scratch),
          let reread = try? AssessmentLoader.loadDraft(text: text, file: scratch, resolve: { id in try store.questionnaire(id: id, near: scratch) }).0
    else { fatalError("an accepted edit wrote a file that does not load") }
    if reread != intended { fatalError("an accepted edit wrote a file that reads differently") }
    return 0
}

@main
enum FuzzEditor {
    static func main() { runFuzzer(fuzz) }
}
