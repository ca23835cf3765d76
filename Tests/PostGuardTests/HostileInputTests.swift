// Hostile and broken input (issue 15): archives that inflate without end, encrypted and escaping
// entries, documents over the per-document limit, UTF-16, a malformed first JSONL line on standard
// input, files that hold nothing. Each bound is asserted in bytes or counts, never in seconds; the
// hostile files are built small, in a temporary folder, with the limits lowered to match.
@testable import PostGuard
import Foundation
import Testing
import ZIPFoundation

/// A ZIP of `entries` (deflated), then `patch` applied to its bytes: how a hostile archive is made
/// from an honest one.
private func makeZip(_ url: URL, _ entries: [(String, Data)], patch: (inout [UInt8]) -> Void = { _ in }) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (name, data) in entries {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    var bytes = [UInt8](try Data(contentsOf: url))
    patch(&bytes)
    try Data(bytes).write(to: url)
}

/// Offsets of the headers naming `name`: (local file header, central directory header).
private func headers(of name: String, in bytes: [UInt8]) -> (local: Int, central: Int) {
    let needle = Array(name.utf8)
    var local = -1, central = -1
    for index in 0..<(bytes.count - needle.count) where Array(bytes[index..<(index + needle.count)]) == needle {
        if index >= 30, bytes[(index - 30)..<(index - 26)] == [0x50, 0x4B, 0x03, 0x04] { local = index - 30 }
        if index >= 46, bytes[(index - 46)..<(index - 42)] == [0x50, 0x4B, 0x01, 0x02] { central = index - 46 }
    }
    return (local, central)
}

private func setLE32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
    for index in 0..<4 { bytes[at + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
}

private struct Reading {
    var documents: [Document] = []
    var errors: [String] = []
    var notices: [String] = []
    var inflated: UInt64 = 0
}

private func read(_ paths: [String], limits: InputLimits = InputLimits(), format: InputFormat = .auto) -> Reading {
    var options = InputOptions(format: format)
    options.limits = limits
    var reader = DocumentReader(options: options)
    let meter = ByteMeter()
    reader.meter = meter
    var reading = Reading()
    reader.read(paths: paths, document: { reading.documents.append($0) }, failure: { reading.errors.append($0.description) },
                notice: { reading.notices.append($0) })
    reading.inflated = meter.value
    return reading
}

private let phoneDraft = Data("Call 617-555-0142 today.\n".utf8)

/// The real binary with a file as its standard input (a file, not a pipe: a run that stops reading
/// early must not leave the test writing into a closed pipe).
private func runPostGuard(_ arguments: [String], stdinFile: URL) throws -> RunResult {
    let process = Process()
    process.executableURL = postguardBinary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["POSTGUARD_RULES"] = rulesFolder.path
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try FileHandle(forReadingFrom: stdinFile)
    try process.run()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                     stderr: String(decoding: stderrData, as: UTF8.self))
}

