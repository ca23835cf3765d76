// Rules: a binary form of any `Codable` value, for the rule cache's packs and lexicons. Decoding the
// packs from JSON was a quarter of a warm one-draft check: JSON's text is scanned byte by byte for
// structure, quotes and escapes before a value is made. Here every value says its kind and length up
// front, so decoding reads each string once and steps over whatever is not asked for.
//
// The packs' own `init(from:)` decode it unchanged (their strict-key checks included), so a field a
// rule gains is stored and read back without touching this file.
//
// A value: one tag byte, then
//   0 nil · 1 true · 2 false · 3 a signed integer (8 bytes) · 4 an unsigned integer (8 bytes)
//   5 a floating-point number (its 8-byte bit pattern) · 6 a string (length, UTF-8 bytes)
//   7 keyed (count, then each key as a string's payload and the value's length and value)
//   8 unkeyed (count, then each value's length and value)
// Numbers and lengths are little-endian; lengths and counts 32 bits.
import Foundation

enum BinaryCoding {
    static let null: UInt8 = 0, yes: UInt8 = 1, no: UInt8 = 2, signed: UInt8 = 3, unsigned: UInt8 = 4, float: UInt8 = 5
    static let string: UInt8 = 6, keyed: UInt8 = 7, unkeyed: UInt8 = 8

    /// `value` in the binary form.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = NodeEncoder(codingPath: [])
        try value.encode(to: encoder)
        var out: [UInt8] = []
        encoder.node.node.write(to: &out)
        return out
    }

    /// The value `encode` wrote; throws `DecodingError` for bytes that do not hold one.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) throws -> T {
        try bytes.withUnsafeBytes { raw in
            let end = try BinaryValue.end(raw, 0)
            guard end == raw.count else { throw BinaryValue.damaged([]) }
            return try T(from: BinaryValueDecoder(raw, at: 0, codingPath: []))
        }
    }
}

// MARK: encoding: a tree of nodes, written once complete (only a cache being written pays for it)

