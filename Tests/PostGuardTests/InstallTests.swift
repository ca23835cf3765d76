// `scripts/install PREFIX` as a user runs it: the installed program finds its rule packs in
// PREFIX/share/postguard/Rules from wherever it is run, with nothing from the checkout around it.
import Foundation
import Testing
@testable import PostGuard

@Suite("Install")
struct InstallTests {
    /// Runs a program with no POSTGUARD_RULES and the working directory given.
    func run(_ program: String, _ arguments: [String], stdin: String, in directory: URL, path: String? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "POSTGUARD_RULES")
        environment.removeValue(forKey: "POSTGUARD_CONFIG")
        environment.removeValue(forKey: "POSTGUARD_CONSENT_DB")
        if let path { environment["PATH"] = path }
        process.environment = environment
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("The installed program runs from a folder outside the checkout and finds its rule packs")
    func installAndRunElsewhere() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix")
        let install = try run(repositoryRoot.appendingPathComponent("scripts/install").path,
                              ["--binary", postguardBinary.path, prefix.path], stdin: "", in: repositoryRoot)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/postguard").path
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/postguard/Rules/README.md").path))

        // Run by name from PATH, as a user would: argv[0] is then just "postguard".
        let elsewhere = root.appendingPathComponent("somewhere-else")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let shell = try run("/bin/sh", ["-c", "postguard check"], stdin: "Call me at 617-555-0142", in: elsewhere,
                            path: prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin")
        #expect(shell.status == 1, "\(shell.stderr)")
        #expect(shell.stdout.hasPrefix("-: BLOCK — gives a personal phone number\n"), "\(shell.stdout)")
        let rules = try run(installed, ["explain", "phi.ssn"], stdin: "", in: elsewhere)
        #expect(rules.status == 0, "\(rules.stderr)")

        // Installing again over it works (files are moved into place, not half-overwritten).
        let again = try run(repositoryRoot.appendingPathComponent("scripts/install").path,
                            ["--binary", postguardBinary.path, prefix.path], stdin: "", in: repositoryRoot)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("A program copied without its rule packs says where it looked and how to install")
    func copiedWithoutRules() throws {
        // Another install on this machine would be found; the message is only checked without one.
        guard !FileManager.default.fileExists(atPath: "/usr/local/share/postguard/Rules") else { return }
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("postguard")
        // Copied by `cp`, not in this process: a file this process has open for writing is inherited
        // by any program another test starts meanwhile, and running the copy then fails with "Text
        // file busy" (ETXTBSY; seen once in a full run, 2026-11-30).
        let copied = try run("/bin/cp", [postguardBinary.path, copy.path], stdin: "", in: root)
        #expect(copied.status == 0, "\(copied.stderr)")
        let result = try run(copy.path, ["check"], stdin: "hello", in: root)
        #expect(result.status == 2)
        let expected = root.appendingPathComponent("share/postguard/Rules").standardizedFileURL.resolvingSymlinksInPath().path
        #expect(result.stderr == "postguard: cannot find the rule packs (looked for \(expected), beside the program and in ./Rules); install with scripts/install PREFIX, or pass --rules DIR or set POSTGUARD_RULES\n",
                "\(result.stderr)")
    }
}
