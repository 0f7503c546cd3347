/// Turns the view model into nested dictionaries and arrays once, before rendering.
/// Mustache otherwise reflects a struct afresh on every `{{name}}` it looks up, which made the
/// HTML report ten times slower to render.
enum MustacheTree {
    static func make(_ value: Any) -> Any? {
        switch value {
        case let v as String: return v
        case let v as Bool: return v
        case let v as Int: return v
        case let v as Double: return v
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { make($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { make($0.value) }
        case .struct, .class:
            var out: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let v = make(child.value) { out[label] = v }
            }
            return out
        default:
            return value
        }
    }
}
