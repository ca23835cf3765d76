// The privacy officer's desk (issue 13): CSV for spreadsheets, the counts every report ends with,
// baselines and the ignore file, and settings found beside the checked paths. Each runs the real
// binary as a CI job or a privacy officer would, and checks one report against another (CSV against
// JSON, SARIF against CSV) rather than against numbers written here.
import Foundation
import Testing
@testable import PostGuard

/// Parses CSV with Python's csv module: a reader PostGuard did not write, so RFC 4180 is checked
/// independently. Returns the rows as lists of fields.
func parseCSVWithPython(_ text: String) throws -> [[String]] {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("report.csv")
    try Data(text.utf8).write(to: file)
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """, file.path]
    let out = Pipe()
    python.standardOutput = out
    try python.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    return try JSONDecoder().decode([[String]].self, from: data)
}

struct JSONReport: Decodable {
    struct Doc: Decodable {
        var source: String; var id: String?; var channel: String?; var verdict: String
        var findings: [Item]
    }
    struct Item: Decodable { var rule: String; var category: String; var severity: String; var excerpt: String; var line: Int? }
    struct Counts: Decodable { var documents: Int; var pass: Int; var review: Int; var block: Int }
    struct Breakdown: Decodable { var categories: [String: Int]; var channels: [String: Counts]; var accepted: Int }
    var documents: [Doc]
    var summary: Counts
    var counts: Breakdown
}

@Suite("Privacy officer's desk")
struct DeskTests {
    let fixtureArguments = ["--config", "Fixtures/organisation.yaml", "Fixtures/drafts"]

    func json(_ arguments: [String], directory: URL = repositoryRoot) throws -> JSONReport {
        let run = try runPostGuard(["check", "--format", "json"] + arguments, directory: directory)
        return try JSONDecoder().decode(JSONReport.self, from: Data(run.stdout.utf8))
    }

    // MARK: CSV

    @Test("CSV: one RFC 4180 row per finding, the same findings and masked excerpts as JSON")
    func csvMatchesJSON() throws {
        let run = try runPostGuard(["check", "--format", "csv"] + fixtureArguments, directory: repositoryRoot)
        #expect(run.status == 1, "\(run.stderr)")
        // RFC 4180: every record ends with CRLF.
        #expect(run.stdout.hasSuffix("\r\n"))
        #expect(!run.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let rows = try parseCSVWithPython(run.stdout)
        #expect(rows.first == ["document", "author", "date", "channel", "kind", "verdict", "rule", "category", "severity",
                               "line", "column", "excerpt", "message", "fingerprint"])
        let report = try json(fixtureArguments)
        let expected = report.documents.flatMap { document in document.findings.map { (document, $0) } }
        #expect(rows.count - 1 == expected.count)
        #expect(expected.count > 10)
        for (row, (document, finding)) in zip(rows.dropFirst(), expected) {
            #expect(row.count == 14)
            #expect(row[5] == document.verdict)
            #expect(row[6] == finding.rule)
            #expect(row[8] == finding.severity)
            #expect(row[3] == (document.channel ?? ""))
            #expect(row[9] == finding.line.map(String.init) ?? "")
            // The excerpt is the JSON's (masked), except where a formula-like start was neutralised.
            #expect(row[11] == finding.excerpt || row[11] == "'" + finding.excerpt)
        }
        // Nothing of the drafts' real phone numbers and SSNs reaches the spreadsheet.
        #expect(!run.stdout.contains("555-0142"))
    }

    @Test("CSV cells that start like a formula are neutralised; quotes, commas and line breaks are quoted")
    func csvCells() throws {
        #expect(SpreadsheetCell.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        for start in ["+", "-", "@", "\t", "\r"] {
            #expect(SpreadsheetCell.field(start + "1").hasPrefix("'") || SpreadsheetCell.field(start + "1").hasPrefix("\"'"))
        }
        #expect(SpreadsheetCell.field("plain text") == "plain text")
        #expect(SpreadsheetCell.field("a,b") == "\"a,b\"")
        #expect(SpreadsheetCell.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(SpreadsheetCell.field("5 + 3") == "5 + 3")

        // End to end: a file whose name starts with "=" names every row's document.
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Call Maria Lopez at 617-555-0142".utf8).write(to: folder.appendingPathComponent("=cmd.txt"))
        let run = try runPostGuard(["check", "--format", "csv", "=cmd.txt"], directory: folder)
        let rows = try parseCSVWithPython(run.stdout).dropFirst()
        #expect(!rows.isEmpty)
        for row in rows { #expect(row[0] == "'=cmd.txt") }
    }

    // MARK: Counts

    @Test("Every report ends with counts by verdict, category and channel that add up to its findings")
    func counts() throws {
        let report = try json(fixtureArguments)
        var categories: [String: Int] = [:]
        var channels: [String: [String: Int]] = [:]
        for document in report.documents {
            for finding in document.findings where finding.severity != "info" { categories[finding.category, default: 0] += 1 }
            channels[document.channel ?? "none", default: [:]][document.verdict, default: 0] += 1
        }
        #expect(report.counts.categories == categories)
        #expect(Set(report.counts.channels.keys) == Set(channels.keys))
        for (channel, counts) in report.counts.channels {
            #expect(counts.pass == channels[channel]?["pass"] ?? 0)
            #expect(counts.review == channels[channel]?["review"] ?? 0)
            #expect(counts.block == channels[channel]?["block"] ?? 0)
            #expect(counts.documents == counts.pass + counts.review + counts.block)
        }
        #expect(report.counts.channels.values.map(\.documents).reduce(0, +) == report.summary.documents)

        // The terminal and GitHub logs end with the same counts, biggest first.
        let ranked = Summary.ranked(categories).map { "\($0.key) \($0.count)" }.joined(separator: ", ")
        let text = try runPostGuard(["check"] + fixtureArguments, directory: repositoryRoot)
        #expect(text.stdout.contains("\nby category: \(ranked)\n"))
        let github = try runPostGuard(["check", "--format", "github"] + fixtureArguments, directory: repositoryRoot)
        #expect(github.stdout.contains("\nPostGuard: by category: \(ranked)\n"))
        #expect(github.stdout.contains("\nPostGuard: by channel: "))

        // SARIF carries them as the run's properties.
        let sarif = try runPostGuard(["check", "--format", "sarif"] + fixtureArguments, directory: repositoryRoot)
        let object = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        let run = (object["runs"] as! [[String: Any]])[0]
        let properties = run["properties"] as! [String: Any]
        #expect((properties["counts"] as? [String: Any])?["categories"] as? [String: Int] == categories)
        #expect(properties["documents"] as? Int == report.summary.documents)
    }

    // MARK: SARIF

    @Test("SARIF: fingerprints as partialFingerprints; info findings only with --include-info")
    func sarifFingerprintsAndInfo() throws {
        func results(_ extra: [String]) throws -> [[String: Any]] {
            let run = try runPostGuard(["check", "--format", "sarif"] + extra + fixtureArguments, directory: repositoryRoot)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            return (object["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
        }
        let plain = try results([]), withInfo = try results(["--include-info"])
        #expect(!plain.contains { $0["level"] as? String == "note" })
        #expect(withInfo.contains { $0["level"] as? String == "note" })
        #expect(withInfo.filter { $0["level"] as? String != "note" }.count == plain.count)

        let csv = try runPostGuard(["check", "--format", "csv"] + fixtureArguments, directory: repositoryRoot)
        let csvPrints = Set(try parseCSVWithPython(csv.stdout).dropFirst().map { $0[13] })
        let sarifPrints = Set(withInfo.map { ($0["partialFingerprints"] as! [String: String])["postguard/v1"]! })
        #expect(sarifPrints == csvPrints)

        let github = try runPostGuard(["check", "--format", "github", "--include-info"] + fixtureArguments, directory: repositoryRoot)
        #expect(github.stdout.contains("::notice "))
        let githubPlain = try runPostGuard(["check", "--format", "github"] + fixtureArguments, directory: repositoryRoot)
        #expect(!githubPlain.stdout.contains("::notice "))
    }

    // MARK: Baseline and ignore file

    /// A copy of the sample drafts in a folder of its own, with the fixtures' settings beside them.
    func draftsCopy() throws -> URL {
        let folder = try temporaryDirectory()
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("drafts"), to: folder.appendingPathComponent("drafts"))
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("organisation.yaml"), to: folder.appendingPathComponent("postguard.yaml"))
        return folder
    }

    @Test("A baseline of the drafts makes the next check exit 0; a new finding exits 1 and is the only one reported")
    func baseline() throws {
        let folder = try draftsCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try runPostGuard(["check", "drafts"], directory: folder)
        #expect(before.status == 1)

        let written = try runPostGuard(["baseline", "write", "baseline.json", "drafts"], directory: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let baseline = try String(contentsOf: folder.appendingPathComponent("baseline.json"), encoding: .utf8)
        // Fingerprints only: the matched text is not in the file.
        #expect(baseline.contains("phi.phone:drafts/"))
        for secret in ["617-555", "Lucia", "Ferreira"] { #expect(!baseline.contains(secret)) }

        let clean = try runPostGuard(["check", "--format", "json", "--baseline", "baseline.json", "drafts"], directory: folder)
        #expect(clean.status == 0, "\(clean.stdout)")
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(clean.stdout.utf8))
        #expect(report.summary.block == 0 && report.summary.review == 0)
        #expect(report.counts.accepted == (baseline.components(separatedBy: "\"fingerprint\"").count - 1))

        // Editing a draft elsewhere keeps its accepted findings accepted (no line numbers in fingerprints).
        let story = folder.appendingPathComponent("drafts/nurse-shoutout.txt")
        let text = try String(contentsOf: story, encoding: .utf8)
        try Data(("A new opening line.\n\n" + text).utf8).write(to: story)
        #expect(try runPostGuard(["check", "--baseline", "baseline.json", "drafts"], directory: folder).status == 0)

        // A new phone number is new.
        try Data(("A new opening line.\n\n" + text + "\nCall Rosa Delgado at 617-555-0199.\n").utf8).write(to: story)
        let new = try runPostGuard(["check", "--format", "json", "--baseline", "baseline.json", "drafts"], directory: folder)
        #expect(new.status == 1)
        let newReport = try JSONDecoder().decode(JSONReport.self, from: Data(new.stdout.utf8))
        let blocking = newReport.documents.flatMap { $0.findings.filter { $0.severity == "block" }.map(\.rule) }
        #expect(blocking.contains("phi.phone"))
        #expect(newReport.documents.filter { $0.verdict != "pass" }.map(\.source) == ["drafts/nurse-shoutout.txt"])
    }

    @Test("A second copy of an accepted finding in the same document is new")
    func baselineCounts() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("a.txt")
        try Data("Call me at 617-555-0142.".utf8).write(to: draft)
        #expect(try runPostGuard(["baseline", "write", "b.json", "a.txt"], directory: folder).status == 0)
        #expect(try runPostGuard(["check", "--baseline", "b.json", "a.txt"], directory: folder).status == 0)
        try Data("Call me at 617-555-0142. Or 617-555-0142.".utf8).write(to: draft)
        #expect(try runPostGuard(["check", "--baseline", "b.json", "a.txt"], directory: folder).status == 1)
    }

    @Test("A baseline that cannot be read, or a run that could not read everything, is exit 2")
    func baselineErrors() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Call me at 617-555-0142.".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let missing = try runPostGuard(["check", "--baseline", "nope.json", "a.txt"], directory: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent("bad.json"))
        #expect(try runPostGuard(["check", "--baseline", "bad.json", "a.txt"], directory: folder).status == 2)
        let partial = try runPostGuard(["baseline", "write", "b.json", "a.txt", "missing.txt"], directory: folder)
        #expect(partial.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let nothing = try runPostGuard(["baseline", "write", "b.json", "empty"], directory: folder)
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no document"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
    }

    @Test(".postguardignore accepts a fingerprint with its reason; a line without a reason is an error")
    func ignoreFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Data("Call me at 617-555-0142. Or email rosa.delgado@gmail.com".utf8).write(to: folder.appendingPathComponent("drafts/a.txt"))
        let csv = try runPostGuard(["check", "--format", "csv", "drafts"], directory: folder)
        let rows = try parseCSVWithPython(csv.stdout).dropFirst().filter { $0[8] == "block" }
        let phone = try #require(rows.first { $0[6] == "phi.phone" })[13]
        let email = try #require(rows.first { $0[6] == "phi.email" })[13]

        let ignore = folder.appendingPathComponent(".postguardignore")
        try Data("# accepted findings\n\(phone) the clinic's after-hours line, printed on every flyer\n".utf8).write(to: ignore)
        // Found from a folder below, as far up as the repository root.
        let run = try runPostGuard(["check", "--format", "csv", "a.txt"], directory: folder.appendingPathComponent("drafts"))
        let left = try parseCSVWithPython(run.stdout).dropFirst().filter { $0[8] == "block" }.map { $0[6] }
        #expect(left.contains("phi.email"))
        #expect(!left.contains("phi.phone"))

        try Data("\(phone) after-hours line\n\(email)\n".utf8).write(to: ignore)
        let bad = try runPostGuard(["check", "drafts"], directory: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".postguardignore:2:"))
    }

    // MARK: Settings

    @Test("Settings are found walking up from each checked path to the repository root; --config wins")
    func settingsDiscovery() throws {
        let outside = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: outside) }
        let repository = outside.appendingPathComponent("repo")
        let nested = repository.appendingPathComponent("marketing/drafts")
        let team = repository.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: team, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let draft = "Text me at 617-555-0142.\n"
        try Data(draft.utf8).write(to: nested.appendingPathComponent("a.txt"))
        try Data(draft.utf8).write(to: team.appendingPathComponent("b.txt"))
        // Above the repository root: never read.
        try Data("phones: [\"617-555-0142\"]\n".utf8).write(to: outside.appendingPathComponent("postguard.yaml"))
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }

        #expect(try runPostGuard(["check", nested.path], directory: elsewhere).status == 1)
        // The repository's settings say the number is the organisation's own.
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".postguard"), withIntermediateDirectories: true)
        try Data("phones: [\"617-555-0142\"]\n".utf8).write(to: repository.appendingPathComponent(".postguard/config.yaml"))
        #expect(try runPostGuard(["check", nested.path], directory: elsewhere).status == 0)
        #expect(try runPostGuard(["check", "a.txt"], directory: nested).status == 0)
        // A nearer settings file wins for the paths under it only.
        try Data("name: Team\n".utf8).write(to: team.appendingPathComponent("postguard.yaml"))
        let both = try runPostGuard(["check", "--format", "json", nested.path, team.path], directory: elsewhere)
        #expect(both.status == 1)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(both.stdout.utf8))
        #expect(report.documents.map(\.verdict) == ["pass", "block"])
        // --config wins over every file found.
        let empty = elsewhere.appendingPathComponent("empty.yaml")
        try Data("name: Nobody\n".utf8).write(to: empty)
        #expect(try runPostGuard(["check", "--config", empty.path, nested.path], directory: elsewhere).status == 1)
        // A broken settings file found beside a path is an error naming it.
        try Data("staf: [x]\n".utf8).write(to: team.appendingPathComponent("postguard.yaml"))
        let broken = try runPostGuard(["check", team.path], directory: elsewhere)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("team/postguard.yaml"))
    }
}

import Yams

@Suite("CI and pre-commit examples")
struct CIExampleTests {
    @Test("The README's GitHub Actions example is valid YAML, checks with SARIF and uploads that file")
    func githubActionsExample() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let after = try #require(readme.components(separatedBy: "<!-- github-actions-example -->\n```yaml\n").dropFirst().first)
        let yaml = try #require(after.components(separatedBy: "\n```").first)
        let workflow = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect((workflow["permissions"] as? [String: String])?["security-events"] == "write")
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        let steps = try #require(jobs.values.first?["steps"] as? [[String: Any]])
        let check = try #require(steps.compactMap { $0["run"] as? String }.first { $0.contains("postguard check") })
        let upload = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        let sarifFile = try #require((upload["with"] as? [String: Any])?["sarif_file"] as? String)
        #expect(check.hasSuffix("> \(sarifFile)"))
        #expect(upload["if"] as? String == "always()")

        // The command line runs: its options exist, and over a copy of the drafts with a baseline of
        // them it writes valid SARIF and exits 0.
        var words = check.components(separatedBy: " > ")[0].split(separator: " ").map(String.init)
        #expect(words.removeFirst().hasSuffix("/postguard"))
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("drafts"), to: folder.appendingPathComponent("drafts"))
        #expect(try runPostGuard(["baseline", "write", "postguard-baseline.json", "drafts"], directory: folder).status == 0)
        let run = try runPostGuard(words, directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
    }

    @Test(".pre-commit-hooks.yaml names the postguard executable and matches the drafts check reads")
    func preCommitHooks() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["postguard", "postguard-review"])
        let package = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        for hook in hooks {
            for key in ["id", "name", "entry", "language", "files"] { #expect(hook[key] is String, "\(key)") }
            #expect(hook["language"] as? String == "swift")
            let entry = try #require(hook["entry"] as? String).split(separator: " ").map(String.init)
            #expect(package.contains(".executable(name: \"\(entry[0])\""))
            let files = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
            func matches(_ name: String) -> Bool {
                files.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: fixturesFolder.appendingPathComponent("drafts").path) {
                #expect(matches("drafts/" + name), "\(name)")
            }
            for name in ["logo.png", "consent.csv", "notes.docx"] { #expect(!matches(name)) }
            // pre-commit appends the staged files to the entry.
            let blocking = try runPostGuard(Array(entry.dropFirst()) + ["Fixtures/drafts/nurse-shoutout.txt"], directory: repositoryRoot)
            #expect(blocking.status == 1)
            let clean = try runPostGuard(Array(entry.dropFirst()) + ["--config", "Fixtures/organisation.yaml", "Fixtures/drafts/flu-clinic.md"], directory: repositoryRoot)
            #expect(clean.status == 0, "\(clean.stdout)")
        }
    }
}

/// Debian's `chromium`, when installed (`apt-get install chromium`); the browser tests skip without it.
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("HTML report")
struct HTMLReportTests {
    let arguments = ["check", "--format", "html", "--config", "Fixtures/organisation.yaml", "Fixtures/drafts"]

    /// Runs headless Chromium on `page` with `extra` arguments; standard output (the DOM for `--dump-dom`).
    func chromium(_ extra: [String], page: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromiumPath!)
        // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.appendingPathComponent("postguard-chromium-\(UUID().uuidString)").path)"]
            + extra + [page.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("One self-contained page: no address outside it, masked unless --show-phi")
    func selfContained() throws {
        let run = try runPostGuard(arguments, directory: repositoryRoot)
        #expect(run.status == 1, "\(run.stderr)")
        let html = run.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["<link", "src=", "http://", "https://", "@import", "url("] { #expect(!html.contains(external), "\(external)") }
        for secret in ["617-555-0142", "219-09-9999", "mia.volunteer@example.com"] { #expect(!html.contains(secret)) }
        let shown = try runPostGuard(arguments + ["--show-phi"], directory: repositoryRoot).stdout
        #expect(shown.contains("617-555-0142"))
        #expect(shown.contains("--show-phi"))
    }

    @Test("Rows and chart values agree with the JSON report of the same run")
    func agreesWithJSON() throws {
        let html = try runPostGuard(arguments, directory: repositoryRoot).stdout
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(try runPostGuard(
            ["check", "--format", "json", "--config", "Fixtures/organisation.yaml", "Fixtures/drafts"], directory: repositoryRoot).stdout.utf8))
        let acting = report.documents.map { $0.findings.filter { $0.severity != "info" }.count }
        let expectedRows = acting.reduce(0) { $0 + max(1, $1) }
        #expect(count("<tr data-verdict=", in: html) == expectedRows)
        #expect(count("<tr data-verdict=\"block\"", in: html) == report.documents.filter { $0.verdict == "block" }
            .map { max(1, $0.findings.filter { $0.severity != "info" }.count) }.reduce(0, +))
        for (category, value) in report.counts.categories {
            #expect(html.contains("data-label=\"\(category)\" data-value=\"\(value)\""), "\(category)")
        }
        #expect(html.contains("id=\"documents-count\">\(report.summary.documents)<"))
        #expect(html.contains("id=\"block-count\">\(report.summary.block)<"))
    }

    @Test("Headless Chromium opens the report: counts in the DOM, a filter from the address, a screenshot",
          .enabled(if: chromiumPath != nil, "Chromium is not installed (apt-get install chromium): the browser test is skipped"))
    func inChromium() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let html = try runPostGuard(arguments, directory: repositoryRoot).stdout
        try Data(html.utf8).write(to: page)
        let rows = count("<tr data-verdict=", in: html)

        // The DOM after the page's script ran: every row shown, the count says so.
        let dom = try chromium(["--dump-dom"], page: page)
        #expect(dom.contains("<span id=\"shown-count\">\(rows)</span>"), "\(dom.prefix(300))")
        #expect(count("<tr data-verdict=", in: dom) == rows)
        #expect(!dom.contains("<tr data-verdict=\"block\" data-category=\"\" data-channel=\"\" hidden"))

        // A filter set from the address: only block rows of Facebook stay visible.
        var filtered = URLComponents(url: page, resolvingAgainstBaseURL: false)!
        filtered.fragment = "verdict=block&channel=facebook"
        let filteredDOM = try chromium(["--dump-dom"], page: filtered.url!)
        let expected = count("<tr data-verdict=\"block\"", in: html.components(separatedBy: "\n").filter { $0.contains("data-channel=\"facebook\"") }.joined(separator: "\n"))
        #expect(expected > 0)
        #expect(filteredDOM.contains("<span id=\"shown-count\">\(expected)</span>"))
        #expect(count(" hidden=\"\"", in: filteredDOM) == rows - expected)

        // The screenshot the README shows (written to docs/ when goldens are regenerated).
        let shot = folder.appendingPathComponent("report.png")
        _ = try chromium(["--window-size=1280,1800", "--screenshot=\(shot.path)"], page: page)
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)
        if ProcessInfo.processInfo.environment["POSTGUARD_UPDATE_GOLDEN"] == "1" {
            let docs = repositoryRoot.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try png.write(to: docs.appendingPathComponent("html-report.png"), options: .atomic)
        }
    }
}

@Suite("HTML report streaming")
struct HTMLStreamingTests {
    @Test("Rows go to a temporary file while documents arrive; nothing is written before the end, and the file is removed")
    func spills() throws {
        final class Sink: @unchecked Sendable { var bytes = 0; var text = "" }
        let sink = Sink()
        let output = ReportOutput { chunk in sink.bytes += chunk.count; sink.text += String(decoding: chunk, as: UTF8.self) }
        let reporter = Reporters.make(.html, output: output, options: ReportOptions())
        func spillFiles() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                .filter { $0.hasPrefix("postguard-report-") && $0.hasSuffix(".html.part") })
        }
        let before = try spillFiles()
        reporter.begin()
        var summary = Summary()
        let documents = 3000
        for index in 0..<documents {
            let result = DocumentResult(document: Document(source: "dump.jsonl", id: "p-\(index)", text: "Row \(index)", channel: "facebook"), findings: [])
            summary.add(result)
            reporter.add(result)
        }
        // A page's head needs the totals: nothing can be written yet, and the rows are on disk.
        #expect(sink.bytes == 0)
        let during = try spillFiles().subtracting(before)
        #expect(during.count == 1)
        let spilled = try FileManager.default.attributesOfItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent(during.first!).path)[.size] as? Int ?? 0
        #expect(spilled > documents * 100)
        output.flush()
        reporter.finish(summary)
        #expect(try spillFiles().subtracting(before).isEmpty)
        #expect(sink.text.components(separatedBy: "<tr data-verdict=\"pass\"").count - 1 == documents)
        #expect(sink.text.contains("id=\"documents-count\">\(documents)<"))
        #expect(sink.text.hasSuffix("</html>\n"))
    }
}
