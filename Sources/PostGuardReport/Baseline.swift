// Report: accepting known findings, gitleaks' way. Each finding has a fingerprint that stays the same
// from run to run — its rule, the document it is in, and a hash of its normalised matched text
// (never the text: a baseline is committed to the repository and must hold no patient information).
// A baseline file lists the fingerprints of one run, so CI fails only on findings added since; an
// ignore file lists fingerprints accepted for good, each with the reason someone gave.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
import Crypto
import Foundation

public enum Fingerprint {
    /// `rule:locator:hash`, readable enough to see what is accepted (`phi.phone:drafts/a.md:9f86d081884c7d65`).
    /// The locator is the document's file (relative to `base`, the repository root, when under it) and
    /// its record id or line; positions inside the document are left out, so editing another line of
    /// a draft keeps every other finding's fingerprint, and CI running from any folder of the
    /// repository gets the same ones. Two findings of one rule on the same text in one document share
    /// a fingerprint; a baseline counts how many it accepts.
    public static func of(_ finding: Finding, in document: Document, base: String = Fingerprint.defaultBase) -> String {
        of(finding, locator: locator(of: document, base: base))
    }

    public static func of(_ finding: Finding, locator: String) -> String {
        "\(finding.rule):\(locator):\(hash(normalised(finding.matchedText)))"
    }

    /// What file locators are relative to: the root of the repository the working directory is in
    /// (the folder holding `.git`), else the working directory.
    public static var defaultBase: String { base(from: FileManager.default.currentDirectoryPath) }

    public static func base(from workingDirectory: String) -> String {
        var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return URL(fileURLWithPath: workingDirectory).standardizedFileURL.path }
            folder = parent
        }
    }

    /// The matched text as the hash sees it: compatibility-normalised, case-folded, white space
    /// collapsed, so re-wrapping a line or a curly apostrophe does not make an accepted finding new.
    static func normalised(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The first 64 bits of SHA-256, in hex: enough to tell findings of one document apart.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// The document's place with spaces and `%` percent-encoded, so a fingerprint is one word of an
    /// ignore file's line.
    public static func locator(of document: Document, base: String) -> String {
        var path = document.source
        if path != "-" {
            var standard = URL(fileURLWithPath: path).standardizedFileURL.path
            if standard.hasPrefix(base + "/") { standard.removeFirst(base.count + 1) }
            path = standard
        }
        var place = path
        if let id = document.id { place += "#\(id)" } else if let line = document.recordLine { place += "#line\(line)" }
        return place.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")
            .replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }
}

/// Why a baseline or ignore file cannot be used: one line naming the file (and line), exit status 2.
public struct AcceptanceError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The findings a run accepts: a baseline's (each fingerprint as many times as it was written) and an
/// ignore file's (every occurrence). Accepted findings are taken out of the result before its verdict,
/// so they neither count for the exit status nor show in reports, and they stay masked.
public struct AcceptedFindings: Sendable {
    public var baseline: [String: Int] = [:]
    public var ignored: [String: String] = [:]
    /// What fingerprints' file locators are relative to (see `Fingerprint.defaultBase`).
    public var base = Fingerprint.defaultBase

    public init() {}

    public var isEmpty: Bool { baseline.isEmpty && ignored.isEmpty }

    /// `result` without its accepted findings, and how many were taken out.
    /// `locatedAs`: the document as reports name it (identifiers in its file name and id masked),
    /// which is what fingerprints are made of, so a baseline written without --show-phi holds no
    /// identifier and matches with or without it.
    public func apply(to result: DocumentResult, locatedAs located: Document? = nil) -> (result: DocumentResult, accepted: Int) {
        guard !isEmpty else { return (result, 0) }
        var remaining = baseline
        let locator = Fingerprint.locator(of: located ?? result.document, base: base)
        var kept: [Finding] = [], accepted: [Finding] = []
        for finding in result.findings {
            let print = Fingerprint.of(finding, locator: locator)
            if ignored[print] != nil {
                accepted.append(finding)
            } else if let count = remaining[print], count > 0 {
                remaining[print] = count - 1
                accepted.append(finding)
            } else {
                kept.append(finding)
            }
        }
        guard !accepted.isEmpty else { return (result, 0) }
        var filtered = DocumentResult(document: result.document, findings: kept)
        filtered.suppressed = result.suppressed + accepted
        // A suggested safe version answers the findings that made the verdict; with none left it has
        // nothing to answer.
        if filtered.verdict == .pass { filtered.findings.removeAll { $0.has(.suggestion) } }
        return (filtered, accepted.count)
    }
}

