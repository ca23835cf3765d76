import Foundation
import Testing
@testable import PostGuard

@Suite("Input")
struct InputTests {
    func read(_ data: Data, source: String, format: InputFormat = .auto, options: InputOptions = InputOptions()) -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader(options: options).parse(data, source: source, format: format, document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    @Test("JSONL: every field of the contract, consent as string or list")
    func jsonlFields() throws {
        let jsonl = """
            {"id": "p-17", "text": "Hello", "kind": "reply", "channel": "Facebook", "consent": "C-2026-0042", "in_reply_to": "Great visit", "author": "Sam", "publish_at": "2026-12-01", "media": [{"path": "img/visit.jpg", "alt": "Nurse and patient"}]}

            {"text": "Second", "consent": ["C-1", "C-2"], "id": 42}
            """
        let (documents, errors) = read(Data(jsonl.utf8), source: "calendar.jsonl")
        #expect(errors.isEmpty)
        #expect(documents.count == 2)
        let first = try #require(documents.first)
        #expect(first.id == "p-17")
        #expect(first.kind == .reply)
        #expect(first.channel == "facebook")
        #expect(first.consent == ["C-2026-0042"])
        #expect(first.inReplyTo == "Great visit")
        #expect(first.publishAt == "2026-12-01")
        #expect(first.media == [Media(path: "img/visit.jpg", alt: "Nurse and patient")])
        #expect(first.recordLine == 1)
        #expect(documents[1].consent == ["C-1", "C-2"])
        #expect(documents[1].id == "42")
        #expect(documents[1].recordLine == 3)
    }

    @Test("JSONL: a malformed line is reported with its number and the rest is read")
    func jsonlMalformedLine() {
        let jsonl = "{\"text\": \"one\"}\n{\"text\": \"two\"\n{\"id\": \"x\"}\n{\"text\": \"four\", \"kind\": \"tweet\"}\n{\"text\": \"five\"}\n"
        let (documents, errors) = read(Data(jsonl.utf8), source: "bad.jsonl")
        #expect(documents.map(\.text) == ["one", "five"])
        #expect(errors.map(\.line) == [2, 3, 4])
        #expect(errors.allSatisfy { $0.source == "bad.jsonl" })
        #expect(errors[1].description == "bad.jsonl:3: record has no \"text\" string")
        // The wrong value is not quoted: a shifted column can put a patient's words there.
        #expect(errors[2].description == "bad.jsonl:4: unknown kind (use post, reply or message)")
    }

    @Test("Invalid UTF-8 names the file and the line")
    func invalidUTF8() {
        var data = Data("fine line\nsecond line\nbad ".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let (documents, errors) = read(data, source: "bad.txt")
        #expect(documents.isEmpty)
        #expect(errors.first?.description == "bad.txt:3: not valid UTF-8 text")
    }

    @Test("Standard input is JSONL when its first line is a JSON record with text")
    func detectsJSONL() {
        #expect(InputFormat.detect(name: "-", head: Data("{\"text\": \"hi\"}\n".utf8)) == .jsonl)
        #expect(InputFormat.detect(name: "-", head: Data("{curly} text\n".utf8)) == .text)
        #expect(InputFormat.detect(name: "a.md", head: Data("{\"text\": \"hi\"}".utf8)) == .markdown)
    }

    @Test("Front matter sets the document's fields; options fill the rest")
    func frontMatter() throws {
        let text = "---\nconsent: [C-2026-0001]\npublish_at: 2026-12-01\nid: story-1\n---\nBody\n"
        let (documents, errors) = read(Data(text.utf8), source: "story.md", options: InputOptions(kind: .post, channel: "instagram"))
        #expect(errors.isEmpty)
        let document = try #require(documents.first)
        #expect(document.consent == ["C-2026-0001"])
        #expect(document.publishAt == "2026-12-01")
        #expect(document.id == "story-1")
        #expect(document.channel == "instagram")
        // The field lines and the delimiters are not scanned; the body is.
        let unscanned = document.unscanned.reduce(0) { $0 + $1.end - $1.start }
        #expect(unscanned == text.utf8.count - "Body\n".utf8.count)
    }

    @Test("Unterminated front matter is an error naming the file")
    func unterminatedFrontMatter() {
        let (_, errors) = read(Data("---\nkind: reply\nBody\n".utf8), source: "open.md")
        #expect(errors.first?.description == "open.md:1: front matter starts with '---' but never ends")
    }

    @Test("Front matter cannot fill the memory: anchors and aliases are refused, its size is bounded")
    func hostileFrontMatter() {
        // "Billion laughs": nine levels, each ten aliases of the one before (10^9 strings if expanded).
        var bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, level) in zip(levels, levels.dropFirst()) {
            bomb += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        bomb += "kind: post\n---\nSee Jane's MRN 12345678\n"
        let (documents, errors) = read(Data(bomb.utf8), source: "bomb.md")
        #expect(documents.isEmpty)
        #expect(errors.map(\.description) == ["bomb.md:2: front matter uses a YAML anchor or alias (& or *), which PostGuard does not expand; write the value out"])
        let huge = "---\nkind: post\ntitle: " + String(repeating: "x", count: 70_000) + "\n---\nBody\n"
        #expect(read(Data(huge.utf8), source: "huge.md").1.first?.description.hasPrefix("huge.md:1: front matter is larger than 64 KB") == true)
        // Stars and ampersands inside words and quoted values are ordinary text.
        let fine = "---\nkind: post\ntitle: \"*New* hours & more\"\nchannel: x\n---\nBody\n"
        #expect(read(Data(fine.utf8), source: "fine.md").1.isEmpty)
    }

    @Test("Folders are walked in order, hidden files and non-drafts skipped")
    func folders() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b/.git"), withIntermediateDirectories: true)
        for name in ["b/two.md", "a.txt", ".hidden.txt", "b/.git/x.txt", "photo.jpg", "c.jsonl"] {
            try Data("{\"text\": \"x\"}".utf8).write(to: folder.appendingPathComponent(name))
        }
        var sources: [String] = []
        DocumentReader().read(paths: [folder.path], document: { sources.append($0.source) }, failure: { Issue.record("\($0)") })
        #expect(sources == ["a.txt", "b/two.md", "c.jsonl"].map { folder.path + "/" + $0 })
    }
}

@Suite("Streaming input")
struct StreamingTests {
    @Test("JSONL larger than a read chunk keeps every record and its line number")
    func bigJSONL() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.jsonl")
        let padding = String(repeating: "x", count: 700)
        var text = ""
        for index in 1...1_000 { text += "{\"id\": \"r\(index)\", \"text\": \"\(padding) \(index)\"}\n" }
        try Data(text.utf8).write(to: file) // ~720 KB: three 256 KiB chunks
        var documents: [Document] = []
        DocumentReader().read(paths: [file.path], document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        #expect(documents.count == 1_000)
        #expect(documents.last?.id == "r1000")
        #expect(documents.last?.recordLine == 1_000)
        #expect(documents[499].text.hasSuffix(" 500"))
    }

