// The staff page as a person uses it: the server on a free loopback port, Debian's headless
// Chromium pasting a breaching reply and a clean post (Tests/browser/drive-staff-page.py), and the
// page's verdicts, highlights, reasons and copied safe version checked against the drafts, and a
// patient story's consent record looked up from the page.
// Screenshots go to a temporary folder, or to POSTGUARD_SCREENSHOTS (the README's come from
// `POSTGUARD_SCREENSHOTS=docs/screenshots swift test --filter StaffPageInBrowser`).
import Foundation
import Hummingbird
import HummingbirdTesting
import PostGuard
import Testing
@testable import PostGuardServe

/// Chromium: POSTGUARD_CHROMIUM, else `chromium` or `chromium-browser` on PATH.
let chromium: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["POSTGUARD_CHROMIUM"], !explicit.isEmpty { return explicit }
    for folder in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        for name in ["chromium", "chromium-browser"] {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
    }
    return nil
}()

@Suite("postguard serve: the staff page in a browser")
struct StaffPageInBrowser {
    static let reply = "Hi Dana, we're so sorry your recovery after knee surgery was hard. We have your cell as 617-555-0142 and I'll call you about your bill myself."
    static let review = "Waited two hours after my surgery and nobody called me back about the bill."
    static let post = "Join us Saturday for our 5K fun run! Registration opens at 8 am at the main entrance."
    static let story = "Patient spotlight: María López walked out of rehab 6 weeks after her knee replacement! #PatientStories"

    @Test("A breaching reply is blocked with its spans highlighted and a safe version to copy; a clean post passes; a story's consent is looked up",
          .enabled(if: chromium != nil, "Chromium is not installed (Debian: apt-get install chromium); skipping the browser test"),
          .timeLimit(.minutes(5)))
    func breachingReplyAndCleanPost() async throws {
        let browser = try #require(chromium)
        var shots = try temporaryFolder()
        if let folder = ProcessInfo.processInfo.environment["POSTGUARD_SCREENSHOTS"] { shots = URL(fileURLWithPath: folder, relativeTo: repositoryRoot) }
        let screenshots = shots.path
        let scenarios: [[String: Any]] = [
            ["name": "reply", "kind": "reply", "channel": "google", "text": Self.reply, "in_reply_to": Self.review,
             "screenshots": [["file": "serve-reply-block.png", "width": 1000], ["file": "serve-reply-phone.png", "width": 390]]],
            ["name": "post", "kind": "post", "channel": "facebook", "text": Self.post,
             "screenshots": [["file": "serve-post-pass.png", "width": 1000]]],
            ["name": "story", "kind": "post", "channel": "instagram", "text": Self.story, "consent": "C-2026-0001"],
            ["name": "story-unknown-consent", "kind": "post", "channel": "instagram", "text": Self.story, "consent": "C-404"],
        ]
        let scenarioFile = try temporaryFolder().appendingPathComponent("scenarios.json")
        try JSONSerialization.data(withJSONObject: scenarios).write(to: scenarioFile)

        let seen: [[String: Any]] = try await app(try checker(consentDB: try consentRegistry())).test(.live) { client in
            let port = try #require(client.port)
            let output = try runDriver(browser, url: "http://127.0.0.1:\(port)/", scenarios: scenarioFile.path, shots: screenshots)
            return try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
        }
        #expect(seen.count == 4)
        let reply = try #require(seen.first { $0["name"] as? String == "reply" })
        let post = try #require(seen.first { $0["name"] as? String == "post" })

        // The reply: blocked, the phone number highlighted in the person's own (unmasked) text.
        #expect(reply["verdict"] as? String == "block")
        #expect((reply["banner"] as? String)?.contains("Do not publish") == true)
        #expect(reply["shownDraft"] as? String == Self.reply)
        let marks = try #require(reply["marks"] as? [[String: Any]])
        #expect(marks.contains { $0["text"] as? String == "617-555-0142" && $0["severity"] as? String == "block" && $0["rule"] as? String == "phi.phone" })
        for mark in marks {
            #expect(Self.reply.contains(try #require(mark["text"] as? String)))
            #expect((mark["spoken"] as? String)?.contains(try #require(mark["severity"] as? String)) == true, "a highlight says its severity to screen readers")
        }
        // Every highlight's number points at a reason on the page, and every reason at its guide page.
        let reasons = try #require(reply["reasons"] as? [[String: Any]])
        let reasonIDs = Set(reasons.compactMap { $0["id"] as? String })
        for reference in try #require(reply["references"] as? [String]) { #expect(reasonIDs.contains(String(reference.dropFirst()))) }
        #expect(reasons.contains { ($0["guide"] as? String) == "/rules/phi.phone" && ($0["text"] as? String)?.contains("617-555-0142") == true })
        #expect(reasons.allSatisfy { ($0["guide"] as? String)?.hasPrefix("/rules/") == true })
        // The safe version: shown, free of the number, and what the copy button put on the clipboard.
        let safe = try #require(reply["safe"] as? String)
        #expect(!safe.isEmpty && !safe.contains("617") && !safe.contains("Dana"))
        #expect(reply["copyStatus"] as? String == "Copied.")
        if let clipboard = reply["clipboard"] as? String { #expect(clipboard == safe) }
        #expect(reply["focused"] as? String == "result-heading", "keyboard and screen-reader users land on the result")

        // The post: passes, nothing highlighted, no safe version offered.
        #expect(post["verdict"] as? String == "pass")
        #expect((post["marks"] as? [Any])?.isEmpty == true)
        #expect(post["safeShown"] as? Bool == false)
        #expect(post["shownDraft"] as? String == Self.post)

        // A patient story: the consent record is looked up from the page, and the gate in the check
        // agrees with it.
        let story = try #require(seen.first { $0["name"] as? String == "story" })
        #expect((story["consentResult"] as? String)?.hasPrefix("Consent C-2026-0001 is valid on ") == true)
        #expect((story["reasons"] as? [[String: Any]])?.contains { ($0["guide"] as? String)?.hasPrefix("/rules/policy.consent") == true } == false)
        let unknown = try #require(seen.first { $0["name"] as? String == "story-unknown-consent" })
        #expect((unknown["consentResult"] as? String)?.hasPrefix("Not valid: Consent C-404 is not in the consent registry.") == true)
        #expect(unknown["verdict"] as? String == "block")
        #expect((unknown["reasons"] as? [[String: Any]])?.contains { $0["guide"] as? String == "/rules/policy.consent.unknown" } == true)

        for shot in ((reply["screenshots"] as? [String]) ?? []) + ((post["screenshots"] as? [String]) ?? []) {
            let png = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(shot)")
        }
    }
}

/// Runs the driver, with a deadline so a hung browser fails the test instead of stalling it.
func runDriver(_ chromium: String, url: String, scenarios: String, shots: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/browser/drive-staff-page.py").path, chromium, url, scenarios, shots]
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let deadline = DispatchTime.now() + .seconds(120)
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problems = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    guard process.terminationStatus == 0 else {
        throw DriverError(description: "drive-staff-page.py exited \(process.terminationStatus): \(String(decoding: problems, as: UTF8.self).suffix(2000))")
    }
    return data
}

struct DriverError: Error, CustomStringConvertible { let description: String }