@Suite("Hostile archives")
struct HostileArchiveTests {
    @Test("An entry whose header claims 1,000 bytes stops inflating at the entry limit; the other entries are read")
    func lyingHeader() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("drafts.zip")
        let bomb = Data(repeating: UInt8(ascii: "a"), count: 8 << 20) // 8 MiB of one letter: a few KB deflated
        try makeZip(url, [("bomb.txt", bomb), ("ok.txt", phoneDraft)]) { bytes in
            let (local, central) = headers(of: "bomb.txt", in: bytes)
            setLE32(&bytes, local + 22, 1_000)
            setLE32(&bytes, central + 24, 1_000)
        }
        var limits = InputLimits()
        limits.entryBytes = 256 << 10
        limits.compressionRatio = .max // this test is about the entry limit alone
        let reading = read([url.path], limits: limits)
        #expect(reading.errors == ["\(url.path)/bomb.txt: entry inflates to over the 256 KiB limit (its header says 1000 bytes); not read"])
        #expect(reading.documents.map(\.source) == ["\(url.path)/ok.txt"])
        // Inflating stopped within one 64 KiB chunk of the limit, not at the 8 MiB the stream holds.
        #expect(reading.inflated <= (256 + 64) << 10 + UInt64(phoneDraft.count))
        #expect(reading.inflated > 256 << 10)
    }

    @Test("The archive's total inflated bytes are bounded: entries within their own limit stop at the archive's")
    func archiveTotal() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("four.zip")
        let large = Data(String(repeating: "Our clinic opens at nine. ", count: 8_000).utf8) // ~203 KB each
        try makeZip(url, (1...4).map { ("part\($0).txt", large) })
        var limits = InputLimits()
        limits.archiveBytes = 450 << 10
        let reading = read([url.path], limits: limits)
        #expect(reading.documents.map(\.source) == ["\(url.path)/part1.txt", "\(url.path)/part2.txt"])
        #expect(reading.errors == ["\(url.path)/part3.txt: the archive inflates to over the 450 KiB limit for one archive; this entry and the rest are not read"])
        #expect(reading.inflated <= (450 + 64) << 10)
    }

    @Test("An entry inflating past the compression ratio is refused once past the floor")
    func ratio() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("ratio.zip")
        try makeZip(url, [("a.txt", Data(repeating: UInt8(ascii: "a"), count: 4 << 20)), ("b.txt", phoneDraft)])
        var limits = InputLimits()
        limits.ratioFloorBytes = 512 << 10
        let reading = read([url.path], limits: limits)
        #expect(reading.errors == ["\(url.path)/a.txt: entry inflates over 200 times its compressed size (a ZIP bomb?); not read"])
        #expect(reading.documents.map(\.source) == ["\(url.path)/b.txt"])
        // It stops once past both the floor and 200 times the compressed bytes (less than the whole zip's).
        let compressed = UInt64(try Data(contentsOf: url).count)
        #expect(reading.inflated <= max(512 << 10, 200 * compressed) + 64 << 10 + UInt64(phoneDraft.count))
        #expect(reading.inflated < 4 << 20)
    }

    @Test("An encrypted entry and an entry with .. in its path are each an error; the entries after them are read")
    func encryptedAndEscaping() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("export.zip")
        try makeZip(url, [("a.txt", phoneDraft), ("b-locked.txt", phoneDraft), ("xx/evil.txt", phoneDraft), ("c.txt", phoneDraft)]) { bytes in
            // The encryption flag (bit 0) in both headers: ZIPFoundation's own listing stops here.
            let (local, central) = headers(of: "b-locked.txt", in: bytes)
            bytes[local + 6] |= 1
            bytes[central + 8] |= 1
            for offset in [headers(of: "xx/evil.txt", in: bytes).local + 30, headers(of: "xx/evil.txt", in: bytes).central + 46] {
                bytes.replaceSubrange(offset..<(offset + 2), with: Array("..".utf8))
            }
        }
        let reading = read([url.path])
        #expect(reading.errors == [
            "\(url.path)/../evil.txt: entry path leaves the archive (.. or /); not read",
            "\(url.path)/b-locked.txt: entry is encrypted (password-protected); not read: unzip it with its password and check the files",
        ])
        #expect(reading.documents.map(\.source) == ["\(url.path)/a.txt", "\(url.path)/c.txt"])

        let run = try runPostGuard(["check", url.path])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 2)
        #expect(run.stdout.contains("2 documents checked"))
    }
}

