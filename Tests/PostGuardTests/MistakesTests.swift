// The mistakes a new user makes in the first hour, each with the exact one line it gets: the file
// (and line) where there is one, what is wrong in the user's words, and what to do.
import Foundation
import Testing
@testable import PostGuard

struct Mistake: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var files: [String: [UInt8]] = [:]
    var folders: [String] = []
    var stdin = ""
    /// The whole of standard error; `{dir}` is the folder the command runs in.
    var expected: String
    var testDescription: String { name }
}

@Suite("Common mistakes: one line that says what to do")
struct MistakesTests {
    static let knownSettings = "name, phones, domains, addresses, staff, places, severities, disabled, fail-on, contact, accounts"

    static let mistakes: [Mistake] = [
        Mistake(name: "a mistyped command", arguments: ["chek", "drafts"], folders: ["drafts"],
                expected: "'chek' is not a command, nor a file or folder here; did you mean `postguard check`? (commands: check, baseline, consent, rules, explain, eval, serve)"),
        Mistake(name: "a word that is neither a command nor a path", arguments: ["drafts"],
                expected: "'drafts' is not a command, nor a file or folder here (commands: check, baseline, consent, rules, explain, eval, serve; to check files: postguard check PATH ...)"),
        Mistake(name: "a wrong flag", arguments: ["check", "--fromat", "json", "-"],
                expected: "Unknown option '--fromat'. Did you mean '--format'? (see `postguard check --help`)"),
        Mistake(name: "a value an option does not take", arguments: ["check", "--kind", "tweet", "-"],
                expected: "The value 'tweet' is invalid for '--kind <kind>'. Please provide one of 'post', 'reply' or 'message'. (see `postguard check --help`)"),
        // A misplaced file name is quoted back, and a name can hold identifiers: masked as a location is.
        Mistake(name: "a file name where an option's value belongs", arguments: ["check", "--kind", "Maria Lopez 123-45-6789.txt", "-"],
                expected: "The value 'M•••• L•••• •••-••-••••.txt' is invalid for '--kind <kind>'. Please provide one of 'post', 'reply' or 'message'. (see `postguard check --help`)"),
        Mistake(name: "a misspelt setting", arguments: ["check", "-"], files: ["postguard.yaml": Array("name: Riverside\nstaf: [Dana Whitfield]\n".utf8)],
                stdin: "Hello",
                expected: "postguard.yaml:2: unknown setting 'staf'; did you mean 'staff'? (known: \(knownSettings))"),
        Mistake(name: "a setting written as one value where a list is expected", arguments: ["check", "-"],
                files: ["postguard.yaml": Array("staff: Dana Whitfield\n".utf8)], stdin: "Hello",
                expected: "postguard.yaml:1: 'staff' must be a list of names in brackets, even for one, like: staff: [Dana Whitfield, Dr. Lee]"),
        Mistake(name: "a setting with a value it does not take", arguments: ["check", "-"],
                files: ["postguard.yaml": Array("severities:\n  phi.url: low\n".utf8)], stdin: "Hello",
                expected: "postguard.yaml:2: 'severities' must be rule ids, each with info, review or block ('phi.url' has 'low'), like: severities: {phi.url: info}"),
        Mistake(name: "settings that are not YAML", arguments: ["check", "-"],
                files: ["postguard.yaml": Array("staff: [Dana Whitfield\n".utf8)], stdin: "Hello",
                expected: "postguard.yaml:2: not valid YAML (did not find expected ',' or ']'); check the brackets, quotes and indentation on this line and the one before"),
        Mistake(name: "a date written the American way in front matter", arguments: ["check", "post.md"],
                files: ["post.md": Array("---\npublish_at: 12/01/2026\n---\nJoin us for the fun run.\n".utf8)],
                expected: "post.md:1: 'publish_at' must be a date like 2026-12-01"),
        Mistake(name: "a date written the American way in a consent record",
                arguments: ["consent", "add", "--db", "consent.sqlite", "--id", "C-2026-0001", "--subject", "Dana Whitfield",
                            "--purpose", "story", "--recipient", "public", "--information", "her story",
                            "--signed", "12/01/2026", "--expires", "2027-12-01"],
                expected: "consent C-2026-0001: signed date '12/01/2026' is not a date like 2026-01-15"),
        Mistake(name: "an unknown rule id", arguments: ["explain", "phi.phon"],
                expected: "no rule 'phi.phon'; did you mean phi.phone, phi.photo, phi.mrn? (see `postguard rules`)"),
        Mistake(name: "a missing file", arguments: ["check", "drafts/post.md"],
                expected: "drafts/post.md: no such file or folder (check the path; - reads standard input)"),
        Mistake(name: "a binary file", arguments: ["check", "photo.txt"], files: ["photo.txt": [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00]],
                expected: "photo.txt:1: not valid UTF-8 text (a binary file, or text saved in another encoding: save it as UTF-8, or leave it out)"),
        Mistake(name: "an empty folder", arguments: ["check", "drafts"], folders: ["drafts"],
                expected: "no documents found in drafts: not a draft or a known export"),
        Mistake(name: "eval outside the checkout", arguments: ["eval"],
                expected: "{dir}/Fixtures/identifiers: no labelled fixtures there; run `postguard eval` in a PostGuard checkout, or name the fixtures folder: --fixtures PATH/TO/Fixtures"),
    ]

    @Test("Each mistake: exit 2 and exactly one line on standard error", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in mistake.folders {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for (name, bytes) in mistake.files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let run = try runPostGuard(mistake.arguments, stdin: mistake.stdin, directory: folder)
        #expect(run.status == 2, "\(run.stdout)")
        let expected = "postguard: " + mistake.expected.replacingOccurrences(of: "{dir}", with: folder.path) + "\n"
        #expect(run.stderr == expected)
    }
}
