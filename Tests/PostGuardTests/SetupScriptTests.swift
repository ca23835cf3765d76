// scripts/setup as a user without root meets it: nothing installed when everything is there, only
// what the command needs, and the one apt-get line when something is missing and cannot be
// installed. The machine is simulated by stand-ins on PATH (id, dpkg-query, python3, sudo, apt-get),
// so the test never installs anything.
import Foundation
import Testing

@Suite("scripts/setup")
struct SetupScriptTests {
    /// Runs scripts/setup as uid 1000 without usable sudo; `missing` are the packages dpkg lacks.
    func setup(_ purpose: String, missing: [String], jsonschema: Bool) throws -> (status: Int32, stderr: String, aptRan: Bool) {
        let bin = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bin) }
        let marker = bin.appendingPathComponent("apt-get-ran")
        let stubs = [
            "id": "echo 1000",
            "dpkg-query": "case \" \(missing.joined(separator: " ")) \" in *\" ${@: -1} \"*) exit 1 ;; esac; echo 'install ok installed'",
            "python3": jsonschema ? "exit 0" : "exit 1",
            "sudo": "exit 1",
            "apt-get": "touch '\(marker.path)'",
            "swift": "exit 0",
            "pkg-config": "exit 0",
        ]
        for (name, body) in stubs where !missing.contains(name) {
            let file = bin.appendingPathComponent(name)
            try Data("#!/bin/bash\n\(body)\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repositoryRoot.appendingPathComponent("scripts/setup").path, purpose]
        // Only the stand-ins and the shell's basic tools (grep, test): no real apt-get or sudo.
        let tools = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tools) }
        for tool in ["grep", "env"] {
            if let path = ["/usr/bin/\(tool)", "/bin/\(tool)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                try FileManager.default.createSymbolicLink(atPath: tools.appendingPathComponent(tool).path, withDestinationPath: path)
            }
        }
        process.environment = ["PATH": "\(bin.path):\(tools.path)"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr, FileManager.default.fileExists(atPath: marker.path))
    }

    @Test("Everything present: nothing installed, nothing asked of root")
    func everythingPresent() throws {
        let run = try setup("test", missing: [], jsonschema: true)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(!run.aptRan)
    }

    @Test("Only what the command needs: building does not need the SARIF test's jsonschema")
    func onlyWhatIsNeeded() throws {
        let run = try setup("build", missing: ["python3-jsonschema"], jsonschema: false)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.aptRan)
    }

    @Test("Missing and no way to install: the one apt-get line to run, exit 2")
    func missingWithoutRoot() throws {
        let run = try setup("test", missing: ["pkg-config"], jsonschema: false)
        #expect(run.status == 2)
        #expect(run.stderr == """
            setup: missing pkg-config python3-jsonschema, and installing needs root; ask an administrator to run:
                sudo apt-get install -y pkg-config python3-jsonschema

            """)
        #expect(!run.aptRan)
    }
}
