// swift-tools-version:6.0
// libFuzzer targets, one per loader. Built by scripts/fuzz.sh with -sanitize=fuzzer; kept out of
// the main package so `swift build` and `swift test` never need the sanitizer.
import PackageDescription

let targets = ["FuzzAssessment", "FuzzQuestionnaire", "FuzzCSV", "FuzzXLSX", "FuzzTemplate", "FuzzBrand", "FuzzCalendar", "FuzzEditor", "FuzzDecisionLog"]

let package = Package(
    name: "maturity-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "maturity", path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Sources/FuzzSupport")] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "MaturityKit", package: "maturity")],
            path: "Sources/\(name)"
        )
    },
    swiftLanguageModes: [.v6]
)
