import Foundation
import FuzzSupport
import MaturityStore

/// Any bytes as brand.yaml: settings or a located error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = FuzzSupport.text(data, size)
    _ = try? FileStore().loadBrand(text: text, file: "brand.yaml")
    return 0
}


@main
enum FuzzBrand {
    static func main() { runFuzzer(fuzz) }
}