@Suite("Per-document limit")
struct DocumentLimitTests {
    @Test("A JSONL record, a CSV row and a text file over the limit are each an error naming them; the rest is read")
    func overLimit() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "x", count: 5_000)
        try Data("{\"text\": \"one\"}\n{\"text\": \"\(long)\"}\n{\"text\": \"three\"}\n".utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        try Data("text\none\n\"\(long)\nstill the same record\"\nthree\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        try Data(long.utf8).write(to: folder.appendingPathComponent("c.txt"))
        try phoneDraft.write(to: folder.appendingPathComponent("d.txt"))
        var limits = InputLimits()
        limits.documentBytes = 1_000
        let paths = ["a.jsonl", "b.csv", "c.txt", "d.txt"].map { folder.appendingPathComponent($0).path }
        let reading = read(paths, limits: limits)
        let reason = "is larger than 1000 bytes, the limit for one document; not read (split it, or leave it out)"
        #expect(reading.errors == ["\(paths[0]):2: the record \(reason)", "\(paths[1]):3: the record \(reason)", "\(paths[2]): the text \(reason)"])
        #expect(reading.documents.map(\.text) == ["one", "three", "one", "three", String(decoding: phoneDraft, as: UTF8.self)])
    }

    @Test("Standard input over 10 MiB, text or one endless JSONL line, is an error; nothing of it is kept")
    func standardInput() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big")
        try Data(repeating: UInt8(ascii: "7"), count: (10 << 20) + 1).write(to: big)
        let text = try runPostGuard(["check", "-"], stdinFile: big)
        #expect(text.status == 2)
        #expect(text.stderr == "postguard: -: the text is larger than 10 MiB, the limit for one document; not read (split it, or leave it out)\n")
        let jsonl = try runPostGuard(["check", "--input-format", "jsonl", "-"], stdinFile: big)
        #expect(jsonl.status == 2)
        #expect(jsonl.stderr == "postguard: -:1: the record is larger than 10 MiB, the limit for one document; not read (split it, or leave it out)\n")
    }
}

@Suite("Encodings and formats on standard input")
struct EncodingTests {
    static let draft = "Patient SSN 123-45-6789, call 617-555-0142.\nSecond line."

    @Test("UTF-16 with and without a byte-order mark is decoded, both byte orders", arguments: [
        ("le-bom", [UInt8]([0xFF, 0xFE]), true), ("le", [], true), ("be-bom", [0xFE, 0xFF], false), ("be", [], false),
    ])
    func utf16(name: String, mark: [UInt8], little: Bool) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = mark
        for unit in Self.draft.utf16 { bytes += little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let file = folder.appendingPathComponent("\(name).txt")
        try Data(bytes).write(to: file)
        let reading = read([file.path])
        #expect(reading.errors == [])
        #expect(reading.documents.map(\.text) == [Self.draft])
        let run = try runPostGuard(["check", file.path])
        #expect(run.status == 1) // never passed as clean: the SSN blocks
    }

    @Test("UTF-16 that does not decode (a lone surrogate) is refused, naming the file")
    func badUTF16() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.txt")
        try Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]).write(to: file)
        #expect(read([file.path]).errors == ["\(file.path): not valid UTF-16 text (it starts like UTF-16: save it as UTF-8)"])
    }

    @Test("JSONL on standard input whose first line does not parse is an error on line 1, and the rest is read")
    func malformedFirstLine() throws {
        let run = try runPostGuard(["check", "-"], stdin: "{\"text\": \"Call 617-555-0142\",, }\n{\"text\": \"Our clinic opens at nine.\"}\n")
        #expect(run.status == 2)
        #expect(run.stderr == "postguard: -:1: not a JSON object (malformed JSON)\n")
        #expect(run.stdout.contains("1 document checked"))
    }

    @Test("A draft that starts with a brace is still a draft")
    func braceDraft() throws {
        let run = try runPostGuard(["check", "-"], stdin: "{Ward 7} says thank you to the text team: nine years!\n")
        #expect(run.status == 0)
        #expect(run.stderr == "")
    }
}

