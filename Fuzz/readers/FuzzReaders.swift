// libFuzzer targets for the readers (issue 15): each feeds arbitrary bytes to one reader, which must
// answer with documents or one-line errors, never crash, hang or grow without bound. One program, the
// reader chosen by POSTGUARD_FUZZ_READER (jsonl, csv, frontmatter, html, zip), each with its own seed
// corpus in Fixtures/fuzz/<reader>/. Built and run by scripts/fuzz, with `-sanitize=fuzzer,address`
// on every module; not part of the ordinary build (Package.swift adds it only when POSTGUARD_FUZZ is set).
import Foundation
import PostGuardInput

/// Small limits, so an input that inflates or repeats reaches them within one fuzzing step: the
/// fuzzer looks for crashes and hangs in the parsing, not for the limits' own sizes.
let reader: DocumentReader = {
    var options = InputOptions()
    options.limits.documentBytes = 1 << 20
    options.limits.entryBytes = 4 << 20
    options.limits.archiveBytes = 16 << 20
    options.limits.ratioFloorBytes = 1 << 20
    return DocumentReader(options: options)
}()

let target = ProcessInfo.processInfo.environment["POSTGUARD_FUZZ_READER"] ?? "jsonl"
/// A ZIP is read from a path (its central directory is read by seeking): one file per process.
let zipPath = FileManager.default.temporaryDirectory.appendingPathComponent("postguard-fuzz-\(getpid()).zip").path

func read(_ bytes: Data) {
    var documents = 0, failures = 0
    switch target {
    case "jsonl": reader.parse(bytes, source: "fuzz.jsonl", format: .jsonl, document: { _ in documents += 1 }, failure: { _ in failures += 1 })
    case "csv": reader.parse(bytes, source: "fuzz.csv", format: .csv, document: { _ in documents += 1 }, failure: { _ in failures += 1 })
    // A Markdown draft: its YAML front matter is the part worth fuzzing (aliases, size, dates).
    case "frontmatter": reader.parse(bytes, source: "fuzz.md", format: .markdown, document: { _ in documents += 1 }, failure: { _ in failures += 1 })
    // Meta's HTML download, routed by its path as in a real export.
    case "html": reader.parse(bytes, source: "your_instagram_activity/content/posts_1.html", format: .auto,
                              document: { _ in documents += 1 }, failure: { _ in failures += 1 })
    case "zip":
        FileManager.default.createFile(atPath: zipPath, contents: bytes)
        reader.read(paths: [zipPath], document: { _ in documents += 1 }, failure: { _ in failures += 1 }, notice: { _ in })
    default:
        FileHandle.standardError.write(Data("POSTGUARD_FUZZ_READER must be jsonl, csv, frontmatter, html or zip\n".utf8))
        exit(2)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    read(data.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}

// SwiftPM links an executable with `main` defined as `<target>_main` (so tests can link it), which
// hides libFuzzer's own `main`: this one hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("fuzz_readers_main")
public func fuzzReadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    defer { try? FileManager.default.removeItem(atPath: zipPath) }
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}
