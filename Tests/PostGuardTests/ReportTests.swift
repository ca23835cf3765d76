// Whole runs over the sample drafts, per output format: golden files catch any unreviewed change to
// what users and scripts see, and the SARIF is validated against the published 2.1.0 schema.
// Regenerate goldens after an intended change: POSTGUARD_UPDATE_GOLDEN=1 swift test --filter Report
import Foundation
import Testing
@testable import PostGuard

@Suite("Reports")
struct ReportTests {
    let goldenFolder = fixturesFolder.appendingPathComponent("golden")

    /// The sample consent registry, imported through the binary as a privacy officer would.
    func demoRegistry() throws -> String {
        let db = try temporaryDirectory().appendingPathComponent("consent.sqlite").path
        let imported = try runPostGuard(["consent", "import", "--db", db, "Fixtures/consent-demo.csv"], directory: repositoryRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        return db
    }

    @Test("Each format over Fixtures/drafts matches its golden file", arguments: ["text", "json", "sarif", "github"])
    func golden(format: String) throws {
        let run = try runPostGuard(["check", "--config", "Fixtures/organisation.yaml", "--consent-db", try demoRegistry(),
                                    "--format", format, "Fixtures/drafts"], directory: repositoryRoot)
        #expect(run.status == 1, "\(run.stderr)")
        let golden = goldenFolder.appendingPathComponent("drafts.\(format)")
        if ProcessInfo.processInfo.environment["POSTGUARD_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: golden, options: .atomic)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.stdout == expected, "differs from \(golden.path); rerun with POSTGUARD_UPDATE_GOLDEN=1 if the change is intended")
    }

    @Test("Control characters in a draft or a file name never reach the terminal: each is shown as its picture")
    func controlCharacters() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An escape sequence that clears the line and a carriage return that would print "PASS" over
        // the verdict; a bidirectional override; a file name carrying an escape too.
        let draft = folder.appendingPathComponent("evil\u{1B}[31m.txt")
        try Data("Call me at 617-555-0142 \u{1B}[2K\rPASS \u{202E}txet\n".utf8).write(to: draft)
        let run = try runPostGuard(["check", draft.path], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E })
        #expect(run.stdout.contains("\u{241B}[2K\u{240D}PASS"))
        #expect(run.stdout.contains("evil\u{241B}[31m.txt"))
        // Carets stay under the number: one shown character per control character.
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let shown = try #require(lines.firstIndex { $0.contains("617-") })
        let caret = try #require(lines[shown + 1].firstIndex(of: "^"))
        #expect(lines[shown + 1].distance(from: lines[shown + 1].startIndex, to: caret) == lines[shown].distance(from: lines[shown].startIndex, to: try #require(lines[shown].firstIndex(of: "6"))))
    }

    @Test("SARIF validates against the published SARIF 2.1.0 schema")
    func sarifSchema() throws {
        let run = try runPostGuard(["check", "--format", "sarif", "Fixtures/drafts"], directory: repositoryRoot)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.sarif")
        try Data(run.stdout.utf8).write(to: report)
        let schema = fixturesFolder.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
            jsonschema.validate(report, schema)
            assert report["runs"][0]["results"], "no results"
            print("valid", len(report["runs"][0]["results"]))
            """, schema.path, report.path]
        let output = Pipe()
        validator.standardOutput = output
        validator.standardError = output
        try validator.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validator.waitUntilExit()
        #expect(validator.terminationStatus == 0, "\(text)")
        #expect(text.hasPrefix("valid"))
    }

    @Test("JSON report: contract keys and types on every document and finding")
    func jsonShape() throws {
        let run = try runPostGuard(["check", "--format", "json", "Fixtures/drafts"], directory: repositoryRoot)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The contract's keys, plus `counts` (by category and channel), additive and documented in the README.
        #expect(Set(report.keys) == ["tool", "version", "documents", "summary", "counts"])
        let documents = try #require(report["documents"] as? [[String: Any]])
        var verdicts: [String: Int] = [:]
        for document in documents {
            // The contract's keys always; where a document is one record of a file, also where it is,
            // who wrote it and when.
            #expect(Set(document.keys).isSuperset(of: ["source", "id", "kind", "channel", "verdict", "findings"]))
            #expect(Set(document.keys).isSubset(of: ["source", "id", "kind", "channel", "verdict", "findings", "locator", "author", "created_at", "publish_at"]))
            let verdict = try #require(document["verdict"] as? String)
            verdicts[verdict, default: 0] += 1
            for finding in try #require(document["findings"] as? [[String: Any]]) {
                #expect(Set(finding.keys) == ["rule", "category", "severity", "start", "end", "line", "column", "excerpt", "message"])
                #expect(["info", "review", "block"].contains(finding["severity"] as? String))
                #expect(Category(rawValue: finding["category"] as? String ?? "") != nil)
            }
        }
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(summary["documents"] == documents.count)
        #expect(summary["pass"] == verdicts["pass", default: 0])
        #expect(summary["review"] == verdicts["review", default: 0])
        #expect(summary["block"] == verdicts["block", default: 0])
    }
}
