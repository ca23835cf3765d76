// The real binary, as scripts and CI jobs call it: the contract's exit statuses, JSON shape,
// errors on standard error, and masking by default.
import Foundation
import Testing
@testable import PostGuard

@Suite("postguard check (binary)")
struct CLITests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("The contract's example: one phone finding at 11..<23, masked, exit 1")
    func contractExample() throws {
        let run = try runPostGuard(["check", "--format", "json"], stdin: "Call me at 617-555-0142")
        #expect(run.status == 1, "\(run.stderr)")
        let report = try json(run.stdout)
        #expect(report["tool"] as? String == "postguard")
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        let document = documents[0]
        #expect(document["source"] as? String == "-")
        #expect(document["id"] is NSNull)
        #expect(document["kind"] as? String == "post")
        #expect(document["verdict"] as? String == "block")
        // The phone, and the suggested safe version (an `info` finding without a position).
        let all = try #require(document["findings"] as? [[String: Any]])
        #expect(all.contains { $0["rule"] as? String == "policy.suggested" && $0["severity"] as? String == "info" && $0["start"] is NSNull })
        let findings = all.filter { $0["rule"] as? String != "policy.suggested" }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["category"] as? String == "phone")
        #expect(finding["start"] as? Int == 11)
        #expect(finding["end"] as? Int == 23)
        #expect(finding["line"] as? Int == 1)
        #expect(finding["column"] as? Int == 12)
        #expect(finding["excerpt"] as? String == "617-•••-••••")
        #expect((finding["message"] as? String)?.isEmpty == false)
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(summary == ["documents": 1, "pass": 0, "review": 0, "block": 1])
    }

    @Test("A clean sentence exits 0")
    func cleanSentence() throws {
        let run = try runPostGuard(["check"], stdin: "Join us Saturday for the 5K fun run in the park!")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("1 document checked: 1 pass, 0 review, 0 block"))
    }

    @Test("A missing path exits 2 naming it; the other paths are still scanned")
    func missingPath() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try Data("Call me at 617-555-0142".utf8).write(to: good)
        let run = try runPostGuard(["check", "--format", "json", "no/such/draft.md", good.path])
        #expect(run.status == 2)
        #expect(run.stderr == "postguard: no/such/draft.md: no such file or folder (check the path; - reads standard input)\n")
        let documents = try #require(try json(run.stdout)["documents"] as? [[String: Any]])
        #expect(documents.map { $0["source"] as? String } == [good.path])
    }

    @Test("A malformed JSONL line: exit 2, file and line named, other records reported")
    func malformedJSONL() throws {
        let run = try runPostGuard(["check", "--format", "json", "-"], stdin: "{\"id\": \"a\", \"text\": \"ok\"}\nnot json\n{\"id\": \"c\", \"text\": \"SSN 219-09-9999\"}\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("-:2: not a JSON object"))
        let documents = try #require(try json(run.stdout)["documents"] as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["a", "c"])
    }

    @Test("--show-phi prints the text as written; masking is the default in every format")
    func masking() throws {
        for format in ["text", "json", "sarif", "github"] {
            let masked = try runPostGuard(["check", "--format", format], stdin: "Call me at 617-555-0142")
            #expect(!masked.stdout.contains("555-0142"), "\(format) leaks: \(masked.stdout)")
        }
        let shown = try runPostGuard(["check", "--format", "json", "--show-phi"], stdin: "Call me at 617-555-0142")
        #expect(shown.stdout.contains("617-555-0142"))
    }

    @Test("--fail-on moves the threshold for exit 1")
    func failOn() throws {
        #expect(try runPostGuard(["check", "--fail-on", "never"], stdin: "Call me at 617-555-0142").status == 0)
        #expect(try runPostGuard(["check", "--fail-on", "review"], stdin: "Call me at 617-555-0142").status == 1)
    }

    @Test("The settings' fail-on applies unless --fail-on says otherwise")
    func failOnFromSettings() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = folder.appendingPathComponent("postguard.yaml")
        try Data("fail-on: review\n".utf8).write(to: settings)
        let review = "Senator Ruth Adebayo is recovering from her bypass surgery."   // a public figure's own health: review
        #expect(try runPostGuard(["check"], stdin: review).status == 0)
        #expect(try runPostGuard(["check", "--config", settings.path], stdin: review).status == 1)
        #expect(try runPostGuard(["check", "--config", settings.path, "--fail-on", "block"], stdin: review).status == 0)
    }

    @Test("explain covers the policy rules written in code")
    func explainPolicyRule() throws {
        let run = try runPostGuard(["explain", "policy.reply.discusses-care"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Elite Dental"))
    }

    @Test("--kind and --channel apply to documents that do not say")
    func kindAndChannel() throws {
        let run = try runPostGuard(["check", "--format", "json", "--kind", "message", "--channel", "WhatsApp"], stdin: "See you at 3 pm")
        let document = try #require((try json(run.stdout)["documents"] as? [[String: Any]])?.first)
        #expect(document["kind"] as? String == "message")
        #expect(document["channel"] as? String == "whatsapp")
    }

    @Test("Usage errors exit 2")
    func usageErrors() throws {
        #expect(try runPostGuard(["check", "--format", "pdf"], stdin: "").status == 2)
        #expect(try runPostGuard(["check", "--input-format", "facebook"], stdin: "").status == 2)
    }

    @Test("Text output: the verdict and its reason first, the draft masked with carets under each span, each problem once")
    func textOutput() throws {
        let run = try runPostGuard(["check"], stdin: "Hello!\nCall me at 617-555-0142 today")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "-: BLOCK — gives a personal phone number")
        #expect(lines[1] == "    1 | Hello!")
        #expect(lines[2] == "    2 | Call me at 617-•••-•••• today")
        #expect(lines[3] == "      |            ^^^^^^^^^^^^")
        #expect(lines[4] == "  Gives a personal phone number (line 2) — blocks")
        #expect(lines[5].hasPrefix("    why: Telephone numbers"))
        #expect(lines[6].hasPrefix("    fix: "))
        // Rule ids and categories are for --verbose and the machine formats.
        #expect(!run.stdout.contains("phi.phone") && !run.stdout.contains("[phone]"))
        let verbose = try runPostGuard(["check", "--verbose"], stdin: "Hello!\nCall me at 617-555-0142 today")
        #expect(verbose.stdout.contains("  Gives a personal phone number (line 2) — blocks · phi.phone [phone]\n"))
    }

    @Test("The same kind of problem is explained once, with every place it occurs")
    func groupedProblems() throws {
        let draft = "Call Kevin at 617-555-0142 or Lena at 617-555-0199 about the bake sale.\nKevin again: 617-555-0142."
        let run = try runPostGuard(["check"], stdin: draft)
        #expect(run.stdout.hasPrefix("-: BLOCK — gives a personal phone number\n"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "why: Names are").count == 2, "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "why: Telephone numbers").count == 2, "\(run.stdout)")
        #expect(run.stdout.contains("  Gives a personal phone number (3 times: lines 1 and 2) — blocks\n"), "\(run.stdout)")
        #expect(run.stdout.contains("  Names a person (3 times: lines 1 and 2) — needs review\n"), "\(run.stdout)")
    }

    @Test("Colour only on a terminal: a pipe gets none, and NO_COLOR is respected")
    func colour() throws {
        let piped = try runPostGuard(["check"], stdin: "Call me at 617-555-0142")
        #expect(!piped.stdout.contains("\u{1B}["))
        // `script` gives the binary a terminal as standard output.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = "printf 'Call me at 617-555-0142' | '\(postguardBinary.path)' check"
        let onTerminal = try runPostGuardViaScript(command, environment: [:])
        #expect(onTerminal.contains("\u{1B}[1;31mBLOCK\u{1B}[0m"), "\(onTerminal)")
        #expect(onTerminal.contains("\u{1B}[1;4;31m617-•••-••••\u{1B}[0m"), "\(onTerminal)")
        #expect(!onTerminal.contains("^^^^"))
        let noColour = try runPostGuardViaScript(command, environment: ["NO_COLOR": "1"])
        #expect(!noColour.contains("\u{1B}["), "\(noColour)")
        #expect(noColour.contains("^^^^^^^^^^^^"))
    }

    @Test("rules lists packs; explain shows a rule's examples; an unknown rule exits 2")
    func rulesAndExplain() throws {
        let rules = try runPostGuard(["rules"])
        #expect(rules.status == 0, "\(rules.stderr)")
        #expect(rules.stdout.contains("phi.phone"))
        let explain = try runPostGuard(["explain", "phi.phone"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Flags:"))
        #expect(explain.stdout.contains("Does not flag:"))
        let unknown = try runPostGuard(["explain", "phi.nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no rule 'phi.nope'"))
    }

    @Test("A broken rule pack: reported with file and rule, exit 2, other rules still run")
    func brokenPack() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# test rules\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("""
            pack: broken
            rules:
              - {id: t.ok, category: phone, severity: block, message: phone, patterns: ['\\d{3}-\\d{4}'], examples: {match: ['555-0142']}}
              - {id: t.bad, category: phone, severity: block, message: bad, patterns: ['(abc'], examples: {match: [abc]}}
              - {id: t.evil, category: other-id, severity: review, message: evil, patterns: ['(a+)+$'], examples: {match: [a]}}
              - {id: t.bare, category: phone, severity: block, message: bare, patterns: ['x']}
            """.utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        let text = String(repeating: "a", count: 50_000) + "b 555-0142"
        let run = try runPostGuard(["check", "--rules", folder.path, "--format", "json"], stdin: text)
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.yaml: rule t.bad: pattern 1: missing closing parenthesis at offset 4"))
        #expect(run.stderr.contains("rule t.evil stopped"))
        #expect(run.stderr.contains("broken.yaml: rule t.bare: has no examples"))
        let findings = (try json(run.stdout)["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]
        #expect(findings?.map { $0["rule"] as? String } == ["t.ok"])
    }
}

/// Runs a shell command under `script`, which gives it a pseudo-terminal: what a person at a
/// terminal sees, colour included.
func runPostGuardViaScript(_ command: String, environment: [String: String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    env["POSTGUARD_RULES"] = rulesFolder.path
    env["TERM"] = "xterm"
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
