import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// The report templates: the built-in set, overridden file by file from a folder.
public struct TemplateSet: Sendable {
    /// Template text keyed by path inside the templates folder (`report.html.mustache`).
    public var files: [String: String]
    /// Where each overridden file came from, for error messages.
    public var origin: [String: String]
    public var brand: BrandSettings?
}

/// Branding from `brand.yaml` in a templates folder.
public struct BrandSettings: Sendable, Equatable {
    public var firmName: String?
    public var logo: String?
    public var logoAlt: String?
    public var accent: String?
    public var accentDark: String?
}

extension FileStore {
    /// The built-in templates, with any `.mustache` files and `brand.yaml` from `directory` on top.
    public func templates(overrides directory: String?) throws -> TemplateSet {
        var files = ContentLibrary.files(under: "templates")
        var origin: [String: String] = [:]
        var brand: BrandSettings?
        guard let directory else { return TemplateSet(files: files, origin: origin, brand: nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.notFound(path: directory)
        }
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(root.path + "/") else { continue }
            let relative = String(full.dropFirst(root.path.count + 1))
            let shown = (directory as NSString).appendingPathComponent(relative)
            guard relative.hasSuffix(".mustache") || relative == "brand.yaml" else { continue }
            // Only regular files inside the folder: a link leading out of it would render another
            // file into the report, and a pipe named like a template would hang the run.
            var info = stat()
            guard lstat(full, &info) == 0 else { throw StoreError.unreadable(path: shown, reason: "it cannot be read") }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                let realRoot = root.resolvingSymlinksInPath().path
                var targetInfo = stat()
                guard target.hasPrefix(realRoot + "/"), stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFREG else {
                    throw StoreError.unreadable(path: shown,
                                                reason: "it is a link to a file outside the templates folder; copy the file into the folder instead")
                }
            } else if kind != S_IFREG {
                throw StoreError.unreadable(path: shown, reason: "it is not a regular file (a pipe, a device or a folder); templates are read only from files")
            }
            if relative.hasSuffix(".mustache") {
                files[relative] = try readText(full)
                origin[relative] = shown
            } else if relative == "brand.yaml" {
                brand = try loadBrand(text: try readText(full), file: shown)
            }
        }
        return TemplateSet(files: files, origin: origin, brand: brand)
    }

    /// Writes the built-in templates and an example `brand.yaml` into `directory` for editing.
    /// Existing files are kept unless `overwrite` is set; returns the paths written.
    public func exportTemplates(to directory: String, overwrite: Bool) throws -> [String] {
        var written: [String] = []
        var files = ContentLibrary.files(under: "templates")
        files["brand.yaml"] = Self.exampleBrand
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = (directory as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path), !overwrite { continue }
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.unwritable(path: folder, reason: "cannot create the folder")
            }
            try writeAtomically(text, to: path)
            written.append(path)
        }
        return written
    }

    static let exampleBrand = """
    # Branding for reports rendered with --templates pointing at this folder.
    # Every key is optional. Delete the # in front of a line to use it.
    # firm_name: Northbridge Advisory
    # logo: data:image/png;base64,iVBORw0KGgo...     (a data URI keeps the report one offline file)
    # logo_alt: Northbridge Advisory
    # accent: "#1f4e79"                              (headings, stage badge, chart; white text must be readable on it)
    # accent_dark: "#163a5a"                         (the masthead)

    """

    public func loadBrand(text: String, file: String) throws -> BrandSettings {
        let r = YAMLReader(file: file)
        // The exported example is all comments: that means "no branding", not an error.
        if (try? Yams.compose(yaml: text, Resolver.basic)) == .some(nil) { return BrandSettings() }
        guard let root = r.parse(text) else { throw ValidationFailure(r.diagnostics) }
        if r.isNull(root) { return BrandSettings() }
        guard let f = r.mapping(root, "", allowed: ["firm_name", "logo", "logo_alt", "accent", "accent_dark"]) else {
            throw ValidationFailure(r.diagnostics)
        }
        var brand = BrandSettings(firmName: r.string(f, "firm_name"), logo: r.string(f, "logo"), logoAlt: r.string(f, "logo_alt"),
                                  accent: r.string(f, "accent"), accentDark: r.string(f, "accent_dark"))
        if let logo = brand.logo, !Self.isLogo(logo) {
            r.report(f["logo"], .logoNotDataURI)
            brand.logo = nil
        }
        for key in ["accent", "accent_dark"] {
            guard let color = key == "accent" ? brand.accent : brand.accentDark else { continue }
            if !Self.isColor(color) {
                r.report(f[key], .notAColour(key: key, value: color))
            } else if Self.contrastWithWhite(color) < 4.5 {
                r.report(f[key], .colourTooLight(key: key, value: color, contrast: Format.number(Self.contrastWithWhite(color), maxDecimals: 1)))
            }
        }
        if r.hasErrors { throw ValidationFailure(r.diagnostics) }
        return brand
    }

    /// `#rgb` or `#rrggbb`, nothing else.
    static func isColor(_ text: String) -> Bool {
        guard text.hasPrefix("#"), text.count == 4 || text.count == 7 else { return false }
        return text.dropFirst().allSatisfy(\.isHexDigit)
    }

    static func isLogo(_ text: String) -> Bool {
        let allowed = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,",
                       "data:image/webp;base64,", "data:image/svg+xml;base64,"]
        guard let prefix = allowed.first(where: text.hasPrefix) else { return false }
        return text.dropFirst(prefix.count).allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) }
    }

    /// WCAG contrast ratio of white text on this colour.
    static func contrastWithWhite(_ hex: String) -> Double {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard let value = Int(digits, radix: 16) else { return 1 }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }
}
