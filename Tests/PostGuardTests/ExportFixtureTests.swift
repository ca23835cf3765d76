import Foundation
import Testing
import ZIPFoundation
@testable import PostGuard

/// The synthetic platform downloads built by Fixtures/exports/build.py: each record the organisation
/// wrote carries its own 617-555-XXXX marker, so a document per marker, of the right kind, proves
/// every record was read; a document without a marker proves something was read that is not content.
@Suite("Platform downloads, read whole")
struct ExportFixtureTests {
    struct Expected {
        var skipped: Int
        var attachments: Int
        var records: [[String: Any]]
    }

    struct Reading {
        var documents: [Document] = []
        var errors: [String] = []
        var notices: [String] = []
    }

    static let exports = fixturesFolder.appendingPathComponent("exports")

    func expected(_ platform: String) throws -> Expected {
        let text = try String(contentsOf: ExportFixtureTests.exports.appendingPathComponent("expected/\(platform).jsonl"), encoding: .utf8)
        let lines = try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        return Expected(skipped: try #require(lines.first?["skipped"] as? Int), attachments: try #require(lines.first?["attachments"] as? Int),
                        records: Array(lines.dropFirst()))
    }

    func read(_ path: String) -> Reading {
        var reading = Reading()
        DocumentReader().read(paths: [path], document: { reading.documents.append($0) },
                              failure: { reading.errors.append($0.description) }, notice: { reading.notices.append($0) })
        return reading
    }

    static let marker = try! NSRegularExpression(pattern: "617-555-\\d{4}")

    /// The markers in a document's text and its attachments' alt text.
    func markers(_ document: Document) -> [String] {
        let scanned = ([document.text] + document.media.compactMap(\.alt)).joined(separator: "\n")
        return ExportFixtureTests.marker.matches(in: scanned, range: NSRange(scanned.startIndex..., in: scanned))
            .map { String(scanned[Range($0.range, in: scanned)!]) }
    }