indirect enum Node {
    case null, bool(Bool), signed(Int64), unsigned(UInt64), float(UInt64), string(String)
    case keyed([(String, NodeBox)]), unkeyed([NodeBox])

    func write(to out: inout [UInt8]) {
        func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func wide(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func child(_ node: Node) {
            var bytes: [UInt8] = []
            node.write(to: &bytes)
            number(UInt32(bytes.count))
            out += bytes
        }
        switch self {
        case .null: out.append(BinaryCoding.null)
        case .bool(let value): out.append(value ? BinaryCoding.yes : BinaryCoding.no)
        case .signed(let value): out.append(BinaryCoding.signed); wide(UInt64(bitPattern: value))
        case .unsigned(let value): out.append(BinaryCoding.unsigned); wide(value)
        case .float(let bits): out.append(BinaryCoding.float); wide(bits)
        case .string(let value):
            out.append(BinaryCoding.string)
            number(UInt32(value.utf8.count))
            out += value.utf8
        case .keyed(let entries):
            out.append(BinaryCoding.keyed)
            number(UInt32(entries.count))
            for (key, value) in entries {
                number(UInt32(key.utf8.count))
                out += key.utf8
                child(value.node)
            }
        case .unkeyed(let values):
            out.append(BinaryCoding.unkeyed)
            number(UInt32(values.count))
            for value in values { child(value.node) }
        }
    }
}

/// A node filled in by a container after it is handed out (containers are values; the node is shared).
final class NodeBox {
    var node: Node
    init(_ node: Node) { self.node = node }
}

final class NodeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let node = NodeBox(.null)

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.node {} else { node.node = .keyed([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .unkeyed = node.node {} else { node.node = .unkeyed([]) }
        return UnkeyedNodeContainer(box: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleNodeContainer(box: node, codingPath: codingPath) }

    static func node(_ value: some Encodable, at path: [CodingKey]) throws -> Node {
        switch value {
        case let value as String: return .string(value)
        case let value as Bool: return .bool(value)
        default:
            let encoder = NodeEncoder(codingPath: path)
            try value.encode(to: encoder)
            return encoder.node.node
        }
    }

    static func primitive(_ value: Any) -> Node? {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as String: return .string(value)
        case let value as Double: return .float(value.bitPattern)
        case let value as Float: return .float(Double(value).bitPattern)
        case let value as Int: return .signed(Int64(value))
        case let value as Int8: return .signed(Int64(value))
        case let value as Int16: return .signed(Int64(value))
        case let value as Int32: return .signed(Int64(value))
        case let value as Int64: return .signed(value)
        case let value as UInt: return .unsigned(UInt64(value))
        case let value as UInt8: return .unsigned(UInt64(value))
        case let value as UInt16: return .unsigned(UInt64(value))
        case let value as UInt32: return .unsigned(UInt64(value))
        case let value as UInt64: return .unsigned(value)
        default: return nil
        }
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: NodeBox
    let codingPath: [CodingKey]

    private func add(_ key: Key, _ node: Node) {
        guard case .keyed(var entries) = box.node else { return }
        entries.removeAll { $0.0 == key.stringValue }
        entries.append((key.stringValue, NodeBox(node)))
        box.node = .keyed(entries)
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .float(value.bitPattern)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, .float(Double(value).bitPattern)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .signed(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .signed(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(key, try NodeEncoder.primitive(value) ?? NodeEncoder.node(value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeBox(.keyed([]))
        guard case .keyed(var entries) = box.node else { fatalError("binary coding: not a keyed node") }
        entries.append((key.stringValue, child))
        box.node = .keyed(entries)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = NodeBox(.unkeyed([]))
        guard case .keyed(var entries) = box.node else { fatalError("binary coding: not a keyed node") }
        entries.append((key.stringValue, child))
        box.node = .keyed(entries)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { NodeEncoder(codingPath: codingPath + [key]) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: NodeBox
    let codingPath: [CodingKey]

    var count: Int {
        guard case .unkeyed(let values) = box.node else { return 0 }
        return values.count
    }

    private func add(_ node: NodeBox) {
        guard case .unkeyed(var values) = box.node else { return }
        values.append(node)
        box.node = .unkeyed(values)
    }

    mutating func encodeNil() throws { add(NodeBox(.null)) }
    mutating func encode(_ value: Bool) throws { add(NodeBox(.bool(value))) }
    mutating func encode(_ value: String) throws { add(NodeBox(.string(value))) }
    mutating func encode(_ value: Int) throws { add(NodeBox(.signed(Int64(value)))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        add(NodeBox(try NodeEncoder.primitive(value) ?? NodeEncoder.node(value, at: codingPath)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeBox(.keyed([]))
        add(child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = NodeBox(.unkeyed([]))
        add(child)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: NodeBox
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { box.node = .null }
    mutating func encode(_ value: Bool) throws { box.node = .bool(value) }
    mutating func encode(_ value: String) throws { box.node = .string(value) }
    mutating func encode(_ value: Int) throws { box.node = .signed(Int64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.node = try NodeEncoder.primitive(value) ?? NodeEncoder.node(value, at: codingPath)
    }
}

// MARK: decoding: straight from the bytes

/// Reading one value's bytes; every read is bounds-checked, so damaged bytes throw, never crash.
enum BinaryValue {
    static func damaged(_ path: [CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: "binary rule cache: damaged value"))
    }

    @inline(__always) static func number(_ raw: UnsafeRawBufferPointer, _ at: Int) throws -> Int {
        guard at >= 0, at + 4 <= raw.count else { throw damaged([]) }
        return Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    @inline(__always) static func wide(_ raw: UnsafeRawBufferPointer, _ at: Int) throws -> UInt64 {
        guard at >= 0, at + 8 <= raw.count else { throw damaged([]) }
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// Where the value starting at `at` ends.
    static func end(_ raw: UnsafeRawBufferPointer, _ at: Int) throws -> Int {
        guard at < raw.count else { throw damaged([]) }
        switch raw[at] {
        case BinaryCoding.null, BinaryCoding.yes, BinaryCoding.no: return at + 1
        case BinaryCoding.signed, BinaryCoding.unsigned, BinaryCoding.float:
            guard at + 9 <= raw.count else { throw damaged([]) }
            return at + 9
        case BinaryCoding.string:
            let end = at + 5 + (try number(raw, at + 1))
            guard end <= raw.count else { throw damaged([]) }
            return end
        case BinaryCoding.keyed:
            var offset = at + 5
            for _ in 0..<(try number(raw, at + 1)) {
                offset += 4 + (try number(raw, offset))
                offset += 4 + (try number(raw, offset))
            }
            guard offset <= raw.count else { throw damaged([]) }
            return offset
        case BinaryCoding.unkeyed:
            var offset = at + 5
            for _ in 0..<(try number(raw, at + 1)) { offset += 4 + (try number(raw, offset)) }
            guard offset <= raw.count else { throw damaged([]) }
            return offset
        default: throw damaged([])
        }
    }
}

struct BinaryValueDecoder: Decoder {
    let raw: UnsafeRawBufferPointer
    let at: Int
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ raw: UnsafeRawBufferPointer, at: Int, codingPath: [CodingKey]) {
        self.raw = raw
        self.at = at
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedValueContainer<Key>(raw, at: at, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        try UnkeyedValueContainer(raw, at: at, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    // Primitives, shared by the three containers.

    func isNil() -> Bool { at < raw.count && raw[at] == BinaryCoding.null }

    func bool() throws -> Bool {
        guard at < raw.count else { throw BinaryValue.damaged(codingPath) }
        switch raw[at] {
        case BinaryCoding.yes: return true
        case BinaryCoding.no: return false
        default: throw mismatch(Bool.self)
        }
    }

    func string() throws -> String {
        guard at < raw.count, raw[at] == BinaryCoding.string else { throw mismatch(String.self) }
        let length = try BinaryValue.number(raw, at + 1)
        guard at + 5 + length <= raw.count else { throw BinaryValue.damaged(codingPath) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 5)..<(at + 5 + length)]), as: UTF8.self)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard at < raw.count else { throw BinaryValue.damaged(codingPath) }
        let bits = try BinaryValue.wide(raw, at + 1)
        let value: T?
        switch raw[at] {
        case BinaryCoding.signed: value = T(exactly: Int64(bitPattern: bits))
        case BinaryCoding.unsigned: value = T(exactly: bits)
        default: value = nil
        }
        guard let value else { throw mismatch(T.self) }
        return value
    }

    func double() throws -> Double {
        guard at < raw.count, raw[at] == BinaryCoding.float else { throw mismatch(Double.self) }
        return Double(bitPattern: try BinaryValue.wide(raw, at + 1))
    }

    /// A list of strings read in one loop: the packs' patterns, examples and the lexicons' terms
    /// are most of the values, and a container and a decoder per string was half their decoding.
    func strings() throws -> [String] {
        guard at < raw.count, raw[at] == BinaryCoding.unkeyed else { throw mismatch([String].self) }
        let count = try BinaryValue.number(raw, at + 1)
        var values: [String] = []
        values.reserveCapacity(count)
        var offset = at + 5
        for _ in 0..<count {
            let size = try BinaryValue.number(raw, offset)
            guard size > 0, offset + 4 + size <= raw.count else { throw BinaryValue.damaged(codingPath) }
            values.append(try BinaryValueDecoder(raw, at: offset + 4, codingPath: codingPath).string())
            offset += 4 + size
        }
        return values
    }

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try string() as! T }
        if T.self == [String].self { return try strings() as! T }
        if T.self == Bool.self { return try bool() as! T }
        if T.self == Int.self { return try integer(Int.self) as! T }
        return try T(from: self)
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "binary rule cache: another kind of value"))
    }
}

struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let raw: UnsafeRawBufferPointer
    let codingPath: [CodingKey]
    /// Each entry's key (offset and length of its bytes) and where its value starts.
    let entries: [(key: Int, length: Int, value: Int)]

    init(_ raw: UnsafeRawBufferPointer, at: Int, codingPath: [CodingKey]) throws {
        guard at < raw.count, raw[at] == BinaryCoding.keyed else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(codingPath: codingPath, debugDescription: "binary rule cache: not keyed"))
        }
        self.raw = raw
        self.codingPath = codingPath
        let count = try BinaryValue.number(raw, at + 1)
        var entries: [(key: Int, length: Int, value: Int)] = []
        entries.reserveCapacity(count)
        var offset = at + 5
        for _ in 0..<count {
            let length = try BinaryValue.number(raw, offset)
            let key = offset + 4
            let size = try BinaryValue.number(raw, key + length)
            let value = key + length + 4
            guard value + size <= raw.count, size > 0 else { throw BinaryValue.damaged(codingPath) }
            entries.append((key, length, value))
            offset = value + size
        }
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { Key(stringValue: String(decoding: UnsafeRawBufferPointer(rebasing: raw[$0.key..<($0.key + $0.length)]), as: UTF8.self)) }
    }

    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { wanted in
            for entry in entries where entry.length == wanted.count
                && memcmp(raw.baseAddress! + entry.key, UnsafeRawPointer(wanted.baseAddress) ?? raw.baseAddress!, entry.length) == 0 { return entry.value }
            return nil
        }
    }

    private func decoder(_ key: Key) throws -> BinaryValueDecoder {
        guard let at = find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "binary rule cache: no \(key.stringValue)"))
        }
        // No path is kept: an error only means the cache is not used, and building a path for every
        // value was a third of the decoding.
        return BinaryValueDecoder(raw, at: at, codingPath: codingPath)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).isNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decoder(key).double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).integer(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).integer(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).integer(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).integer(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).integer(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).integer(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).integer(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).integer(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).integer(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).value(T.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
    func superDecoder() throws -> Decoder { throw BinaryValue.damaged(codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { try decoder(key) }
}

struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let raw: UnsafeRawBufferPointer
    let codingPath: [CodingKey]
    let count: Int?
    var currentIndex = 0
    private var offset: Int

    init(_ raw: UnsafeRawBufferPointer, at: Int, codingPath: [CodingKey]) throws {
        guard at < raw.count, raw[at] == BinaryCoding.unkeyed else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(codingPath: codingPath, debugDescription: "binary rule cache: not unkeyed"))
        }
        self.raw = raw
        self.codingPath = codingPath
        count = try BinaryValue.number(raw, at + 1)
        offset = at + 5
    }

    var isAtEnd: Bool { currentIndex >= count! }

    /// The next value's decoder, moving past it.
    private mutating func next() throws -> BinaryValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "binary rule cache: no more values"))
        }
        let size = try BinaryValue.number(raw, offset)
        let at = offset + 4
        guard size > 0, at + size <= raw.count else { throw BinaryValue.damaged(codingPath) }
        offset = at + size
        currentIndex += 1
        return BinaryValueDecoder(raw, at: at, codingPath: codingPath)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        let size = try BinaryValue.number(raw, offset)
        guard size > 0, offset + 4 < raw.count, raw[offset + 4] == BinaryCoding.null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(Int.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().value(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: BinaryValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(T.self) }
}
