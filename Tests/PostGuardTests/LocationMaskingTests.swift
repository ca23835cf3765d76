// Issue 15, item 16: identifiers are masked wherever input text reaches a report, not only in
// excerpts: a file's name, a record's id, a channel and a consent id quoted in a message, in every
// format and in error lines, unless --show-phi. Each test names the identifier as written and
// checks it appears nowhere, and that its masked form (as an excerpt of its category would show it)
// is there instead, so a test cannot pass on output that lost the location altogether.
import Foundation
import Testing
@testable import PostGuard

@Suite("Identifiers in locations and messages are masked")
struct LocationMaskingTests {
    static let ssn = "123-45-6789"
    static let maskedSSN = "•••-••-••••"
    /// The file name, as the masking shows it: the name's initials, the SSN's separators, the extension.
    static let fileName = "Maria Lopez \(ssn).txt"
    static let maskedFileName = "M•••• L•••• \(maskedSSN).txt"

    func folderWithNamedDraft() throws -> URL {
        let folder = try temporaryDirectory()
        try Data("Call me at 617-555-0142 today.\n".utf8).write(to: folder.appendingPathComponent(Self.fileName))
        return folder
    }

    @Test("A file named with a name and an SSN is masked in every format, and shown as written with --show-phi",
          arguments: ["text", "json", "sarif", "csv", "github", "html"])
    func fileName(_ format: String) throws {
        let folder = try folderWithNamedDraft()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runPostGuard(["check", "--format", format, Self.fileName], directory: folder)
        #expect(run.status == 1)
        let output = run.stdout + run.stderr
        #expect(!output.contains(Self.ssn))
        #expect(!output.contains("Maria Lopez") && !output.contains("Maria%20Lopez"))
        // SARIF's artifact URI is percent-encoded; the other formats show the masked name itself.
        let expected = format == "sarif"
            ? Self.maskedFileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
            : format == "html" ? "M•••• L•••• \(Self.maskedSSN).txt" : Self.maskedFileName
        #expect(run.stdout.contains(expected), "\(format): \(run.stdout.prefix(600))")
        let shown = try runPostGuard(["check", "--show-phi", "--format", format, Self.fileName], directory: folder)
        let asWritten = format == "sarif" ? Self.fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! : Self.fileName
        #expect(shown.stdout.contains(asWritten))
    }

    @Test("A JSONL record's id (#123-45-6789) is masked in every format, SARIF's documentId and fingerprints included",
          arguments: ["text", "json", "sarif", "csv", "github", "html"])
    func recordID(_ format: String) throws {
        let line = #"{"id": "\#(Self.ssn)", "text": "Call me at 617-555-0142 today."}"#
        let run = try runPostGuard(["check", "--input-format", "jsonl", "--format", format, "-"], stdin: line + "\n")
        #expect(run.status == 1)
        #expect(!(run.stdout + run.stderr).contains(Self.ssn))
        let expected: String = switch format {
        case "json": #""id":"\#(Self.maskedSSN)""#
        case "sarif": #""documentId":"\#(Self.maskedSSN)""#
        case "github": "(record \(Self.maskedSSN))"
        default: "-#\(Self.maskedSSN)"
        }
        #expect(run.stdout.contains(expected), "\(format): \(run.stdout.prefix(600))")
    }