@Suite("Files that hold nothing")
struct EmptyInputTests {
    @Test("Empty files in a folder are a notice each; the folder's other documents are checked, exit 0")
    func inFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["empty.csv", "empty.jsonl", "empty.txt"] { try Data().write(to: folder.appendingPathComponent(name)) }
        try Data("\n  \n".utf8).write(to: folder.appendingPathComponent("blank.md"))
        try Data("Our clinic opens at nine.\n".utf8).write(to: folder.appendingPathComponent("hours.txt"))
        let run = try runPostGuard(["check", folder.path])
        #expect(run.status == 0)
        #expect(run.stderr.split(separator: "\n").sorted() == ["blank.md", "empty.csv", "empty.jsonl", "empty.txt"].map {
            "postguard: \(folder.path)/\($0): empty file, nothing to check"
        })
        #expect(run.stdout.contains("1 document checked"))
    }

    @Test("A named empty file, empty standard input, or a folder of empty files: one error each, exit 2", arguments: ["csv", "jsonl", "txt", "-", "folder"])
    func alone(kind: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.\(kind == "folder" ? "txt" : kind)")
        try Data().write(to: file)
        let run = try kind == "-" ? runPostGuard(["check", "-"], stdin: "") : runPostGuard(["check", kind == "folder" ? folder.path : file.path])
        #expect(run.status == 2)
        let expected = switch kind {
        case "-": ["postguard: standard input: empty, nothing to check"]
        case "folder": ["postguard: \(file.path): empty file, nothing to check",
                        "postguard: no documents found in \(folder.path): not a draft or a known export"]
        default: ["postguard: \(file.path): empty, nothing to check"]
        }
        #expect(run.stderr.split(separator: "\n").map(String.init) == expected)
    }
}

@Suite("Reports are linear in a document's bytes and findings")
struct LinearReportTests {
    /// The steps counted while locating every finding and writing the text and JSON reports of one
    /// document, already scanned (the detectors' own time is theirs to bound).
    static func steps(_ text: String) -> (steps: Int, findings: Int) {
        let result = Scanner(library: shippedLibrary).check(Document(source: "long.txt", text: text), scratch: MatchScratch()).result
        let meter = WorkMeter()
        WorkMeter.$current.withValue(meter) {
            let offsets = result.findings.compactMap(\.span).flatMap { [$0.bytes.start, $0.bytes.end] }
            _ = text.withUTF8Bytes { TextPositions.locate(offsets, in: $0) }
            for make in [ReportFormat.text, .json] {
                let reporter = Reporters.make(make, output: ReportOutput { _ in }, options: ReportOptions())
                reporter.begin()
                reporter.add(result)
                reporter.finish(Summary())
            }
        }
        return (meter.steps, result.findings.count)
    }

    /// Phone numbers (identifiers, masked by themselves) and room numbers (policy findings, whose
    /// excerpts mask every finding inside them), on as many lines or on one.
    @Test("Twice the document, twice the findings: at most 2.5 times the work", arguments: ["lines", "one line"])
    func doubling(shape: String) {
        func document(_ count: Int) -> String {
            (0..<count).map { "call 617-555-\(String(format: "%04d", 100 + $0 % 100)) about room \($0 % 90 + 10) and the chemotherapy" }
                .joined(separator: shape == "one line" ? ", " : "\n")
        }
        let small = Self.steps(document(300)), large = Self.steps(document(600))
        #expect(small.findings >= 600)
        #expect(large.findings >= 2 * small.findings - 4) // findings about the whole document stay one each
        #expect(Double(large.steps) <= 2.5 * Double(small.steps), "\(small.steps) → \(large.steps) steps")
    }
}

@Suite("Errors of a hostile run")
struct ErrorVolumeTests {
    @Test("Bad lines are each said once and counted, but only the first thousand kept: memory does not grow with them")
    func errorsAreCountedNotHoarded() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.jsonl")
        let lines = CheckOutcome.keptErrors * 2 + 7
        try Data((String(repeating: "{not json\n", count: lines) + "{\"text\": \"Call 617-555-0142\"}\n").utf8).write(to: file)
        var said = 0
        let check = Check(reader: DocumentReader(), scanner: Scanner(library: shippedLibrary),
                          reporter: Reporters.make(.json, output: ReportOutput { _ in }, options: ReportOptions()))
        let outcome = check.run(paths: [file.path]) { _ in said += 1 }
        #expect(said == lines)                            // every error is said as it happens
        #expect(outcome.errorCount == lines)              // and counted
        #expect(outcome.errors.count == CheckOutcome.keptErrors)
        #expect(outcome.summary.documents == 1)           // the good record is still checked
        #expect(outcome.exitStatus(failOn: .block) == 2)
    }
}

