// The staff page's API through Hummingbird's test client: the same report as `check` gives, the
// consent lookup, and every way a request can be wrong answered with a reason, never a crash.
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostGuard
import Testing
@testable import PostGuardServe

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rulesFolder = repositoryRoot.appendingPathComponent("Rules").path

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("postguard-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A registry holding one record for María López, on Facebook and Instagram, valid through 2027.
func consentRegistry() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("consent.sqlite").path
    let registry = try ConsentRegistry(path: path)
    try registry.add(ConsentRecord(id: "C-2026-0001", subject: "María López", information: "Name, photo and knee replacement recovery",
                                   recipient: "The public, on the organisation's social media", purpose: "Patient story",
                                   signed: "2026-01-15", expires: "2027-12-31", channels: ["facebook", "instagram"]),
                     today: CalendarDate(iso: "2026-02-01")!)
    return path
}

/// The shipped rules without a registry, loaded once for every test that needs no registry.
let sharedChecker: DraftChecker = {
    do { return try loadChecker() } catch { fatalError("cannot load Rules/: \(error)") }
}()

func checker(consentDB: String? = nil) throws -> DraftChecker {
    consentDB == nil ? sharedChecker : try loadChecker(consentDB: consentDB)
}

func loadChecker(consentDB: String? = nil) throws -> DraftChecker {
    let setup = try CheckSetup.load(rules: rulesFolder, consentDB: consentDB, today: CalendarDate(iso: "2026-11-22")!, environment: [:])
    return DraftChecker(setup: setup, today: { CalendarDate(iso: "2026-11-22")! })
}

func app(_ checker: DraftChecker, maxBodyBytes: Int = ServeOptions.defaultMaxBodyBytes) -> some ApplicationProtocol {
    StaffServer.application(checker: checker, options: ServeOptions(port: 0, maxBodyBytes: maxBodyBytes))
}

let json: HTTPFields = [.contentType: "application/json"]

func object(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
}

func body(_ fields: [String: Any]) throws -> ByteBuffer {
    ByteBuffer(data: try JSONSerialization.data(withJSONObject: fields))
}

