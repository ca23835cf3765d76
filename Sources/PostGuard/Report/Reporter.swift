// Report: verdicts become text for people, JSON for scripts, SARIF for code-scanning tools and
// GitHub annotations for CI logs. Every reporter streams: it writes each document as it arrives, so
// an audit of a large archive never holds the whole report in memory.
import Foundation

public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github
}

public struct ReportOptions: Sendable {
    /// Print matched text as it is. Off by default: reports end up in CI logs.
    public var showPHI = false
    public init(showPHI: Bool = false) { self.showPHI = showPHI }
}

/// Where a report goes: buffered, so writing many small pieces does not mean many system calls.
public final class ReportOutput {
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    public init(sink: @escaping ([UInt8]) -> Void) { self.sink = sink }

    public static func standardOutput() -> ReportOutput {
        ReportOutput { bytes in bytes.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) } }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

public protocol Reporter: AnyObject {
    func begin()
    func add(_ result: DocumentResult)
    func finish(_ summary: Summary)
}

public enum Reporters {
    public static func make(_ format: ReportFormat, output: ReportOutput, options: ReportOptions, library: RuleLibrary) -> Reporter {
        switch format {
        case .text: TextReporter(output: output, options: options, library: library)
        case .json: JSONReporter(output: output, options: options)
        case .sarif: SARIFReporter(output: output, options: options, library: library)
        case .github: GitHubReporter(output: output, options: options)
        }
    }
}

public enum Excerpt {
    /// The finding's text as a report shows it.
    public static func of(_ finding: Finding, options: ReportOptions) -> String {
        options.showPHI ? finding.matchedText : Masking.mask(finding.matchedText, category: finding.category)
    }

    /// The line a finding is on, with every finding on that line masked (unless PHI is shown), and
    /// the column where this finding's span begins in the shown line.
    static func line(of finding: Finding, in result: DocumentResult, options: ReportOptions) -> (text: String, caretStart: Int, caretWidth: Int)? {
        guard let span = finding.span else { return nil }
        return result.document.text.withUTF8Bytes { bytes in
            let line = TextPositions.lineRange(containing: span.bytes.start, in: bytes)
            let onLine = result.findings.compactMap { other -> (ByteRange, Finding)? in
                guard let s = other.span, s.bytes.start >= line.start, s.bytes.end <= line.end else { return nil }
                return (s.bytes, other)
            }.sorted { $0.0.start < $1.0.start }
            var text = "", cursor = line.start, caretStart = 0, caretWidth = 0
            for (range, other) in onLine where range.start >= cursor || range == span.bytes && caretWidth == 0 {
                guard range.start >= cursor else {
                    // Same span as a finding already shown: point at it.
                    caretStart = text.unicodeScalars.count - Excerpt.of(other, options: options).unicodeScalars.count
                    caretWidth = max(1, Excerpt.of(other, options: options).unicodeScalars.count)
                    continue
                }
                text += Detector.substring(bytes, ByteRange(cursor, range.start))
                let shown = Excerpt.of(other, options: options)
                if range == span.bytes { caretStart = text.unicodeScalars.count; caretWidth = max(1, shown.unicodeScalars.count) }
                text += shown
                cursor = range.end
            }
            text += Detector.substring(bytes, ByteRange(cursor, max(cursor, line.end)))
            if caretWidth == 0 {
                // The span crosses a line end: point at its start on its first line.
                caretStart = span.column - 1; caretWidth = 1
            }
            return (text, caretStart, caretWidth)
        }
    }
}

/// Where a document is, for people: the file, and for a record in a multi-document file its id
/// (or the line its record starts on).
func location(of document: Document) -> String {
    if let id = document.id { return "\(document.source)#\(id)" }
    if let line = document.recordLine { return "\(document.source)#line\(line)" }
    return document.source
}