    /// Every marker found once, in a document of the kind and file expected, with the fields the
    /// expected record names; no document without a marker.
    func check(_ platform: String, channel: String?) throws {
        let folder = ExportFixtureTests.exports.appendingPathComponent(platform).path
        let expected = try expected(platform)
        let reading = read(folder)
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        #expect(reading.notices == ["\(folder): skipped \(expected.skipped) file\(expected.skipped == 1 ? "" : "s") that hold\(expected.skipped == 1 ? "s" : "") no posts or messages"])
        var byMarker: [String: Document] = [:]
        var attachments = 0
        for document in reading.documents {
            let found = markers(document)
            // A message that is an attachment alone has no words to carry a marker.
            if found.isEmpty, !document.media.isEmpty, document.kind == .message {
                attachments += 1
                continue
            }
            #expect(found.count == 1, "\(document.source)#\(document.locator ?? "") holds \(found.count) markers: \(document.text)")
            for marker in found {
                #expect(byMarker[marker] == nil, "\(marker) read twice")
                byMarker[marker] = document
            }
        }
        #expect(Set(byMarker.keys) == Set(expected.records.map { $0["marker"] as! String }))
        #expect(attachments == expected.attachments)
        for record in expected.records {
            let marker = record["marker"] as! String
            guard let document = byMarker[marker] else { continue }
            #expect(document.kind.rawValue == record["kind"] as? String, "\(marker): \(document.kind)")
            #expect(document.source == folder + "/" + (record["file"] as! String), "\(marker): \(document.source)")
            #expect(document.channel == channel, "\(marker)")
            #expect(document.locator != nil, "\(marker) has no locator")
            if let author = record["author"] as? String { #expect(document.author == author, "\(marker)") }
            if let publishAt = record["publish_at"] as? String { #expect(document.publishAt == publishAt, "\(marker)") }
            if let id = record["id"] as? String { #expect(document.id == id, "\(marker)") }
            if let rating = record["rating"] as? Int { #expect(document.rating == rating, "\(marker)") }
            if let reviewer = record["reviewer"] as? String { #expect(document.inReplyToAuthor == reviewer, "\(marker)") }
            if record["alt"] as? Bool == true { #expect(document.media.contains { $0.alt?.contains(marker) == true }, "\(marker)") }
        }
        // The same download as a .zip reads the same documents, named inside the archive.
        let zipFolder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: zipFolder) }
        let zip = zipFolder.appendingPathComponent("\(platform).zip")
        try FileManager.default.zipItem(at: URL(fileURLWithPath: folder), to: zip, shouldKeepParent: false)
        let zipped = read(zip.path)
        #expect(zipped.errors.isEmpty, "\(zipped.errors)")
        #expect(zipped.notices.count == 1)
        func summary(_ documents: [Document], root: String) -> [String] {
            documents.map { "\($0.source.dropFirst(root.count)) \($0.kind) \($0.locator ?? "") \(markers($0))" }
        }
        #expect(summary(zipped.documents, root: zip.path) == summary(reading.documents, root: folder))
    }

    @Test("X archive: tweets and their parts, long posts once, deleted and community posts, direct messages")
    func x() throws { try check("x", channel: "x") }

    @Test("Facebook: posts in both layouts, comments, Messenger folders, groups, albums")
    func facebook() throws { try check("facebook", channel: "facebook") }

    @Test("Facebook, HTML variant: posts, a thread, comments, through libxml2")
    func facebookHTML() throws { try check("facebook-html", channel: "facebook") }

    @Test("Instagram: posts, stories, reels, archived posts, comments with localised keys, direct messages")
    func instagram() throws { try check("instagram", channel: "instagram") }

    @Test("Instagram, HTML variant: captions in the heading, a thread")
    func instagramHTML() throws { try check("instagram-html", channel: "instagram") }

    @Test("LinkedIn: shares, comments with \\\" quotes, messages, invitation notes; connections passed over")
    func linkedin() throws { try check("linkedin", channel: "linkedin") }

    @Test("Google Business Profile: each reply to a review, on every page of reviews")
    func googleBusiness() throws { try check("google-business", channel: "google") }

    @Test("WhatsApp: every date layout, notices and subject changes skipped, localised attachment markers")
    func whatsapp() throws { try check("whatsapp", channel: "whatsapp") }

    @Test("Content calendars: Hootsuite, Buffer and Sprout Social, publishing dates read")
    func calendars() throws { try check("calendars", channel: nil) }
}

@Suite("Never a silent zero")
struct SilentZeroTests {
    @Test("A folder, file or archive that yields no document is an error naming it; skipped files are one notice")
    func nothingRead() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("jpeg".utf8).write(to: folder.appendingPathComponent("photo.jpg"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("window.YTD.manifest.part0 = []".utf8).write(to: folder.appendingPathComponent("data/manifest.js"))
        // A CSV without a text column in a folder is as likely a consent list: passed over, and counted.
        try Data("id,subject\nC-1,Dana\n".utf8).write(to: folder.appendingPathComponent("consent.csv"))
        var errors: [String] = [], notices: [String] = []
        DocumentReader().read(paths: [folder.path], document: { Issue.record("read \($0.source)") },
                              failure: { errors.append($0.description) }, notice: { notices.append($0) })
        #expect(errors == ["no documents found in \(folder.path): not a draft or a known export"])
        #expect(notices == ["\(folder.path): skipped 3 files that hold no posts or messages"])
    }

    @Test("The command exits 2 on a path that yields nothing, and still checks the others")
    func command() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let draft = folder.appendingPathComponent("a.txt")
        try Data("Call 617-555-0142".utf8).write(to: draft)
        let run = try runPostGuard(["check", empty.path, draft.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no documents found in \(empty.path): not a draft or a known export"))
        #expect(run.stdout.contains("1 document checked"))
    }
}

@Suite("Export records in reports")
struct ExportReportTests {
    @Test("JSON and SARIF carry each record's locator, its author masked, and its time")
    func locators() throws {
        let thread = fixturesFolder.appendingPathComponent("exports/facebook/your_facebook_activity/messages/inbox/danaexample_1234/message_1.json").path
        let json = try runPostGuard(["check", "--format", "json", thread])
        #expect(json.status == 1)
        let report = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        #expect(documents.map { $0["locator"] as? String } == ["message1", "message2", "message3"])
        #expect(documents.first?["author"] as? String == "D••• E••••••")
        #expect(documents.first?["created_at"] as? String == "2024-03-07T08:26:40Z")
        let shown = try runPostGuard(["check", "--format", "json", "--show-phi", thread])
        #expect(shown.stdout.contains("\"author\":\"Dana Example\""))
        let sarif = try runPostGuard(["check", "--format", "sarif", thread])
        let log = try #require(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let locators = Set(results.compactMap { ($0["properties"] as? [String: Any])?["locator"] as? String })
        #expect(locators == ["message1", "message2", "message3"])
        #expect(!sarif.stdout.contains("Dana Example"))
    }
}

@Suite("Platform files that cannot be read")
struct ExportErrorTests {
    func read(_ text: String, source: String, format: InputFormat = .auto) -> ([Document], [String]) {
        var documents: [Document] = [], errors: [String] = []
        DocumentReader().parse(Data(text.utf8), source: source, format: format,
                               document: { documents.append($0) }, failure: { errors.append($0.description) })
        return (documents, errors)
    }

    @Test("A Meta file whose records are all of an unknown shape is an error, not nothing")
    func unknownLayout() {
        let path = "dl/your_facebook_activity/posts/your_posts_1.json"
        #expect(read(#"[{"weird": 1}, {"weird": 2}]"#, source: path).1 == ["\(path): 2 records, none in a facebook layout PostGuard knows"])
        #expect(read(#"[{"weird": 1}, {"timestamp": 1, "data": [{"post": "hi"}]}]"#, source: path).1.isEmpty)
        #expect(read("{not json", source: path).1 == ["\(path): not a facebook export (malformed JSON)"])
    }

    @Test("Paths route by folder: Facebook's posts_on_other_pages is not Instagram; Instagram's posts_viewed is not content")
    func routing() {
        let layout = ExportLayout(paths: ["a/your_instagram_activity/content/posts_1.json", "a/ads_information/ads_and_topics/posts_viewed.json"])
        #expect(layout.route("a/your_instagram_activity/content/posts_1.json") == .read(.instagram))
        #expect(layout.route("a/ads_information/ads_and_topics/posts_viewed.json") == .notContent)
        let facebook = ExportLayout(paths: ["your_facebook_activity/posts/posts_on_other_pages_and_profiles.json"])
        #expect(facebook.route("your_facebook_activity/posts/posts_on_other_pages_and_profiles.json") == .read(.facebook))
        #expect(facebook.route("your_facebook_activity/messages/inbox/a_1/message_3.json") == .read(.facebook))
        #expect(facebook.route("your_facebook_activity/messages/inbox/a_1/photos/1.jpg") == .notContent)
        let x = ExportLayout(paths: ["data/manifest.js", "data/tweets.js"])
        #expect(x.route("data/README.txt") == .notContent)
        #expect(x.route("data/tweets-part2.js") == .read(.xArchive))
        #expect(x.route("data/like.js") == .notContent)
        // LinkedIn's other CSVs are passed over only in the folder of its export.
        let mixed = ExportLayout(paths: ["linkedin/Connections.csv", "linkedin/Skills.csv", "linkedin/messages.csv", "calendars/buffer.csv", "messages.csv"])
        #expect(mixed.route("linkedin/Skills.csv") == .notContent)
        #expect(mixed.route("linkedin/messages.csv") == .read(.linkedin))
        #expect(mixed.route("calendars/buffer.csv") == .read(.csv))
        #expect(mixed.route("messages.csv") == .read(.csv))
    }

    @Test("WhatsApp: a subject holding a colon is a notice; each date layout starts a message")
    func whatsappLayouts() {
        let chat = """
            3/15/24, 10:19 AM - Dana changed the subject from "Ward 7" to "Ward 7: days"
            15.3.2024 klo 10.14 - Aino: one
            15.03.24 10.14.33: Dana: two
            15. 3. 2024. 10:15 - Ivana: three
            15/3/24, 10:14 a. m. - Lucía: four
            """
        let (documents, errors) = read(chat, source: "_chat.txt")
        #expect(errors.isEmpty)
        #expect(documents.map(\.author) == ["Aino", "Dana", "Ivana", "Lucía"])
        #expect(documents.map(\.text) == ["one", "two", "three", "four"])
    }
}