    @Test("Error lines name a file with an identifier masked: unreadable text and a malformed JSONL line")
    func errorLines() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x43, 0x61, 0xFF, 0xFE, 0x6C, 0x6C]).write(to: folder.appendingPathComponent(Self.fileName))
        let records = "John Smith \(Self.ssn).jsonl"
        try Data("{\"text\": \"fine\"}\n{\"text\": \n".utf8).write(to: folder.appendingPathComponent(records))
        let run = try runPostGuard(["check", Self.fileName, records], directory: folder)
        #expect(run.status == 2)
        #expect(!run.stderr.contains(Self.ssn) && !run.stderr.contains("Maria") && !run.stderr.contains("John Smith"))
        #expect(run.stderr.contains("postguard: \(Self.maskedFileName):1: not valid UTF-8 text"))
        #expect(run.stderr.contains("postguard: J••• S•••• \(Self.maskedSSN).jsonl:2: "))
        let shown = try runPostGuard(["check", "--show-phi", Self.fileName, records], directory: folder)
        #expect(shown.stderr.contains("postguard: \(Self.fileName):1: not valid UTF-8 text"))
    }

    @Test("Consent ids and channel values quoted in the consent gate's messages, and the counts by channel, are masked")
    func consentAndChannel() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        try ConsentRegistry(path: db).add(sampleRecord(), user: "officer")
        let story = "Patient spotlight: María López walked out of rehab 6 weeks after her knee replacement! #PatientStories"
        let channel = "Maria Lopez 617-555-0199"
        let lines = [
            #"{"id": "a", "text": "\#(story)", "consent": "C \#(Self.ssn)", "channel": "facebook", "publish_at": "2026-12-01"}"#,
            #"{"id": "b", "text": "\#(story)", "consent": "C-2026-0001", "channel": "\#(channel)", "publish_at": "2026-12-01"}"#,
        ]
        for format in ["json", "text", "csv", "sarif", "html", "github"] {
            let run = try runPostGuard(["check", "--input-format", "jsonl", "--format", format, "--consent-db", db, "-"],
                                       stdin: lines.joined(separator: "\n") + "\n")
            #expect(run.status == 1)
            let output = run.stdout + run.stderr
            #expect(!output.contains(Self.ssn), "\(format)")
            #expect(!output.contains("617-555-0199") && !output.lowercased().contains("maria lopez"), "\(format)")
            if format == "json" {
                // A channel is read lower-cased; the name in it is still found and masked.
                #expect(output.contains("Consent C \(Self.maskedSSN) is not in the consent registry"))
                #expect(output.contains("not m•••• l•••• 617-•••-••••."))
                #expect(output.contains(#""channel":"m•••• l•••• 617-•••-••••""#))
                #expect(output.contains(#""m•••• l•••• 617-•••-••••":{"block":1"#))
            }
        }
        let shown = try runPostGuard(["check", "--show-phi", "--input-format", "jsonl", "--format", "json", "--consent-db", db, "-"],
                                     stdin: lines.joined(separator: "\n") + "\n")
        #expect(shown.stdout.contains("Consent C \(Self.ssn) is not in the consent registry"))
    }

    @Test("A baseline names a file by its masked name, and accepts its findings with and without --show-phi")
    func baseline() throws {
        let folder = try folderWithNamedDraft()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try runPostGuard(["baseline", "write", "baseline.json", Self.fileName], directory: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let file = try String(contentsOf: folder.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(!file.contains(Self.ssn) && !file.contains("Maria"))
        #expect(file.contains("M••••%20L••••%20\(Self.maskedSSN).txt"))
        for extra in [[], ["--show-phi"]] {
            let run = try runPostGuard(["check", "--baseline", "baseline.json"] + extra + [Self.fileName], directory: folder)
            #expect(run.status == 0, "\(extra): \(run.stdout)")
            #expect(run.stdout.contains(".txt: PASS"), "\(extra): \(run.stdout)")
        }
    }

    @Test("A location without an identifier is shown as written: folders, extension, record ids")
    func ordinaryLocations() throws {
        let run = try runPostGuard(["check", "--format", "csv", "Fixtures/drafts/calendar.jsonl"], directory: repositoryRoot)
        #expect(run.stdout.contains("\nFixtures/drafts/calendar.jsonl#cal-003,"))
        #expect(!run.stdout.contains("•••.jsonl"))
    }

    @Test("Masking a location masks only the identifiers' spans, each as an excerpt of its category")
    func maskedSpans() throws {
        let mask = IdentifierMask(detector: Detector(library: shippedLibrary))
        #expect(mask("drafts/2026/Maria Lopez 123-45-6789 call 617-555-0142.md") == "drafts/2026/M•••• L•••• •••-••-•••• call 617-•••-••••.md")
        #expect(mask("drafts/flu-clinic.md") == "drafts/flu-clinic.md")
        #expect(mask("a\u{1B}[2Jb.txt") == "a␛[2Jb.txt")
    }
}