/// The baseline file: JSON, one finding a line, sorted, so it diffs well when it is written again.
/// It holds fingerprints, rules, severities and positions; no matched text.
public enum BaselineFile {
    public static let format = "postguard-baseline/1"

    struct Entry: Codable, Equatable {
        var fingerprint: String
        var rule: String
        var severity: String
        var line: Int?
    }

    struct Contents: Codable {
        var format: String
        var findings: [Entry]
    }

    /// Fingerprints with the number of times each is accepted.
    public static func read(path: String) throws(AcceptanceError) -> [String: Int] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw AcceptanceError("\(path): cannot read the baseline (\(FileManager.default.fileExists(atPath: path) ? "unreadable" : "no such file"))")
        }
        let contents: Contents
        do { contents = try JSONDecoder().decode(Contents.self, from: data) } catch {
            throw AcceptanceError("\(path): not a PostGuard baseline (write one with `postguard baseline write \(path) PATH...`)")
        }
        guard contents.format == format else {
            throw AcceptanceError("\(path): baseline format '\(contents.format)' is not \(format)")
        }
        var counts: [String: Int] = [:]
        for entry in contents.findings { counts[entry.fingerprint, default: 0] += 1 }
        return counts
    }
}

/// Collects a run's fingerprints and writes them as a baseline when the run is over.
public final class BaselineWriter: Reporter {
    private var entries: [BaselineFile.Entry] = []
    private let base: String
    public private(set) var findings = 0

    public init(base: String = Fingerprint.defaultBase) {
        self.base = base
    }

    public func begin() {}

    public func add(_ result: DocumentResult) {
        let locator = Fingerprint.locator(of: result.document, base: base)
        for finding in result.findings {
            entries.append(.init(fingerprint: Fingerprint.of(finding, locator: locator),
                                 rule: finding.rule, severity: finding.severity.rawValue, line: finding.span?.line))
        }
    }

    public func finish(_ summary: Summary) { findings = entries.count }

    /// Writes the baseline to `path` atomically (a new file renamed over the old one).
    public func write(to path: String) throws(AcceptanceError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sorted = entries.sorted { ($0.fingerprint, $0.line ?? 0) < ($1.fingerprint, $1.line ?? 0) }
        var text = "{\"format\":\"\(BaselineFile.format)\",\"findings\":["
        for (index, entry) in sorted.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + String(decoding: try! encoder.encode(entry), as: UTF8.self)
        }
        text += "\n]}\n"
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw AcceptanceError("\(path): cannot write the baseline (\(error.localizedDescription))")
        }
    }
}

/// `.postguardignore`: one accepted finding a line, its fingerprint then the reason it is accepted
/// (`phi.phone:drafts/a.md:9f86d081884c7d65 our switchboard, printed on every flyer`). `#` starts a
/// comment line. A line without a reason is an error: an accepted finding nobody can explain later is
/// how real disclosures get waved through.
public enum IgnoreFile {
    public static let name = ".postguardignore"

    public static func parse(_ text: String, path: String) throws(AcceptanceError) -> [String: String] {
        var ignored: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            let fingerprint = String(parts[0])
            guard fingerprint.split(separator: ":").count >= 3 else {
                throw AcceptanceError("\(path):\(index + 1): not a fingerprint (rule:document:hash, as `--format csv` or SARIF prints it)")
            }
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            guard !reason.isEmpty else {
                throw AcceptanceError("\(path):\(index + 1): a reason is required after the fingerprint")
            }
            ignored[fingerprint] = reason
        }
        return ignored
    }

    public static func read(path: String) throws(AcceptanceError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw AcceptanceError("\(path): cannot read the ignore file") }
        guard let text = String(data: data, encoding: .utf8) else { throw AcceptanceError("\(path): not UTF-8") }
        return try parse(text, path: path)
    }
}