    @Test("A text file is rebuilt byte for byte, with or without a final line end", arguments: ["a\r\nb\n", "a\nb", "\n\nlast\n\n"])
    func textRoundTrip(content: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.txt")
        try Data(content.utf8).write(to: file)
        var documents: [Document] = []
        DocumentReader().read(paths: [file.path], document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        #expect(documents.map(\.text) == [content])
    }
}

@Suite("CSV input")
struct CSVInputTests {
    func read(_ text: String, source: String = "dump.csv") -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader().parse(Data(text.utf8), source: source, format: .auto, document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    @Test("Columns by the JSONL names; the text column by its usual names; consent lists in a cell")
    func columns() throws {
        let (documents, errors) = read("ID,Message,Kind,Channel,Consent,Publish_At\np1,Hello,reply,Facebook,\"C-1; C-2\",2026-12-01\np2,Bye,,,,\n")
        #expect(errors.isEmpty)
        #expect(documents.map(\.id) == ["p1", "p2"])
        #expect(documents[0].kind == .reply)
        #expect(documents[0].channel == "facebook")
        #expect(documents[0].consent == ["C-1", "C-2"])
        #expect(documents[0].publishAt == "2026-12-01")
        #expect(documents.map(\.recordLine) == [2, 3])
    }

    @Test("A quoted field may hold commas, quotes and line ends; the record keeps the line it starts on")
    func quotedFields() throws {
        let (documents, errors) = read("id,text\nq1,\"one, \"\"two\"\"\r\nthree\"\nq2,plain\n")
        #expect(errors.isEmpty)
        #expect(documents.map(\.text) == ["one, \"two\"\nthree", "plain"])
        #expect(documents.map(\.recordLine) == [2, 4])
    }

    @Test("Bad rows are named by line and the rest is read")
    func badRows() throws {
        var data = Data("id,text\np1,ok\np2,\"bad ".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\"\np3,fine\n".utf8))
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader().parse(data, source: "d.csv", format: .auto, document: { documents.append($0) }, failure: { errors.append($0) })
        #expect(documents.map(\.id).contains("p1"))
        #expect(documents.map(\.id).contains("p3"))
        #expect(errors.first?.description == "d.csv:3: not valid UTF-8 text")
        #expect(read("id,title\n1,x\n").1.first?.description.hasPrefix("dump.csv:1: no text column") == true)
        #expect(read("id,text\n1,\"never closed\n").1.first?.description == "dump.csv:2: a quoted field is never closed")
    }
}

import ZIPFoundation

@Suite("ZIP input")
struct ZipInputTests {
    @Test("A .zip is read entry by entry, named archive/path; other files and macOS metadata are skipped")
    func entries() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("drafts.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let files: [(String, String)] = [
            ("b/calendar.jsonl", "{\"id\": \"c1\", \"text\": \"Call 617-555-0142\"}\n{\"id\": \"c2\", \"text\": \"Hi all\"}\n"),
            ("a.md", "---\nkind: reply\n---\nThanks!\n"),
            ("photo.jpg", "not text"),
            ("__MACOSX/a.md", "metadata"),
        ]
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var documents: [Document] = []
        DocumentReader().read(paths: [url.path], document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        #expect(documents.map(\.source) == [url.path + "/a.md", url.path + "/b/calendar.jsonl", url.path + "/b/calendar.jsonl"])
        #expect(documents.map(\.id) == [nil, "c1", "c2"])
        #expect(documents.first?.kind == .reply)
    }

