// Regressions for the input stage's review: the format decided once per file, one byte-order-mark
// rule on every path, one platform-channel rule, one list rule (names split on `;` only).
import Foundation
import Testing
import ZIPFoundation
@testable import PostGuard

@Suite("Input, one decision per file")
struct InputRegressionTests {
    func parse(_ data: Data, source: String, options: InputOptions = InputOptions()) -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader(options: options).parse(data, source: source, format: options.format,
                                               document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    func readFile(_ name: String, _ data: Data, options: InputOptions = InputOptions()) throws -> ([Document], [InputError]) {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader(options: options).read(paths: [file.path], document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    func bom(_ text: String) -> Data { Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8) }

    @Test("--input-format text is obeyed: a first line that looks like a chat does not make it WhatsApp")
    func forcedFormatIsFinal() throws {
        let chat = Data("[15/03/2024, 10:14:33] Dana: call Maria at 617-555-0142\n".utf8)
        let (documents, errors) = try readFile("notes.txt", chat, options: InputOptions(format: .text))
        #expect(errors.isEmpty)
        #expect(documents.map(\.kind) == [.post])
        #expect(documents.first?.text == String(decoding: chat, as: UTF8.self))
        // Left to detection, the same file is a chat.
        #expect(try readFile("notes.txt", chat).0.map(\.kind) == [.message])
    }

    @Test("A name that says a format wins over content that says another")
    func nameThenContent() throws {
        let record = Data("{\"text\": \"Call 617-555-0142\"}\n".utf8)
        #expect(InputFormat.detect(name: "notes.txt", head: record) == .text)
        #expect(InputFormat.detect(name: "-", head: record) == .jsonl)
        #expect(InputFormat.detect(name: "posts.md", head: Data("[15/03/2024, 10:14:33] Dana: hi".utf8)) == .markdown)
        #expect(InputFormat.detect(name: "_chat.txt", head: Data("Just text".utf8)) == .whatsapp)
        #expect(try readFile("notes.txt", record).0.map(\.text) == [String(decoding: record, as: UTF8.self)])
    }

    @Test("A byte-order mark is dropped before detection and on every path", arguments: [false, true])
    func byteOrderMark(fromFile: Bool) throws {
        func read(_ name: String, _ text: String) throws -> ([Document], [InputError]) {
            fromFile ? try readFile(name, bom(text)) : parse(bom(text), source: name)
        }
        // Unnamed JSONL: the first record is found by content, after the mark.
        let jsonl = try read("-", "{\"id\": \"r1\", \"text\": \"hi\"}\n")
        #expect(jsonl.1.isEmpty)
        #expect(jsonl.0.map(\.id) == ["r1"])
        let named = try read("a.jsonl", "{\"id\": \"r1\", \"text\": \"hi\"}\n")
        #expect(named.0.map(\.recordLine) == [1])
        // Text: front matter is found, and the mark is not part of the text.
        let text = try read("a.md", "---\nkind: reply\n---\nThanks!\n")
        #expect(text.0.map(\.kind) == [.reply])
        #expect(text.0.first?.text.hasPrefix("---") == true)
        // CSV: the header's first column matches.
        let csv = try read("a.csv", "text,id\nhello,a1\n")
        #expect(csv.0.map(\.id) == ["a1"])
        // WhatsApp, by name and by first line: the first message keeps its sender.
        for name in ["_chat.txt", "notes.txt"] {
            let chat = try read(name, "[15/03/2024, 10:14:33] Dana: hi\n")
            #expect(chat.0.map(\.author) == ["Dana"])
        }
        // A platform export.
        let x = try read("tweets.js", "window.YTD.tweets.part0 = [{\"tweet\": {\"id_str\": \"1\", \"full_text\": \"hi\"}}]")
        #expect(x.0.map(\.id) == ["1"])
    }

    @Test("A platform's export is on that platform whatever --channel says; other documents take --channel")
    func platformChannel() throws {
        let options = InputOptions(channel: "facebook")
        #expect(parse(Data("[15/03/2024, 10:14:33] Dana: hi\n".utf8), source: "_chat.txt", options: options).0.map(\.channel) == ["whatsapp"])
        #expect(parse(Data("[{\"tweet\": {\"full_text\": \"hi\"}}]".utf8), source: "tweets.js", options: options).0.map(\.channel) == ["x"])
        #expect(parse(Data("Date,ShareCommentary\n2024-03-04,hi\n".utf8), source: "Shares.csv", options: options).0.map(\.channel) == ["linkedin"])
        #expect(parse(Data("Hello".utf8), source: "a.txt", options: options).0.map(\.channel) == ["facebook"])
    }

    @Test("A .zip is an archive whatever --input-format says; its entries are recognised by name")
    func forcedFormatZip() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("WhatsApp Chat - Ward 7.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let chat = Data("[15/03/2024, 10:14:33] Dana: hi\n".utf8)
        try archive.addEntry(with: "_chat.txt", type: .file, uncompressedSize: Int64(chat.count)) { position, size in
            chat.subdata(in: Int(position)..<Int(position) + size)
        }
        var documents: [Document] = []
        DocumentReader(options: InputOptions(format: .whatsapp)).read(paths: [url.path], document: { documents.append($0) },
                                                                      failure: { Issue.record("\($0)") })
        #expect(documents.map(\.author) == ["Dana"])
    }
}

@Suite("Lists: one rule")
struct ListRuleTests {
    @Test("Values split on ';' when there is one, else ','; names on ';' only")
    func rule() {
        #expect(ListItems.split("facebook, Instagram") == ["facebook", "Instagram"])
        #expect(ListItems.split("C-1; C-2") == ["C-1", "C-2"])
        #expect(ListItems.split("a, b; c") == ["a, b", "c"])
        #expect(ListItems.split(nil) == [])
        #expect(ListItems.split("López, María", .names) == ["López, María"])
        #expect(ListItems.split("López, María; @mlopez", .names) == ["López, María", "@mlopez"])
    }

    @Test("A consent string in JSONL or front matter is a list like a CSV cell")
    func consentString() {
        var documents: [Document] = []
        DocumentReader().parse(Data("{\"text\": \"hi\", \"consent\": \"C-1; C-2\"}\n".utf8), source: "a.jsonl", format: .auto,
                               document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        DocumentReader().parse(Data("---\nconsent: C-3, C-4\n---\nhi\n".utf8), source: "a.md", format: .auto,
                               document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        #expect(documents.map(\.consent) == [["C-1", "C-2"], ["C-3", "C-4"]])
    }

    @Test("consent add --aliases \"López, María\" keeps one alias, through export and import too")
    func aliasesThroughTheCommands() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        let add = try runPostGuard(["consent", "add", "--db", db, "--id", "C-1", "--subject", "María López", "--purpose", "Story",
                                    "--recipient", "Public", "--information", "Name", "--signed", "2026-01-15", "--expires", "2027-01-15",
                                    "--aliases", "López, María; @mlopez", "--channels", "facebook, instagram"])
        #expect(add.status == 0, "\(add.stderr)")
        let record = try #require(try ConsentRegistry(path: db).record(id: "C-1"))
        #expect(record.aliases == ["López, María", "@mlopez"])
        #expect(record.channels == ["facebook", "instagram"])
        let exported = try runPostGuard(["consent", "export", "--db", db])
        let csv = folder.appendingPathComponent("consent.csv")
        try Data(exported.stdout.utf8).write(to: csv)
        let otherDB = folder.appendingPathComponent("other.sqlite").path
        let imported = try runPostGuard(["consent", "import", "--db", otherDB, csv.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try ConsentRegistry(path: otherDB).record(id: "C-1")?.aliases == ["López, María", "@mlopez"])
    }
}
