import Mustache
/// Turns a view into the nested dictionaries, arrays, strings, numbers and booleans the templates
/// read, once, before rendering. It goes through `Encodable`, so each field is reached by the
/// compiler's own code: reflection (`Mirror`) asked the runtime about every value's type and was
/// the largest single cost of rendering a report. A nil field is left out, as Mustache skips it.
enum MustacheTree {
    static func make<T: Encodable>(_ value: T) throws -> Any {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        return encoder.result ?? [String: Any]()
    }
}

/// The result of one encoder: a finished value, or the container its fields are going into.
private final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var keyed: KeyedBox?
    var unkeyed: UnkeyedBox?
    var single: Any?

    var result: Any? { keyed.map { $0.finished } ?? unkeyed.map { $0.finished } ?? single.map(Self.finish) }

    /// A nested container or a superclass's encoder left in place of its value, made a value.
    static func finish(_ value: Any) -> Any {
        switch value {
        case let box as KeyedBox: return box.finished
        case let box as UnkeyedBox: return box.finished
        case let encoder as TreeEncoder: return encoder.result ?? [String: Any]()
        default: return value
        }
    }

    static func tree<T: Encodable>(_ value: T) throws -> Any? {
        switch value {
        case let v as String: return TreeText(v)
        case let v as Int: return TreeText(v)
        case let v as Bool: return v
        case let v as Double: return TreeText(v)
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.result
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = keyed ?? KeyedBox()
        keyed = box
        return KeyedEncodingContainer(KeyedTree<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = unkeyed ?? UnkeyedBox()
        unkeyed = box
        return UnkeyedTree(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTree(encoder: self) }
}

private final class KeyedBox {
    var fields: [String: Any] = [:]
    /// A nested container or encoder was handed out; its value is read when the tree is finished.
    var hasNested = false
    var finished: Any { hasNested ? fields.mapValues(TreeEncoder.finish) : fields }
}

private final class UnkeyedBox {
    var items: [Any] = []
    var hasNested = false
    var finished: Any { hasNested ? items.map(TreeEncoder.finish) : items }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: KeyedBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { box.fields[key.stringValue] = TreeText(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.fields[key.stringValue] = TreeText(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.fields[key.stringValue] = TreeText(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let tree = try TreeEncoder.tree(value) { box.fields[key.stringValue] = tree }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedBox()
        box.fields[key.stringValue] = nested
        box.hasNested = true
        return KeyedEncodingContainer(KeyedTree<NestedKey>(box: nested))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = UnkeyedBox()
        box.fields[key.stringValue] = nested
        box.hasNested = true
        return UnkeyedTree(box: nested)
    }
    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }
    private func superEncoder(named name: String) -> any Encoder {
        let encoder = TreeEncoder()
        box.fields[name] = encoder
        box.hasNested = true
        return encoder
    }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let box: UnkeyedBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { box.items.append(TreeText(value)) }
    mutating func encode(_ value: Bool) throws { box.items.append(value) }
    mutating func encode(_ value: Int) throws { box.items.append(TreeText(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(TreeText(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let tree = try TreeEncoder.tree(value) { box.items.append(tree) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedBox()
        box.items.append(nested)
        box.hasNested = true
        return KeyedEncodingContainer(KeyedTree<NestedKey>(box: nested))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = UnkeyedBox()
        box.items.append(nested)
        box.hasNested = true
        return UnkeyedTree(box: nested)
    }
    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder()
        box.items.append(encoder)
        box.hasNested = true
        return encoder
    }
}

private struct SingleTree: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { encoder.single = TreeText(value) }
    mutating func encode(_ value: Bool) throws { encoder.single = value }
    mutating func encode(_ value: Int) throws { encoder.single = TreeText(value) }
    mutating func encode(_ value: Double) throws { encoder.single = TreeText(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try TreeEncoder.tree(value) }
}

/// A string or number as the templates read it. swift-mustache asks a plain value five questions
/// of the runtime (five dynamic casts) and prints it with `String(describing:)`; a value that
/// renders itself is asked two. The text is the one `String(describing:)` gave, so the page is
/// the same; a string keeps its transforms (`uppercased(name)`), an integer its own (`plusone(n)`).
/// A bool stays a bool: sections read it.
struct TreeText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let renderText: String
    private let integer: Int?
    var isNull: Bool { false }
    var description: String { renderText }

    init(_ text: String) { renderText = text; integer = nil }
    init(_ value: Int) { renderText = String(value); integer = value }
    init(_ value: Double) { renderText = String(describing: value); integer = nil }

    func transform(_ name: String) -> Any? {
        if let integer { return integer.transform(name) }
        return renderText.transform(name)
    }
}