    @Test("A file that is not a ZIP archive is an error naming it")
    func notAZip() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.zip")
        try Data("not a zip".utf8).write(to: url)
        var errors: [InputError] = []
        DocumentReader().read(paths: [url.path], document: { _ in Issue.record("a document from a broken archive") }, failure: { errors.append($0) })
        #expect(errors.map(\.description) == ["\(url.path): not a readable ZIP archive"])
    }
}

@Suite("WhatsApp chat exports")
struct WhatsAppTests {
    func read(_ text: String, source: String = "_chat.txt") -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader().parse(Data(text.utf8), source: source, format: .auto, document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    @Test("iOS and Android lines; continuation lines; notices skipped; attachments become media")
    func formats() throws {
        let chat = """
            [15/03/2024, 10:14:33] Dana Whitfield: Heads up, bed 7
            is ready
            \u{200E}[15/03/2024, 10:15:01] Keisha: \u{200E}<attached: 00000012-PHOTO-2024-03-15.jpg>
            [3/15/24, 10:16:02\u{202F}AM] Marcus: ok
            3/15/24, 10:17 AM - Ray Tolliver: Parking lot B closed
            3/15/24, 10:18 AM - Ray Tolliver left
            15/03/2024, 22:01 - Nia: IMG-20240315-WA0001.jpg (file attached)
            """
        let (documents, errors) = read(chat)
        #expect(errors.isEmpty)
        #expect(documents.map(\.author) == ["Dana Whitfield", "Keisha", "Marcus", "Ray Tolliver", "Nia"])
        #expect(documents.allSatisfy { $0.kind == .message && $0.channel == "whatsapp" })
        #expect(documents[0].text == "Heads up, bed 7\nis ready")
        #expect(documents.map(\.recordLine) == [1, 3, 4, 5, 7])
        #expect(documents[0].createdAt == "15/03/2024 10:14:33")
        #expect(documents[1].media.map(\.path) == ["00000012-PHOTO-2024-03-15.jpg"])
        #expect(documents[4].media.map(\.path) == ["IMG-20240315-WA0001.jpg"])
    }

    @Test("Recognised by its name or by its first line; other text stays one document")
    func detection() {
        #expect(read("[15/03/2024, 10:14:33] Dana: hi\n", source: "notes.txt").0.first?.kind == .message)
        #expect(read("Meeting notes\nDana: hi\n", source: "notes.txt").0.map(\.kind) == [.post])
    }

    @Test("Offsets are into the message's text")
    func offsets() throws {
        var documents: [Document] = []
        DocumentReader().parse(Data("[15/03/2024, 10:14:33] Dana: call 617-555-0142\n".utf8), source: "_chat.txt", format: .auto,
                               document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        let message = try #require(documents.first)
        let findings = Scanner(library: shippedLibrary).check(message, scratch: MatchScratch()).result.findings
        let finding = try #require(findings.first { $0.category.rawValue == "phone" })
        #expect(finding.span?.start == 5)
        #expect(finding.span?.line == 1)
    }
}

@Suite("Platform exports")
struct PlatformExportTests {
    func read(_ text: String, source: String, format: InputFormat = .auto) -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader(options: InputOptions(format: format)).parse(Data(text.utf8), source: source, format: format,
                                                                    document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    @Test("X archive: tweets.js, replies by in_reply_to, media")
    func xArchive() {
        let js = """
            window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "11", "full_text" : "Flu shots today", "created_at" : "Mon Mar 04 10:00:00 +0000 2024",
              "extended_entities" : { "media" : [ { "media_url_https" : "https://pbs.example.com/a.jpg" } ] } } },
              { "tweet" : { "id_str" : "12", "full_text" : "@sam thanks!", "in_reply_to_status_id_str" : "9" } } ]
            """
        let (documents, errors) = read(js, source: "archive/data/tweets.js")
        #expect(errors.isEmpty)
        #expect(documents.map(\.id) == ["11", "12"])
        #expect(documents.map(\.kind) == [.post, .reply])
        #expect(documents.allSatisfy { $0.channel == "x" })
        #expect(documents[0].media.map(\.path) == ["https://pbs.example.com/a.jpg"])
    }

    @Test("Facebook: posts, attachment descriptions as alt text, UTF-8 written as escaped bytes repaired")
    func facebook() {
        let json = #"[{"timestamp": 1709546400, "data": [{"post": "Jos\u00c3\u00a9 is home"}], "attachments": [{"data": [{"media": {"uri": "photos/1.jpg", "description": "Caf\u00c3\u00a9"}}]}]}, {"timestamp": 1, "data": []}]"#
        let (documents, errors) = read(json, source: "posts/your_posts_1.json")
        #expect(errors.isEmpty)
        #expect(documents.map(\.text) == ["José is home"])
        #expect(documents.first?.media == [Media(path: "photos/1.jpg", alt: "Café")])
        #expect(documents.first?.channel == "facebook")
        #expect(PlatformExport.repairMojibake("plain é text") == "plain é text")
    }

    @Test("Instagram: caption and media")
    func instagram() {
        let json = #"[{"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": 1709546400, "title": ""}], "title": "Our new garden!"}]"#
        let (documents, _) = read(json, source: "content/posts_1.json")
        #expect(documents.map(\.text) == ["Our new garden!"])
        #expect(documents.first?.channel == "instagram")
        #expect(documents.first?.media.count == 1)
    }

    @Test("LinkedIn: Shares.csv's ShareCommentary, channel linkedin")
    func linkedin() {
        let csv = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-03-04 10:00:00,https://www.linkedin.com/x,\"Hello, world\",,,PUBLIC\n"
        let (documents, errors) = read(csv, source: "Shares.csv")
        #expect(errors.isEmpty)
        #expect(documents.map(\.text) == ["Hello, world"])
        #expect(documents.first?.channel == "linkedin")
        #expect(documents.first?.createdAt == "2024-03-04 10:00:00")
    }

    @Test("An export that is not what its name says is an error naming it")
    func malformed() {
        #expect(read("window.YTD.tweets.part0 = {", source: "tweets.js").1.first?.description == "tweets.js: not a x export (expected a JSON array of posts)")
    }
}
