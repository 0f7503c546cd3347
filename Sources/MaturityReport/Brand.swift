/// A consultant's branding: firm name, logo and accent colours. The store checks `brand.yaml`
/// so that only a colour reaches the CSS and only a data URI reaches the logo.
public struct Brand: Sendable, Equatable, Encodable {
    public let firmName: String?
    /// A `data:image/...;base64,` URI, so the report stays a single offline file.
    public let logo: String?
    public let logoAlt: String
    public let accent: String
    public let accentDark: String

    public static let standard = Brand(firmName: nil, logo: nil, logoAlt: "", accent: "#1f4e79", accentDark: "#163a5a")

    public init(firmName: String?, logo: String?, logoAlt: String, accent: String, accentDark: String) {
        self.firmName = firmName
        self.logo = logo
        self.logoAlt = logoAlt
        self.accent = accent
        self.accentDark = accentDark
        self.hasFirm = firmName != nil || logo != nil
    }

    /// Stored, not computed: the templates read what the view encodes, and computed properties are not encoded.
    public let hasFirm: Bool
}
