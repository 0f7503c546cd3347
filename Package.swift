// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "maturity",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "maturity", targets: ["maturity"]),
        // For the fuzz targets in Fuzz/, a package of their own built with -sanitize=fuzzer.
        .library(name: "MaturityKit", targets: ["MaturityCore", "MaturityYAML", "MaturityStore", "MaturityReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .executableTarget(
            name: "maturity",
            dependencies: ["MaturityCLI"]
        ),
        .target(
            name: "MaturityCLI",
            dependencies: [
                "MaturityCore", "MaturityStore", "MaturityReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["CompileContent"]
        ),
        .target(name: "MaturityCore"),
        // libxml2's SAX interface, for reading large worksheets without a string per callback.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib's inflate, for unpacking .xlsx parts from exactly their own bytes.
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // A report's side thread started on another core than the caller's (pthread affinity, C only).
        .target(name: "CSideThread"),
        // YAML read with located errors, and the questionnaire loader: no plugins, so the build-time
        // content compiler can use them too.
        .target(
            name: "MaturityYAML",
            dependencies: ["MaturityCore", "Yams"]
        ),
        .target(
            name: "MaturityStore",
            dependencies: ["MaturityCore", "MaturityYAML", "Yams", "SwiftCSV", "CLibXML2", "CZlibInflate"],
            plugins: ["EmbedContent"]
        ),
        .target(
            name: "MaturityReport",
            dependencies: ["MaturityCore", "MaturityYAML", .product(name: "Mustache", package: "swift-mustache"), "ZIPFoundation", "CSideThread"]
        ),
        // Turns questionnaires/, templates/ and examples/ into Swift source, so the
        // shipped binary carries its content and works from any directory.
        .plugin(
            name: "EmbedContent",
            capability: .buildTool(),
            dependencies: ["ContentCompilerTool"]
        ),
        // The plugins' tool: embeds the content files as text, and loads and checks the built-in
        // questionnaires and templates at build time and writes them as Swift values, so the
        // binary parses neither and a broken one fails the build.
        .executableTarget(
            name: "ContentCompilerTool",
            dependencies: ["MaturityCore", "MaturityYAML", "MaturityReport"],
            path: "Sources/ContentCompilerTool"
        ),
        .plugin(
            name: "CompileContent",
            capability: .buildTool(),
            dependencies: ["ContentCompilerTool"]
        ),
        // Shared by the test targets: the repository's paths, the real questionnaire, a base assessment.
        .target(
            name: "MaturityTestSupport",
            dependencies: ["MaturityCore", "MaturityStore", "MaturityReport"],
            path: "Tests/MaturityTestSupport"
        ),
        .testTarget(
            name: "MaturityCoreTests",
            dependencies: ["MaturityCore", "MaturityStore", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityStoreTests",
            dependencies: ["MaturityCore", "MaturityStore", "MaturityTestSupport", "ZIPFoundation"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MaturityYAMLTests",
            dependencies: ["MaturityCore", "MaturityYAML", "MaturityStore", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityReportTests",
            dependencies: ["MaturityCore", "MaturityStore", "MaturityReport", "MaturityTestSupport"]
        ),
        // The interview in-process, through its Terminal protocol (internal to MaturityCLI).
        .testTarget(
            name: "MaturityInterviewTests",
            dependencies: ["MaturityCLI", "MaturityCore", "MaturityStore", "MaturityReport", "MaturityTestSupport"]
        ),
        .testTarget(
            name: "MaturityCLITests",
            dependencies: ["MaturityCore", "MaturityStore", "MaturityReport", "MaturityTestSupport", "ZIPFoundation"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
