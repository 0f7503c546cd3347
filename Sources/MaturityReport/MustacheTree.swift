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

    var result: Any? { keyed.map { $0.fields as Any } ?? unkeyed.map { $0.items as Any } ?? single }

    static func tree<T: Encodable>(_ value: T) throws -> Any? {
        switch value {
        case let v as String: return v
        case let v as Int: return v
        case let v as Bool: return v
        case let v as Double: return v
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

private final class KeyedBox { var fields: [String: Any] = [:] }
private final class UnkeyedBox { var items: [Any] = [] }

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: KeyedBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.fields[key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let tree = try TreeEncoder.tree(value) { box.fields[key.stringValue] = tree }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("views encode nested values as values")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("views encode nested values as values")
    }
    mutating func superEncoder() -> any Encoder { preconditionFailure("views have no superclass") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("views have no superclass") }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let box: UnkeyedBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { box.items.append(value) }
    mutating func encode(_ value: Bool) throws { box.items.append(value) }
    mutating func encode(_ value: Int) throws { box.items.append(value) }
    mutating func encode(_ value: Double) throws { box.items.append(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let tree = try TreeEncoder.tree(value) { box.items.append(tree) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("views encode nested values as values")
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("views encode nested values as values") }
    mutating func superEncoder() -> any Encoder { preconditionFailure("views have no superclass") }
}

private struct SingleTree: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { encoder.single = value }
    mutating func encode(_ value: Bool) throws { encoder.single = value }
    mutating func encode(_ value: Int) throws { encoder.single = value }
    mutating func encode(_ value: Double) throws { encoder.single = value }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try TreeEncoder.tree(value) }
}
