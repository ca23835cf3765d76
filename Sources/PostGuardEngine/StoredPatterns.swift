// Engine: compiled patterns kept between runs. PCRE2 compiling the rules' 500 patterns was a tenth
// of a one-draft check; PCRE2 can write compiled code out (`pcre2_serialize_encode`) and read it back
// (`pcre2_serialize_decode`), which costs a copy. The bytes are only valid for the same PCRE2 build
// and machine, so whoever stores them (the rule cache) keys them by the PCRE2 version and the program.
import CPCRE2

/// Compiled patterns read back from bytes `StoredPatterns.encode` wrote, handed out by source and
/// options. A pattern asked for that is not here is compiled as usual.
package final class StoredPatterns: @unchecked Sendable {
    // @unchecked: used by the one thread loading a rule library, then dropped.
    private let sources: [(source: String, options: UInt32)]
    /// Each source's code until it is taken.
    private var codes: [OpaquePointer?]
    /// Where the next pattern asked for is expected: a library asks for its patterns in the order
    /// it stored them, so a take is one string comparison (hashing the sources into a dictionary,
    /// and removing from it, cost more than PCRE2's decoding).
    private var next = 0

    /// The compiled code of `patterns` with each one's source and options (for `init?(bytes:)`), or
    /// nil when PCRE2 cannot write them.
    package static func encode(_ patterns: [Pattern]) -> (sources: [(source: String, options: UInt32)], bytes: [UInt8])? {
        guard !patterns.isEmpty else { return ([], []) }
        var list: [OpaquePointer?] = patterns.map { $0.code }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size = 0
        let count = list.withUnsafeMutableBufferPointer { pointer in
            pcre2_serialize_encode_8(pointer.baseAddress, Int32(patterns.count), &buffer, &size, nil)
        }
        guard count == patterns.count, let buffer else { return nil }
        defer { pcre2_serialize_free_8(buffer) }
        return (patterns.map { ($0.source, $0.options.rawValue) }, Array(UnsafeBufferPointer(start: buffer, count: size)))
    }

    /// nil when the bytes do not decode to exactly `sources.count` patterns. The bytes are trusted
    /// as PCRE2 wrote them (PCRE2 reads them without bounds): the rule cache checks its file's hash
    /// before handing them over.
    package init?(sources: [(source: String, options: UInt32)], bytes: [UInt8]) {
        self.sources = sources
        codes = [OpaquePointer?](repeating: nil, count: sources.count)
        guard !sources.isEmpty else { return }
        guard bytes.count > 0, sources.count < Int(Int32.max),
              bytes.withUnsafeBufferPointer({ pcre2_serialize_get_number_of_codes_8($0.baseAddress) }) == Int32(sources.count)
        else { return nil }
        let count = codes.withUnsafeMutableBufferPointer { codes in
            bytes.withUnsafeBufferPointer { pcre2_serialize_decode_8(codes.baseAddress, Int32(sources.count), $0.baseAddress, nil) }
        }
        guard count == Int32(sources.count) else {
            // PCRE2 frees what it decoded before failing; nothing here is ours to free.
            codes = [OpaquePointer?](repeating: nil, count: sources.count)
            return nil
        }
    }

    /// How many patterns are still here (not yet taken).
    package var remaining: Int { codes.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    deinit {
        for case let code? in codes { pcre2_code_free_8(code) }
    }

    /// The stored code for `source` compiled with `options`, as a `Pattern` (which then owns it),
    /// or nil when there is none or it was compiled otherwise.
    package func take(_ source: String, options: Pattern.Options, jit: Bool = true) -> Pattern? {
        func fits(_ index: Int) -> Bool {
            codes[index] != nil && sources[index].options == options.rawValue && sources[index].source == source
        }
        guard let index = next < codes.count && fits(next) ? next : codes.indices.first(where: fits),
              let decoded = codes[index] else { return nil }
        codes[index] = nil
        next = index + 1
        // Decoded patterns share one copy of PCRE2's character tables, counted by a reference count
        // PCRE2 changes without atomics (on every copy and free): a pattern JIT-compiled on one
        // worker while another was compiled or freed on another could free the tables under both.
        // Each pattern taken gets tables of its own, on the one thread loading the library.
        let code = pcre2_code_copy_with_tables_8(decoded)
        pcre2_code_free_8(decoded)
        guard let code else { return nil }
        // The options PCRE2 compiled it with must be the ones a fresh compile would use.
        var compiledWith: UInt32 = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ARGOPTIONS), &compiledWith) == 0,
              compiledWith == Pattern.flags(options) else {
            pcre2_code_free_8(code)
            return nil
        }
        return Pattern(source, options: options, code: code, jit: jit)
    }
}