@Suite("Detectors and policy are linear in a document's bytes and findings")
struct LinearScanTests {
    static let scanner = Scanner(library: shippedLibrary)

    /// The steps counted while the detectors and the policy judge one document (its suggested safe
    /// version included): overlap and containment between findings, lines of suppression comments,
    /// sentences, paragraphs and words the combinations read.
    static func steps(_ text: String) -> (steps: Int, findings: Int) {
        let scratch = MatchScratch()
        let meter = WorkMeter()
        let findings = WorkMeter.$current.withValue(meter) {
            scanner.check(Document(source: "long.txt", text: text), scratch: scratch).result.findings
        }
        return (meter.steps, findings.count)
    }

    /// Items issue 15 found quadratic (phone numbers, e-mails, dates, names, health words), each
    /// alone and all in one sentence, on as many lines, on one line, and in paragraphs; a
    /// `postguard-ignore` comment on the last line makes every line's comment be read.
    static let items: [String: @Sendable (Int) -> String] = [
        "phone": { String(format: "617-555-%04d", $0 % 10_000) },
        "email": { "user\($0)@example.org" },
        "date": { String(format: "03/%02d/2024", $0 % 28 + 1) },
        "name": { "\(["Maria", "James", "Linda", "Robert", "Susan"][$0 % 5]) \(["Lopez", "Smith", "Nguyen", "Garcia"][($0 / 5) % 4])" },
        "health": { ["diabetes", "chemotherapy", "asthma", "HIV", "depression"][$0 % 5] },
        "all": { index in
            let name = "\(["Maria", "James", "Linda"][index % 3]) \(["Lopez", "Smith"][(index / 3) % 2])"
            return "\(name) has diabetes, room \(index % 90 + 10), call " + String(format: "617-555-%04d on 03/%02d/2024.", index % 10_000, index % 28 + 1)
        },
    ]

    @Test("Twice the items, twice the findings: at most 2.5 times the work",
          arguments: ["phone", "email", "date", "name", "health", "all"], ["lines", "one line", "paragraphs", "ignored"])
    func doubling(item: String, shape: String) {
        func document(_ count: Int) -> String {
            let separator = switch shape { case "one line": " "; case "paragraphs": "\n\n"; default: "\n" }
            let text = (0..<count).map { Self.items[item]!($0) }.joined(separator: separator)
            return shape == "ignored" ? text + "\npostguard-ignore phi.ssn" : text
        }
        let small = Self.steps(document(200)), large = Self.steps(document(400))
        #expect(small.findings >= 100, "\(small.findings) findings")
        #expect(Double(large.findings) >= 1.8 * Double(small.findings), "\(small.findings) → \(large.findings) findings")
        #expect(small.steps > 0)
        #expect(Double(large.steps) <= 2.5 * Double(small.steps), "\(small.steps) → \(large.steps) steps")
    }
    /// Rarer combinations the policy judges by looking at other findings: who a health word belongs
    /// to, whether a name is one of the organisation's people, a reader greeted, history, a story in
    /// someone's own words. Each shape doubles the people and the health words together, so asking
    /// every finding about every other would show as four times the steps.
    static func person(_ index: Int) -> String {
        let first = ["Maria", "James", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Nancy", "Daniel",
                     "Laura", "Kevin", "Sarah", "Brian", "Emily", "Jason", "Rachel", "Steven", "Helen", "Thomas"]
        let last = ["Lopez", "Smith", "Nguyen", "Garcia", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Moore",
                    "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Robinson", "Clark"]
        return "\(first[index % 20]) \(last[(index / 20) % 20])"
    }
    /// A surname of its own for each of 400 people: "Lopez-Smith".
    static func surname(_ index: Int) -> String { person(index).split(separator: " ").last.map(String.init)! + "-" + person(index / 20 + index * 7).split(separator: " ").last.map(String.init)! }
    static func health(_ index: Int) -> String { ["diabetes", "asthma", "depression", "chemotherapy", "HIV"][index % 5] }

