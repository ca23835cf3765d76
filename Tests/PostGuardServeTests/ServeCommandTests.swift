// `postguard serve` as the real binary: it says where it listens, answers, warns off loopback and
// stops cleanly on SIGTERM; bad options are exit 2.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

let postguardBinary: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("postguard")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/postguard")
}()

/// A running `postguard serve`, its standard error read line by line.
final class ServeProcess: @unchecked Sendable {
    // @unchecked: `lines` is written by the pipe's reader and read under `lock`.
    let process = Process()
    private let lock = NSLock()
    private var lines: [String] = []

    init(_ arguments: [String]) throws {
        process.executableURL = postguardBinary
        process.arguments = ["serve", "--rules", rulesFolder] + arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = try temporaryFolder()
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            guard let self, !text.isEmpty else { return }
            self.lock.lock(); self.lines += text.split(separator: "\n").map(String.init); self.lock.unlock()
        }
        try process.run()
    }

    var stderr: [String] { lock.lock(); defer { lock.unlock() }; return lines }

    /// The port from "serving the staff page at http://HOST:PORT/", waiting up to 60 s for it.
    func port() throws -> Int {
        for _ in 0..<1200 {
            if let line = stderr.first(where: { $0.contains("serving the staff page at http://") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) }) { return port }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DriverError(description: "serve did not start: \(stderr)")
    }

    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

func fetch(_ url: String, body: String? = nil) async throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: url)!)
    if let body {
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

@Suite("postguard serve: the command")
struct ServeCommandTests {
    @Test("serve listens on loopback, answers the page and the API, and stops on SIGTERM")
    func servesAndStops() async throws {
        let server = try ServeProcess(["--port", "0"])
        let port = try server.port()
        #expect(server.stderr.contains { $0.contains("http://127.0.0.1:\(port)/") })
        let page = try await fetch("http://127.0.0.1:\(port)/")
        #expect(page.status == 200 && page.body.contains("Check a draft"))
        let check = try await fetch("http://127.0.0.1:\(port)/api/check", body: #"{"text": "Call me at 617-555-0142"}"#)
        #expect(check.status == 200 && check.body.contains(#""verdict":"block""#))
        #expect(server.stop() == 0)
        // Nothing sent is logged.
        #expect(!server.stderr.joined().contains("617"))
        #expect(!server.stderr.contains { $0.contains("warning") })
    }

    @Test("Listening beyond loopback says there is no authentication")
    func warnsOffLoopback() throws {
        let server = try ServeProcess(["--host", "0.0.0.0", "--port", "0"])
        _ = try server.port()
        #expect(server.stderr.contains { $0.contains("warning: listening on 0.0.0.0, not loopback: the page has no authentication") })
        #expect(server.stop() == 0)
    }

    @Test("A port out of range is a usage error, exit 2")
    func badPort() throws {
        let server = try ServeProcess(["--port", "70000"])
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 2)
    }
}
