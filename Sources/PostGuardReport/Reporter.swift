// Report: verdicts become text for people, JSON for scripts, SARIF for code-scanning tools and
// GitHub annotations for CI logs. Every reporter streams: it writes each document as it arrives, so
// an audit of a large archive never holds the whole report in memory.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
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
    public static func make(_ format: ReportFormat, output: ReportOutput, options: ReportOptions) -> Reporter {
        switch format {
        case .text: TextReporter(output: output, options: options)
        case .json: JSONReporter(output: output, options: options)
        case .sarif: SARIFReporter(output: output, options: options)
        case .github: GitHubReporter(output: output, options: options)
        }
    }
}

public enum Excerpt {
    /// The finding's text as a report shows it. An identifier is masked by its category. A policy
    /// finding quotes the document ("patient Lucia Ferreira says"): every identifier inside it is
    /// masked as its own finding would be, and its digits too.
    public static func of(_ finding: Finding, in result: DocumentResult, options: ReportOptions) -> String {
        if options.showPHI { return finding.matchedText }
        if finding.category.isPersonal || finding.has(.suggestion) {
            return Masking.mask(finding.matchedText, category: finding.category)
        }
        guard let span = finding.span else { return Masking.maskAlphanumerics(finding.matchedText) }
        return result.document.text.withUTF8Bytes { bytes in
            render(span.bytes, in: bytes, findings: result.findings + result.suppressed, mark: nil).text
        }
    }

    /// The line a finding starts on, masked, with the caret's start and width in shown characters.
    static func line(of finding: Finding, in result: DocumentResult, options: ReportOptions) -> (text: String, caretStart: Int, caretWidth: Int)? {
        guard let span = finding.span else { return nil }
        return result.document.text.withUTF8Bytes { bytes in
            let line = TextPositions.lineRange(containing: span.bytes.start, in: bytes)
            let mark = ByteRange(span.bytes.start, max(span.bytes.start, min(span.bytes.end, line.end)))
            let rendered = options.showPHI
                ? render(line, in: bytes, findings: [], mark: mark)
                : render(line, in: bytes, findings: result.findings + result.suppressed, mark: mark)
            return (rendered.text, rendered.markStart, max(1, rendered.markEnd - rendered.markStart))
        }
    }

    /// `bytes[range]` with every identifier finding masked by its category and digits masked where
    /// only policy findings lie. Pieces are cut at every finding boundary, so overlapping findings
    /// and spans crossing the range's edges are masked too. `mark` is located in the shown text.
    static func render(_ range: ByteRange, in bytes: UnsafeBufferPointer<UInt8>, findings: [Finding], mark: ByteRange?)
        -> (text: String, markStart: Int, markEnd: Int) {
        let spans = findings.compactMap { finding -> (ByteRange, Category)? in
            guard let s = finding.span?.bytes, s.start < range.end, s.end > range.start, !s.isEmpty else { return nil }
            return (s, finding.category)
        }
        var cuts = Set([range.start, range.end])
        for (s, _) in spans { cuts.insert(max(range.start, s.start)); cuts.insert(min(range.end, s.end)) }
        if let mark { cuts.insert(mark.start); cuts.insert(mark.end) }
        let points = cuts.filter { $0 >= range.start && $0 <= range.end }.sorted()
        var text = "", count = 0, markStart = 0, markEnd = 0
        for (index, start) in points.enumerated() {
            if start == mark?.start { markStart = count }
            if start == mark?.end { markEnd = count }
            guard index + 1 < points.count else { break }
            let piece = ByteRange(start, points[index + 1])
            let raw = ByteText.substring(bytes, piece)
            let covering = spans.filter { $0.0.start <= piece.start && $0.0.end >= piece.end }
            let shown: String
            if let identifier = covering.first(where: { $0.1.isPersonal }) {
                shown = Masking.mask(raw, category: identifier.1)
            } else if !covering.isEmpty {
                shown = Masking.maskDigits(raw)
            } else {
                shown = raw
            }
            text += shown
            count += shown.unicodeScalars.count
        }
        return (text, markStart, markEnd)
    }
}

/// Where a document is, for people: the file, and for a record in a multi-document file its id
/// (or the line its record starts on).
func location(of document: Document) -> String {
    document.locator.map { "\(document.source)#\($0)" } ?? document.source
}