    struct Shape: Sendable {
        var kind: DocumentKind
        var separator: String
        var item: @Sendable (Int) -> String
        var before = "", after = ""
    }

    static let combinations: [String: Shape] = [
        // Many staff names, each with health words of their own, in one sentence.
        "staff stories": Shape(kind: .post, separator: ", ", item: { "Dr. \(person($0)) told of her own \(health($0)) and \(health($0 + 1))" }),
        // The same staff member again and again: one judgement, not one per earlier mention.
        "one staff member": Shape(kind: .post, separator: ", ", item: { "Dr. Maria Lopez told of her own \(health($0))" }),
        // Paragraphs of health words and paragraphs of names, never together: nothing pairs.
        "paragraphs apart": Shape(kind: .post, separator: "\n\n", item: { $0 % 2 == 0 ? "Tips on \(health($0)) for everyone" : "\(person($0)) joined the team" }),
        "paragraphs apart, a reply": Shape(kind: .reply, separator: "\n\n", item: { $0 % 2 == 0 ? "Tips on \(health($0)) for everyone" : "\(person($0)) joined the team" }),
        // Names lowered to info as staff, each asked whether the others are the same person; in a
        // message each is also asked whether it is the reader, greeted.
        "staff names": Shape(kind: .message, separator: ", ", item: { "Dr. \(person($0))" }),
        // A described person: an age beside each health word, in one paragraph.
        "described": Shape(kind: .post, separator: "\n", item: { "a 40-year-old with \(health($0))" }),
        // The sender's own family's health in one sentence of a message: whose is each word?
        "relatives": Shape(kind: .message, separator: " and ", item: { "my mom has \(health($0))" }),
        // The writer's own health, with names, in one sentence of a message.
        "writer's own": Shape(kind: .message, separator: ", ", item: { "I have \(health($0)) \(person($0))" }),
        // A staff member's own story: every name asked whether it is staff.
        "own words": Shape(kind: .post, separator: ", ", item: { "Dr. \(person($0))" }, before: "In her own words: ", after: " love working here."),
        // A patient story naming many people, each with a health word, in one sentence: the consent
        // gate asks which of them the story shows.
        "testimonial": Shape(kind: .post, separator: ", ", item: { "\(person($0)) beat \(health($0))" }, before: "In her own words: ", after: "."),
        // Staff and others sharing one first name: each "Maria" asked whether she is the doctor.
        "shared first names": Shape(kind: .post, separator: ", ", item: { $0 % 2 == 0 ? "Dr. Maria \(surname($0))" : "Maria \(surname($0)) has \(health($0))" }),
        // History: old dates, names and their other mentions.
        "history": Shape(kind: .post, separator: "\n", item: { "On July 4, 1939, \(person($0)) spoke of \(health($0))" }),
    ]

    static func steps(_ text: String, kind: DocumentKind) -> (steps: Int, findings: Int) {
        let scratch = MatchScratch()
        let meter = WorkMeter()
        let findings = WorkMeter.$current.withValue(meter) {
            scanner.check(Document(source: "long.txt", text: text, kind: kind), scratch: scratch).result.findings
        }
        return (meter.steps, findings.count)
    }

    @Test("Rare combinations too: twice the people and health words, at most 2.5 times the work",
          arguments: ["staff stories", "one staff member", "paragraphs apart", "paragraphs apart, a reply", "staff names",
                      "described", "relatives", "writer's own", "own words", "testimonial", "history", "shared first names"])
    func doublingCombinations(shape name: String) {
        let shape = Self.combinations[name]!
        func document(_ count: Int) -> String { shape.before + (0..<count).map(shape.item).joined(separator: shape.separator) + shape.after }
        let small = Self.steps(document(200), kind: shape.kind), large = Self.steps(document(400), kind: shape.kind)
        #expect(small.findings >= 200, "\(small.findings) findings")
        #expect(Double(large.findings) >= 1.8 * Double(small.findings), "\(small.findings) → \(large.findings) findings")
        #expect(Double(large.steps) <= 2.5 * Double(small.steps), "\(small.steps) → \(large.steps) steps")
    }
}
