// Rules: the compiled rule cache. A one-draft check (a pre-commit hook) spent most of its time
// reading the same rule packs the same way every run: decoding YAML, reading each pattern's
// required literals, building the lexicon's hashtag patterns. What those steps produce is kept in
// one file in the user's cache folder and read back while nothing it came from has changed.
//
// The file is only ever a faster way to the same library: it is keyed by everything its contents
// depend on (its format, the program's build, the PCRE2 version, the rule folder's real path and
// every pack file's name and bytes), and anything wrong with it (another key, a truncated or
// corrupt file, a folder that cannot be written) means the library is built from the files as
// without a cache, and the cache rewritten when it can be. A cache problem never fails a run.
import Foundation
import PostGuardEngine

package struct RuleCache: Sendable {
    /// Bump when what is stored, or how it is computed, changes.
    static let format = 6
    /// Where cache files are written (created on first write).
    package let folder: URL

    package typealias Literals = [String: RequiredLiterals.Requirement?]

    package init(folder: URL) { self.folder = folder }

    /// `POSTGUARD_CACHE=off` turns the cache off (tests comparing with and without it, a read-only
    /// home); `POSTGUARD_CACHE=DIR` puts it in DIR; else `$XDG_CACHE_HOME/postguard`, else
    /// `~/.cache/postguard`. Never the rule folder or beside the user's files.
    package static func standard(environment: [String: String]) -> RuleCache? {
        if let setting = environment["POSTGUARD_CACHE"], !setting.isEmpty {
            if ["off", "0", "no", "false"].contains(setting.lowercased()) { return nil }
            return RuleCache(folder: URL(fileURLWithPath: setting))
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return RuleCache(folder: URL(fileURLWithPath: xdg).appendingPathComponent("postguard"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return RuleCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/postguard"))
    }

    /// What loading a rule folder computes from its pack files alone.
    struct Contents: Codable {
        /// Decoded packs and lexicons by file (as `RuleLibrary` names them). A file that did not
        /// decode is not here: it is decoded again, and reported again, on every run.
        var packs: [String: RulePack] = [:]
        var lexicons: [String: LexiconFile] = [:]
        var restrictedZip3: [String]?
        /// Pattern source → its required literals (nil: none known, the pattern always runs).
        /// Stored in the file's binary part, as are the hashtag patterns: as JSON strings full of
        /// backslashes they took longer to decode than the packs.
        var literals: [LiteralEntry] = []
        /// Each lexicon's matcher by file: its hashtag patterns (they compiled when stored), term
        /// maps and trie.
        var matchers: [String: LexiconMatcher.Stored] = [:]
        /// The rules' patterns and context patterns as PCRE2 compiled them: written from
        /// `compiledPatterns`, read back as `storedPatterns` (compiling them was a tenth of a
        /// one-draft check).
        var compiledPatterns: [Pattern] = []
        var storedPatterns: StoredPatterns?
        /// Each lexicon group's normalised terms (`RuleLibrary.lexiconTerms`), by file and rule id.
        var lexiconTerms: [String: [String: [String]]] = [:]

        enum CodingKeys: String, CodingKey { case packs, lexicons, restrictedZip3 }

        struct LiteralEntry {
            var pattern: String
            var literals: RequiredLiterals.Requirement?
        }

        var literalTable: Literals {
            Dictionary(literals.map { ($0.pattern, $0.literals) }, uniquingKeysWith: { first, _ in first })
        }

        /// The binary part: counts and lengths as 32-bit little-endian numbers, strings as UTF-8.
        func binary() -> [UInt8] {
            var out = BinaryWriter()
            out.count(literals.count)
            for entry in literals {
                out.string(entry.pattern)
                if let requirement = entry.literals {
                    out.count(requirement.literalSets.count)
                    for list in requirement.literalSets {
                        out.count(list.count)
                        for literal in list { out.data(literal) }
                    }
                    out.count(requirement.digitRun)
                } else {
                    out.count(Int(UInt32.max))
                }
            }
            out.count(matchers.count)
            for (file, matcher) in matchers.sorted(by: { $0.key < $1.key }) {
                out.string(file)
                out.strings(matcher.hashtagSources)
                let maps = matcher.termMaps.resolved()
                TermMaps.write(groups: maps.groups, hashtags: maps.hashtags, to: &out)
                out.numbers(matcher.trie.firstEdge)
                out.data(matcher.trie.edgeBytes)
                out.numbers(matcher.trie.edgeTargets)
                out.data(matcher.trie.terminal.map { $0 ? 1 : 0 })
                out.numbers(matcher.trie.rootEdges)
            }
            // A PCRE2 that cannot write its code only means patterns are compiled on every run.
            let encoded = StoredPatterns.encode(compiledPatterns) ?? ([], [])
            out.count(encoded.sources.count)
            for entry in encoded.sources {
                out.string(entry.source)
                out.count(Int(entry.options))
            }
            out.data(encoded.bytes)
            out.count(lexiconTerms.count)
            for (file, groups) in lexiconTerms.sorted(by: { $0.key < $1.key }) {
                out.string(file)
                out.count(groups.count)
                for (id, terms) in groups.sorted(by: { $0.key < $1.key }) {
                    out.string(id)
                    out.strings(terms)
                }
            }
            return out.bytes
        }

        mutating func readBinary(_ input: inout BinaryReader) -> Bool {
            guard let entries = input.count() else { return false }
            for _ in 0..<entries {
                guard let pattern = input.string(), let count = input.count() else { return false }
                if count == Int(UInt32.max) {
                    literals.append(LiteralEntry(pattern: pattern, literals: nil))
                    continue
                }
                var sets: [[[UInt8]]] = []
                for _ in 0..<count {
                    guard let size = input.count() else { return false }
                    var list: [[UInt8]] = []
                    for _ in 0..<size {
                        guard let literal = input.data() else { return false }
                        list.append(literal)
                    }
                    sets.append(list)
                }
                guard let digitRun = input.count() else { return false }
                literals.append(LiteralEntry(pattern: pattern, literals: .init(literalSets: sets, digitRun: digitRun)))
            }
            guard let files = input.count() else { return false }
            for _ in 0..<files {
                guard let file = input.string(), let sources = input.strings() else { return false }
                // The term maps are kept as bytes with an index of where each term lies
                // (`TermMaps`): strings are made only for the rule ids.
                guard let termMaps = TermMaps.read(&input) else { return false }
                guard let firstEdge = input.numbers(), let edgeBytes = input.data(), let edgeTargets = input.numbers(),
                      let terminal = input.data(), let rootEdges = input.numbers() else { return false }
                // A trie whose edges point outside it would crash a scan: check what the file says.
                let nodes = terminal.count
                guard firstEdge.count == nodes + 1, edgeTargets.count == edgeBytes.count, rootEdges.count == 256,
                      firstEdge.allSatisfy({ $0 >= 0 && Int($0) <= edgeBytes.count }),
                      zip(firstEdge, firstEdge.dropFirst()).allSatisfy({ $0 <= $1 }),
                      (edgeTargets + rootEdges.filter { $0 != -1 }).allSatisfy({ $0 > 0 && Int($0) < nodes }) else { return false }
                matchers[file] = LexiconMatcher.Stored(
                    hashtagSources: sources, termMaps: termMaps,
                    trie: LexiconTrie.Tables(firstEdge: firstEdge, edgeBytes: edgeBytes, edgeTargets: edgeTargets,
                                             terminal: terminal.map { $0 != 0 }, rootEdges: rootEdges))
            }
            guard let patterns = input.count() else { return false }
            var sources: [(source: String, options: UInt32)] = []
            for _ in 0..<patterns {
                guard let source = input.string(), let options = input.count() else { return false }
                sources.append((source, UInt32(options)))
            }
            guard let codes = input.data() else { return false }
            // Code PCRE2 does not read back is compiled again, pattern by pattern.
            storedPatterns = StoredPatterns(sources: sources, bytes: codes)
            guard let termFiles = input.count() else { return false }
            for _ in 0..<termFiles {
                guard let file = input.string(), let groups = input.count() else { return false }
                var byID: [String: [String]] = [:]
                for _ in 0..<groups {
                    guard let id = input.string(), let terms = input.strings() else { return false }
                    byID[id] = terms
                }
                lexiconTerms[file] = byID
            }
            return input.atEnd
        }
    }

    /// The key of a rule folder's cache: a hash of everything `Contents` depends on. `files` are
    /// the folder's pack files (every `.yaml`), relative name and bytes, in load order.
    static func key(root: URL, files: [(relative: String, bytes: Data?)]) -> String {
        var hash = ContentHash()
        hash.add("postguard-rule-cache \(format)")
        // The program itself: a rebuilt postguard (a changed decoder or literal reader) never
        // trusts a cache an older build wrote, whatever its version says.
        hash.add(programIdentity)
        hash.add("pcre2 " + Pattern.libraryVersion)
        hash.add(root.path)
        for file in files {
            hash.add(file.relative)
            if let bytes = file.bytes {
                hash.add("\(bytes.count)")
                bytes.withUnsafeBytes { hash.add($0) }
            } else {
                hash.add("unreadable")
            }
        }
        return hash.hex
    }

    /// The running program's path, size and modification time.
    static let programIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// The cache file of a rule folder: one per folder, so two folders used in turn do not evict
    /// each other.
    func file(for root: URL) -> URL {
        var hash = ContentHash()
        hash.add(root.path)
        return folder.appendingPathComponent("rules-\(hash.hex.prefix(16)).cache")
    }

    static let magic = Array("postguard rule cache\n".utf8)

    /// The stored contents for `key`, or nil when there is no file, it was written for another key,
    /// or it is damaged. The file: `magic`, the key and a hash of the rest on one line, the length
    /// of the packs' part, the packs' part (packs, lexicons, in `BinaryCoding`'s form), the binary
    /// part. The hash makes a file damaged where its syntax still holds (a byte changed inside a
    /// pattern) read as no file.
    func read(root: URL, key: String) -> Contents? {
        guard let body = RuleCache.readBody(file(for: root), key: key) else { return nil }
        var input = BinaryReader(body)
        guard let packsLength = input.count(), let packs = input.take(packsLength),
              var contents = try? BinaryCoding.decode(Contents.self, from: packs),
              contents.readBinary(&input) else { return nil }
        return contents
    }

    /// What a file written by `writeBody` for `key` holds after its header, or nil when there is
    /// no file, it was written for another key, or its hash does not fit.
    static func readBody(_ file: URL, key: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        // Checked in the file's own bytes, and only the body copied out: copying the file twice
        // was a twentieth of a warm one-draft check.
        return data.withUnsafeBytes { bytes -> [UInt8]? in
            let header = RuleCache.magic + Array(key.utf8) + [0x20]
            guard bytes.count > header.count + 33, bytes.starts(with: header) else { return nil }
            let hashEnd = header.count + 32
            guard bytes[hashEnd] == 0x0A else { return nil }
            let stored = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[header.count..<hashEnd]), as: UTF8.self)
            let body = UnsafeRawBufferPointer(rebasing: bytes[(hashEnd + 1)...])
            var hash = ContentHash()
            hash.add(body)
            guard hash.hex == stored else { return nil }
            return Array(body)
        }
    }

    /// Writes `contents` for `key` atomically (a temporary file renamed over the old one), so a
    /// run reading it meanwhile sees the old file or the new one, never half of one. Errors are
    /// ignored: the cache only saves time.
    func write(_ contents: Contents, root: URL, key: String) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let packs = try BinaryCoding.encode(contents)
            var body = BinaryWriter()
            body.count(packs.count)
            body.bytes += packs
            body.bytes += contents.binary()
            try RuleCache.writeBody(body.bytes, to: file(for: root), key: key)
        } catch {}
    }

    /// Writes the header (`magic`, `key`, a hash of `body`) and `body`, atomically.
    static func writeBody(_ body: [UInt8], to file: URL, key: String) throws {
        var hash = ContentHash()
        body.withUnsafeBytes { hash.add($0) }
        var data = Data(RuleCache.magic + Array(key.utf8) + [0x20] + Array(hash.hex.utf8) + [0x0A])
        data.append(contentsOf: body)
        try data.write(to: file, options: .atomic)
    }

    /// Where a later stage keeps what it derives from the same rule folder alone (the approved
    /// replies, decoded): a file of its own beside the rule cache's, under the same key, so it is
    /// read only while no pack file, the program and PCRE2 are unchanged.
    package struct Attachment: Sendable {
        let cache: RuleCache
        let root: URL
        let key: String
        let name: String

        var file: URL {
            var hash = ContentHash()
            hash.add(root.path)
            return cache.folder.appendingPathComponent("\(name)-\(hash.hex.prefix(16)).cache")
        }

        /// An attachment of the same rule folder and key in a file of its own, `name`.
        package func named(_ name: String) -> Attachment { Attachment(cache: cache, root: root, key: key, name: name) }

        /// The same file under a key that also covers `parts` (files a later stage reads besides the
        /// packs, each its bytes or nil for none): it is read only while they are unchanged too.
        package func keyed(by parts: [[UInt8]?]) -> Attachment {
            var hash = ContentHash()
            hash.add(key)
            for part in parts {
                if let part {
                    hash.add("\(part.count)")
                    part.withUnsafeBytes { hash.add($0) }
                } else {
                    hash.add("none")
                }
            }
            return Attachment(cache: cache, root: root, key: hash.hex, name: name)
        }

        /// The bytes stored for this key, or nil (none, another key's, damaged).
        package func read() -> [UInt8]? { RuleCache.readBody(file, key: key) }

        /// Stores `bytes`; errors are ignored, as the rule cache's are.
        package func write(_ bytes: [UInt8]) {
            do {
                try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                try RuleCache.writeBody(bytes, to: file, key: key)
            } catch {}
        }
    }
}

struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func count(_ value: Int) {
        let word = UInt32(truncatingIfNeeded: value)
        bytes += [UInt8(word & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word >> 16 & 0xFF), UInt8(word >> 24)]
    }

    mutating func data(_ value: [UInt8]) {
        count(value.count)
        bytes += value
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }

    /// A count, then each string.
    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func numbers(_ values: [Int32]) {
        count(values.count)
        for value in values { count(Int(UInt32(bitPattern: value))) }
    }
}

/// Reads what `BinaryWriter` wrote; every read past the end is nil, never a crash.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    /// Where the next read starts.
    var position: Int { offset }

    /// The bytes from `start` to the position.
    func bytes(from start: Int) -> [UInt8] { Array(bytes[start..<offset]) }

    /// Steps over what `data` would read; false if the bytes end first.
    mutating func skip() -> Bool {
        guard let length = count(), length != Int(UInt32.max) else { return false }
        return take(length) != nil
    }

    mutating func take(_ length: Int) -> ArraySlice<UInt8>? {
        guard length >= 0, length <= bytes.count - offset else { return nil }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    mutating func count() -> Int? {
        guard bytes.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    mutating func data() -> [UInt8]? {
        guard let length = count(), length != Int(UInt32.max) else { return nil }
        return take(length).map(Array.init)
    }

    mutating func numbers() -> [Int32]? {
        guard let count = count(), count != Int(UInt32.max), let raw = take(count * 4) else { return nil }
        return raw.withUnsafeBytes { bytes in
            (0..<count).map { Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        }
    }

    mutating func string() -> String? {
        guard let length = count(), length != Int(UInt32.max), let raw = take(length) else { return nil }
        // The file's hash already vouches for its bytes.
        return raw.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// What `BinaryWriter.strings` wrote: nil if the file ends early.
    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }
}

/// A fast 128-bit hash of the bytes a cache depends on. Not cryptographic: it tells changed files
/// from unchanged ones (anyone who can write the cache folder can change the program's behaviour
/// in easier ways, such as its rule folder).
struct ContentHash {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var c: UInt64 = 0x1656_67B1_9E37_79F9
    private var d: UInt64 = 0x85EB_CA77_C2B2_AE63
    private var length: UInt64 = 0

    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        // Long pieces (the cache files' bodies, checked on every run) 32 bytes at a time in four
        // independent lanes, each word xored in, multiplied by an odd constant and rotated: every
        // step is one-to-one, so a changed word always changes its lane. It takes a third of the
        // instructions of the two-lane loop below, which was a twentieth of a warm one-draft check.
        while index + 32 <= count {
            c = ContentHash.lane(c, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self), 0x9E37_79B9_7F4A_7C15)
            d = ContentHash.lane(d, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self), 0xC2B2_AE3D_27D4_EB4F)
            a = ContentHash.lane(a, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self), 0x1656_67B1_9E37_79F9)
            b = ContentHash.lane(b, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self), 0x85EB_CA77_C2B2_AE63)
            index += 32
        }
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            a = (a ^ word) &* 0x100_0000_01B3 &+ (a >> 29)
            b = ((b &+ word) ^ (b >> 31)) &* 0x9FB2_1C65_1E98_DF25
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        a = (a ^ tail) &* 0x100_0000_01B3 &+ (a >> 29)
        b = ((b &+ tail) ^ (b >> 31)) &* 0x9FB2_1C65_1E98_DF25
        // The length ends each piece, so ("ab", "c") and ("a", "bc") differ.
        length &+= UInt64(count)
        a = ContentHash.mix(a ^ UInt64(count))
        b = ContentHash.mix(b &+ UInt64(count))
    }

    @inline(__always) private static func lane(_ state: UInt64, _ word: UInt64, _ odd: UInt64) -> UInt64 {
        let x = (state ^ word) &* odd
        return x << 29 | x >> 35
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    var hex: String {
        let first = ContentHash.mix(a ^ length ^ ContentHash.mix(c)), second = ContentHash.mix(b &+ first &+ ContentHash.mix(d))
        return [first, second].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
