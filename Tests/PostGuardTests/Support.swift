import Foundation
@testable import PostGuard

/// The checkout's root, found from this file so tests run from any working directory.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let rulesFolder = repositoryRoot.appendingPathComponent("Rules")
let fixturesFolder = repositoryRoot.appendingPathComponent("Fixtures")

/// The shipped rule packs, loaded once for the whole test run.
let shippedLibrary: RuleLibrary = {
    do { return try RuleLibrary.load(from: rulesFolder) } catch { fatalError("cannot load Rules/: \(error)") }
}()

/// Text with «marked» spans: the text without markers and each span in Unicode-scalar offsets.
struct MarkedText {
    var text: String
    var spans: [(start: Int, end: Int)]

    init(_ marked: String) {
        var text = "", spans: [(Int, Int)] = [], open: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == "«" { open = count; continue }
            if scalar == "»", let start = open { spans.append((start, count)); open = nil; continue }
            text.unicodeScalars.append(scalar)
            count += 1
        }
        self.text = text
        self.spans = spans
    }
}

/// One rule, compiled from YAML in a test.
func compileRule(_ yaml: String) throws -> CompiledRule {
    let rule = try YAMLDecoderShim.decode(Rule.self, yaml)
    return try RuleLibrary.compile(rule, pack: "test")
}

import Yams
enum YAMLDecoderShim {
    static func decode<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> T {
        try YAMLDecoder().decode(type, from: yaml)
    }
}

func scan(_ text: String, rules: [CompiledRule], kind: DocumentKind = .post, library: RuleLibrary = RuleLibrary()) -> DetectorResult {
    Detector(library: library).scan(Document(source: "test", text: text, kind: kind), scratch: MatchScratch(), rules: rules)
}

/// Path of the built `postguard` binary next to the test bundle.
let postguardBinary: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("postguard")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/postguard")
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary, as a script or CI job would.
@discardableResult
func runPostGuard(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = postguardBinary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["POSTGUARD_RULES"] = rulesFolder.path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read before waiting so a large report cannot fill the pipe and stall the child.
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: stdoutData, as: UTF8.self),
                     stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A new folder whose name no detector reads as anything: tests compare the paths printed in
/// masked reports. A UUID's hex ("BEE8-4C4A…") once read as a wristband name, and a hyphenated
/// lower-case chain ("postguard-tests-dctlsf…") as a chat name in 16 of 300 random tries; joined by
/// underscores, 0 of 300 (each path through `postguard check` on an empty file, 2026-11-30).
func temporaryDirectory() throws -> URL {
    let consonants = Array("bcdfghjklmnpqrst")
    let unique = String(UUID().uuidString.lowercased().compactMap { $0.hexDigitValue.map { consonants[$0] } })
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("postguard_tests_\(unique)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A valid authorization for a patient story on Instagram, signed 2026-05-01 for a year: the consent
/// tests vary who it covers, what it describes and who signed it.
func storyRecord(_ subject: String, information: String, signer: String? = nil, authority: String? = nil) -> ConsentRecord {
    ConsentRecord(id: "C-1", subject: subject, information: information, recipient: "the public", purpose: "patient story",
                  signed: "2026-05-01", expires: "2027-05-01", channels: ["instagram"], signer: signer ?? subject, authority: authority)
}

/// The names a check found, as written.
func nameTexts(_ result: DocumentResult) -> [String] {
    result.findings.filter { $0.category == .name }.map(\.matchedText)
}