@Suite("postguard serve: API")
struct APITests {
    @Test("POST /api/check answers the same JSON report as `check` for the same document")
    func sameReportAsCheck() async throws {
        let checker = try checker()
        let text = "Thanks for your review, Dana! We hope your knee surgery recovery is going well. Call me at 617-555-0142."
        let record: [String: Any] = ["text": text, "kind": "reply", "channel": "google", "in_reply_to": "Waited two hours."]
        // What `check` reports for the same record read from a JSONL file, but for the file's name.
        let file = try temporaryFolder().appendingPathComponent("draft.jsonl")
        try JSONSerialization.data(withJSONObject: record).write(to: file)
        var printed: [UInt8] = []
        let output = ReportOutput { printed += $0 }
        let outcome = Check(setup: checker.setup, reader: DocumentReader(),
                            reporter: Reporters.make(.json, output: output, options: ReportOptions())).run(paths: [file.path]) { _ in }
        #expect(outcome.errors.isEmpty)
        var expected = try #require(try JSONSerialization.jsonObject(with: Data(printed)) as? [String: Any])
        var expectedDocuments = try #require(expected["documents"] as? [[String: Any]])
        expectedDocuments[0]["source"] = "-"
        // A record of a file has its line as locator; a pasted draft has no place in any file.
        expectedDocuments[0].removeValue(forKey: "locator")
        expected["documents"] = expectedDocuments

        let request = try body(record)
        let (status, cacheControl, answer) = try await app(checker).test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: request) { response in
                (response.status, response.headers[.cacheControl], response.body)
            }
        }
        #expect(status == .ok)
        #expect(cacheControl == "no-store")
        let report = try object(answer)
        #expect(NSDictionary(dictionary: report).isEqual(to: expected))
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["verdict"] as? String == "block")
        #expect(documents[0]["kind"] as? String == "reply")
        let findings = try #require(documents[0]["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "phi.phone" && $0["excerpt"] as? String == "617-•••-••••" })
        #expect(findings.contains { $0["rule"] as? String == "policy.suggested" })
    }

    @Test("A clean post passes, with no suggested version")
    func cleanPost() async throws {
        try await app(try checker()).test(.router) { client in
            let record = ["text": "Join us Saturday for the 5K fun run! Registration opens at 8 am.", "kind": "post", "channel": "facebook"]
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: try body(record)) { response in
                #expect(response.status == .ok)
                let documents = try #require(try object(response.body)["documents"] as? [[String: Any]])
                #expect(documents[0]["verdict"] as? String == "pass")
                #expect(documents[0]["channel"] as? String == "facebook")
                let summary = try #require(try object(response.body)["summary"] as? [String: Int])
                #expect(summary == ["documents": 1, "pass": 1, "review": 0, "block": 0])
            }
        }
    }

    @Test("A testimonial is judged against the registry: a valid record passes the gate, a missing one blocks")
    func testimonialConsent() async throws {
        let story = "Patient spotlight: María López walked out of rehab 6 weeks after her knee replacement! #PatientStories"
        try await app(try checker(consentDB: try consentRegistry())).test(.router) { client in
            func rules(_ record: [String: Any]) async throws -> [String] {
                try await client.execute(uri: "/api/check", method: .post, headers: json, body: try body(record)) { response in
                    let documents = try #require(try object(response.body)["documents"] as? [[String: Any]])
                    return (documents[0]["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                }
            }
            let covered = try await rules(["text": story, "channel": "facebook", "consent": "C-2026-0001"])
            #expect(!covered.contains { $0.hasPrefix("policy.consent") } && !covered.isEmpty)
            let unknown = try await rules(["text": story, "channel": "facebook", "consent": "C-404"])
            #expect(unknown.contains("policy.consent.unknown"))
            let wrongChannel = try await rules(["text": story, "channel": "linkedin", "consent": "C-2026-0001"])
            #expect(wrongChannel.contains("policy.consent.channel"))
        }
    }

    @Test("GET /api/consent/ID says whether a record is valid on a date for a channel, and why not")
    func consentLookup() async throws {
        try await app(try checker(consentDB: try consentRegistry())).test(.router) { client in
            func status(_ uri: String) async throws -> ConsentAnswer {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    return try JSONDecoder().decode(ConsentAnswer.self, from: Data(buffer: response.body))
                }
            }
            let valid = try await status("/api/consent/C-2026-0001?channel=Facebook&date=2026-06-01")
            #expect(valid.valid && valid.found && valid.reasons.isEmpty && valid.channel == "facebook")
            let expired = try await status("/api/consent/C-2026-0001?channel=facebook&date=2028-01-01")
            #expect(!expired.valid && expired.reasons.count == 1 && expired.reasons[0].contains("expired on 2027-12-31"))
            let channel = try await status("/api/consent/C-2026-0001?channel=linkedin&date=2026-06-01")
            #expect(!channel.valid && channel.reasons[0].contains("not linkedin"))
            let unknown = try await status("/api/consent/C-404")
            #expect(!unknown.found && !unknown.valid && unknown.date == "2026-11-22")
            // Nothing about the record beyond what was asked: not its subject.
            try await client.execute(uri: "/api/consent/C-2026-0001", method: .get) { response in
                #expect(!String(buffer: response.body).contains("López"))
            }
            for date in ["2026-13-45", "0000-01-01", "tomorrow"] {
                try await client.execute(uri: "/api/consent/C-2026-0001?date=\(date)", method: .get) { response in
                    #expect(response.status == .badRequest)
                    let reason = try object(response.body)["error"] as? String
                    #expect(reason == "date must be an ISO date, YYYY-MM-DD")
                }
            }
        }
    }

    @Test("What a request sends besides its text (id, channel, consent ids) comes back masked, as `check` masks it")
    func echoedValuesMasked() async throws {
        try await app(try checker(consentDB: try consentRegistry())).test(.router) { client in
            let record: [String: Any] = ["id": "123-45-6789", "text": "Patient spotlight: Dana walked out of rehab! #PatientStories",
                                         "channel": "dana@example.org", "consent": ["123-45-6789", "C-2026-0001"]]
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: try body(record)) { response in
                let text = String(buffer: response.body)
                #expect(!text.contains("123-45-6789") && !text.contains("dana@example.org"))
                let documents = try #require(try object(response.body)["documents"] as? [[String: Any]])
                #expect(documents[0]["id"] as? String == "•••-••-••••")
                // The consent gate's messages name the records as the report does: masked, or as written.
                let messages = (documents[0]["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
                #expect(messages.contains { $0.contains("•••-••-••••") })
            }
            func status(_ uri: String) async throws -> (ConsentAnswer, String) {
                try await client.execute(uri: uri, method: .get) { response in
                    (try JSONDecoder().decode(ConsentAnswer.self, from: Data(buffer: response.body)), String(buffer: response.body))
                }
            }
            let (unknown, text) = try await status("/api/consent/123-45-6789?channel=dana%40example.org")
            #expect(!unknown.found && unknown.id == "•••-••-••••" && !text.contains("123-45-6789") && !text.contains("dana@example.org"))
            #expect(!unknown.reasons.isEmpty)
            // A consent id that is no identifier stays as written.
            let (valid, _) = try await status("/api/consent/C-2026-0001?channel=facebook&date=2026-06-01")
            #expect(valid.valid && valid.id == "C-2026-0001")
        }
    }

    @Test("Without a registry the consent lookup says there is none")
    func noRegistry() async throws {
        try await app(try checker()).test(.router) { client in
            try await client.execute(uri: "/api/consent/C-1", method: .get) { response in
                let status = try JSONDecoder().decode(ConsentAnswer.self, from: Data(buffer: response.body))
                #expect(!status.registry && !status.valid)
            }
        }
    }

    @Test("Bad requests are a 400 with a reason that never quotes the draft",
          arguments: [
              (#"{"text": "Call Dana at 617-555-0142", "kind": "tweet"}"#, "kind"),
              (#"{"kind": "post"}"#, "text"),
              (#"["Dana 617-555-0142"]"#, "JSON object"),
              (#"{"text": "Dana 617-555-0142""#, "malformed"),
              (#"{"text": 42}"#, "text"),
              ("", "JSON"),
              // Nesting deep enough to exhaust a recursive parser's stack.
              (String(repeating: "[", count: 100_000), "malformed"),
              ("{\"text\": " + String(repeating: "{\"a\":", count: 50_000), "malformed"),
          ])
    func badRequests(request: String, reasonMentions: String) async throws {
        try await app(try checker()).test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: ByteBuffer(string: request)) { response in
                #expect(response.status == .badRequest)
                let reason = try #require(try object(response.body)["error"] as? String)
                #expect(reason.contains(reasonMentions), "\(reason)")
                #expect(!reason.contains("617") && !reason.contains("Dana"))
            }
        }
    }

    @Test("Invalid UTF-8 is a 400, not a crash")
    func invalidUTF8() async throws {
        try await app(try checker()).test(.router) { client in
            var buffer = ByteBuffer(string: #"{"text": "caf"#)
            buffer.writeBytes([0xC3, 0x28, 0xFF])
            buffer.writeString(#""}"#)
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: buffer) { response in
                #expect(response.status == .badRequest)
                let reason = try object(response.body)["error"] as? String
                #expect(reason == "not valid UTF-8 text")
            }
        }
    }

    @Test("A body over the limit is a 413 that says the limit; one just under it is checked")
    func sizeLimit() async throws {
        try await app(try checker(), maxBodyBytes: 4096).test(.router) { client in
            let long = String(repeating: "Join us for the fun run. ", count: 200)
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: try body(["text": long])) { response in
                #expect(response.status == .contentTooLarge)
                let reason = try object(response.body)["error"] as? String
                #expect(reason == "the request is larger than 4 KB; check a shorter draft")
            }
            let short = String(repeating: "Join us for the fun run. ", count: 150)
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: try body(["text": short])) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("A body that is not JSON by its content type is refused (a cross-site form cannot post drafts)")
    func contentType() async throws {
        try await app(try checker()).test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: #"{"text": "hello"}"#)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test("The page, its assets and the guide are served from the binary, with nothing from elsewhere")
    func page() async throws {
        let checker = try checker()
        try await app(checker).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains(#"<label for="text">"#) && html.contains(#"<textarea id="text""#))
                #expect(!html.contains("http://") && !html.contains("https://"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'") == true)
            }
            for asset in ["/page.css", "/page.js"] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(!String(buffer: response.body).contains("https://"))
                }
            }
            try await client.execute(uri: "/rules", method: .get) { response in
                let html = String(buffer: response.body)
                for entry in checker.catalog.entries { #expect(html.contains("href=\"/rules/\(entry.id)\"")) }
            }
            try await client.execute(uri: "/rules/no.such-rule", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("A rule's guide page gives its message, why, fix and its examples as scenarios")
    func guidePage() async throws {
        let checker = try checker()
        let entry = try #require(checker.catalog["phi.phone"])
        let examples = try #require(entry.examples)
        let why = try #require(entry.why), fix = try #require(entry.fix)
        try await app(checker).test(.router) { client in
            try await client.execute(uri: "/rules/phi.phone", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains(htmlEscaped(entry.message)))
                #expect(html.contains(htmlEscaped(why)))
                #expect(html.contains(htmlEscaped(fix)))
                for example in (examples.match ?? []) + (examples.noMatch ?? []) {
                    #expect(html.contains(RuleGuide.example(example)), "\(example)")
                }
                #expect(html.contains("<mark>"))
            }
            try await client.execute(uri: "/api/rules", method: .get) { response in
                let rules = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(rules.count == checker.catalog.entries.count)
                #expect(rules.contains { $0["id"] as? String == "phi.phone" && $0["fix"] as? String == entry.fix })
            }
        }
    }

    @Test("Concurrent checks from many clients, each on its own connection, each get their own document's report")
    func concurrentChecks() async throws {
        try await app(try checker()).test(.live) { client in
            let port = try #require(client.port)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let breach = index.isMultiple(of: 2)
                        let text = breach ? "Call me at 617-555-01\(10 + index)" : "Our flu clinic is open until 6 pm, day \(index)."
                        let answer = try await fetch("http://127.0.0.1:\(port)/api/check", body: #"{"text": "\#(text)"}"#)
                        #expect(answer.status == 200)
                        #expect(answer.body.contains(#""verdict":"\#(breach ? "block" : "pass")""#))
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("Only loopback addresses count as loopback")
    func loopback() {
        #expect(ServeOptions.isLoopback("127.0.0.1") && ServeOptions.isLoopback("localhost") && ServeOptions.isLoopback("::1"))
        #expect(!ServeOptions.isLoopback("0.0.0.0") && !ServeOptions.isLoopback("192.168.1.10") && !ServeOptions.isLoopback("::"))
    }

    @Test("The check date moves on with the calendar for a long-running server")
    func checkDateMovesOn() throws {
        let setup = try CheckSetup.load(rules: rulesFolder, today: CalendarDate(iso: "2026-11-22")!, environment: [:])
        let day = Day("2026-11-22")
        let checker = DraftChecker(setup: setup, today: { day.value })
        #expect(checker.currentScanner().policy.today == CalendarDate(iso: "2026-11-22"))
        day.value = CalendarDate(iso: "2026-11-23")!
        #expect(checker.currentScanner().policy.today == CalendarDate(iso: "2026-11-23"))
    }
}

final class Day: @unchecked Sendable {
    // @unchecked: set and read on the test's own thread only.
    var value: CalendarDate
    init(_ iso: String) { value = CalendarDate(iso: iso)! }
}
