// Report: verdicts become text for people, JSON for scripts, SARIF for code-scanning tools and
// GitHub annotations for CI logs. Every reporter streams: it writes each document as it arrives, so
// an audit of a large archive never holds the whole report in memory.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
import Foundation

public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, csv, html
}

public struct ReportOptions: Sendable {
    /// Print matched text as it is. Off by default: reports end up in CI logs.
    public var showPHI = false
    /// Text report: highlight spans with ANSI colour instead of carets (a terminal without NO_COLOR).
    public var colour = false
    /// Text report: rule ids, categories and every occurrence, for whoever tunes the rules.
    public var verbose = false
    /// SARIF and GitHub annotations leave `info` findings out unless asked: code-scanning tools and
    /// CI logs show everything they are given as something to act on.
    public var includeInfo = false
    /// What fingerprints' file locators are relative to (see `Fingerprint.defaultBase`).
    public var fingerprintBase = Fingerprint.defaultBase
    /// The paths the run was asked to check, for the reports that say what was checked (HTML).
    public var checkedPaths: [String] = []
    public init(showPHI: Bool = false, colour: Bool = false, verbose: Bool = false, includeInfo: Bool = false) {
        self.showPHI = showPHI; self.colour = colour; self.verbose = verbose; self.includeInfo = includeInfo
    }
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

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Bytes as they are (a piece of a file may end inside a character).
    public func write(bytes: Data) {
        buffer.append(contentsOf: bytes)
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
        case .csv: CSVReporter(output: output, options: options)
        case .html: HTMLReporter(output: output, options: options)
        }
    }
}

public enum Excerpt {
    /// The finding's text as a report shows it. An identifier is masked by its category. A policy
    /// finding quotes the document ("patient Lucia Ferreira says"): every identifier inside it is
    /// masked as its own finding would be, and its digits too.
    /// For one finding; a report writing every finding of a document uses `Excerpts`, which finds
    /// the findings inside each one without asking them all.
    public static func of(_ finding: Finding, in result: DocumentResult, options: ReportOptions) -> String {
        Excerpts(result, options: options).of(finding)
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
        let shown = render(range, in: bytes, findings: findings, marks: mark.map { [$0] } ?? [])
        return (shown.text, mark.flatMap { shown.column[$0.start] } ?? 0, mark.flatMap { shown.column[$0.end] } ?? 0)
    }

    /// As above, with any number of marks; `column` gives, for each mark boundary (a byte offset),
    /// its place in the shown text in characters, so several spans on one line can be highlighted.
    static func render(_ range: ByteRange, in bytes: UnsafeBufferPointer<UInt8>, findings: [Finding], marks: [ByteRange])
        -> (text: String, column: [Int: Int]) {
        let spans = findings.compactMap { finding -> (ByteRange, Category)? in
            guard let s = finding.span?.bytes, s.start < range.end, s.end > range.start, !s.isEmpty else { return nil }
            return (s, finding.category)
        }
        var cuts = Set([range.start, range.end])
        for (s, _) in spans { cuts.insert(max(range.start, s.start)); cuts.insert(min(range.end, s.end)) }
        for mark in marks { cuts.insert(mark.start); cuts.insert(mark.end) }
        let points = cuts.filter { $0 >= range.start && $0 <= range.end }.sorted()
        var text = "", count = 0, column: [Int: Int] = [:]
        // The pieces go left to right, so the spans covering each are found in one sweep, not by
        // asking every span for every piece (a line of 10,000 phone numbers would cost 10^8).
        var sweep = SpanSweep(spans.enumerated().map { (range: $0.element.0, value: ($0.offset, $0.element.1)) })
        var photoShown: ByteRange?, photoColumn = 0
        WorkMeter.current?.count(findings.count + points.count + range.end - range.start)
        for (index, start) in points.enumerated() {
            column[start] = count
            guard index + 1 < points.count else { break }
            let piece = ByteRange(start, points[index + 1])
            let raw = ByteText.substring(bytes, piece)
            // In the findings' own order, so which masking wins does not depend on the sweep.
            let covering = sweep.overlapping(piece).filter { $0.range.start <= piece.start && $0.range.end >= piece.end }
                .sorted { $0.value.0 < $1.value.0 }.map { ($0.range, $0.value.1) }
            let shown: String
            // An identifier's own masking wins over a quasi-identifier's around it.
            if let photo = covering.first(where: { $0.1 == .photo }) {
                // A photo is shown as one word however many findings cut its description into pieces.
                // A mark inside the description points at the word's start.
                if photoShown == photo.0 { column[start] = photoColumn; continue }
                photoShown = photo.0
                photoColumn = count
                shown = Masking.mask(ByteText.substring(bytes, ByteRange(max(range.start, photo.0.start), min(range.end, photo.0.end))), category: .photo)
            } else if let identifier = covering.first(where: { $0.1.isIdentifier }) ?? covering.first(where: { $0.1.isPersonal }) {
                photoShown = nil
                shown = Masking.mask(raw, category: identifier.1)
            } else if let policy = covering.first {
                photoShown = nil
                shown = Masking.mask(raw, category: covering.contains { $0.1 == .locationDetail } ? .locationDetail : policy.1)
            } else {
                photoShown = nil
                shown = raw
            }
            let printable = Printable.escaped(shown)
            text += printable
            count += printable.unicodeScalars.count
        }
        return (text, column)
    }
}

/// The excerpts of one document's findings. A policy finding's excerpt masks every finding inside
/// it: those are found by a binary search over the spans sorted by start, so a report of a document
/// with many findings costs their number, not its square.
final class Excerpts {
    let result: DocumentResult
    let options: ReportOptions
    private lazy var everything = result.findings + result.suppressed
    /// Spans by start, with each one's index in `everything`, and the furthest end up to each.
    private lazy var sorted: [(range: ByteRange, order: Int)] = everything.enumerated()
        .compactMap { index, finding in finding.span.map { (range: $0.bytes, order: index) } }
        .sorted { ($0.range.start, $0.order) < ($1.range.start, $1.order) }
    private lazy var furthestEnd: [Int] = {
        var furthest = Int.min
        return sorted.map { furthest = max(furthest, $0.range.end); return furthest }
    }()

    init(_ result: DocumentResult, options: ReportOptions) { self.result = result; self.options = options }

    func of(_ finding: Finding) -> String {
        if options.showPHI { return finding.matchedText }
        if finding.category.isPersonal || finding.has(.suggestion) {
            return Masking.mask(finding.matchedText, category: finding.category)
        }
        guard let span = finding.span else { return Masking.maskAlphanumerics(finding.matchedText) }
        let inside = overlapping(span.bytes)
        return result.document.text.withUTF8Bytes { bytes in
            Excerpt.render(span.bytes, in: bytes, findings: inside, mark: nil).text
        }
    }

    /// The findings whose spans overlap `range`, in their own order.
    private func overlapping(_ range: ByteRange) -> [Finding] {
        // The first span starting at or after the range's end; every overlapping one is before it.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].range.start < range.end { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        var index = low - 1
        while index >= 0, furthestEnd[index] > range.start {
            if sorted[index].range.end > range.start { found.append(sorted[index].order) }
            index -= 1
        }
        WorkMeter.current?.count(low - index + 1)
        return found.sorted().map { everything[$0] }
    }
}

/// Spans sorted by start, answering "which overlap this range" for ranges asked left to right in
/// time proportional to the answer: a span is taken in once, when the ranges reach its start, and let
/// go once they pass its end. What keeps a report linear in a document's findings.
struct SpanSweep<Value> {
    private let items: [(range: ByteRange, value: Value)]
    private var next = 0
    private var active: [(range: ByteRange, value: Value)] = []

    init(_ items: [(range: ByteRange, value: Value)]) {
        // Stable: spans starting together keep their order.
        self.items = items.enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
    }

    /// The spans overlapping `range` (an empty range: those around its offset). Each range must
    /// start at or after the one asked before.
    mutating func overlapping(_ range: ByteRange) -> [(range: ByteRange, value: Value)] {
        let end = max(range.end, range.start + 1)
        while next < items.count, items[next].range.start < end {
            active.append(items[next])
            next += 1
        }
        active.removeAll { $0.range.end <= range.start && !($0.range.isEmpty && $0.range.start == range.start) }
        WorkMeter.current?.count(active.count + 1)
        return active.filter { $0.range.start < end && ($0.range.end > range.start || ($0.range.isEmpty && $0.range.start == range.start)) }
    }
}

/// Where a document is, for people: the file, and for a record in a multi-document file its id
/// (or the line its record starts on).
package func location(of document: Document) -> String {
    Printable.escaped(document.locator.map { "\(document.source)#\($0)" } ?? document.source)
}

/// Text from a document or a file name, made safe to print: a carriage return or an escape sequence
/// in a draft could otherwise rewrite what the user sees on their terminal ("PASS" over "BLOCK").
/// Each control character becomes its visible Unicode picture (ESC → ␛, CR → ␍), one character for
/// one, so columns and carets stay aligned. Tabs stay tabs.
enum Printable {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.append(scalar); continue }
            switch scalar.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append("\u{FFFD}")   // C1 controls (CSI is 0x9B) and bidirectional overrides
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional overrides and isolates reorder what is shown ("Trojan Source").
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// The counts a text report ends with, after its verdict line: findings by category (biggest first),
/// documents by channel with their verdicts, and what a baseline or ignore file accepted.
package enum SummaryLines {
    package static func breakdown(_ summary: Summary) -> [String] {
        var lines: [String] = []
        if !summary.categories.isEmpty {
            lines.append("by category: " + Summary.ranked(summary.categories).map { "\($0.key) \($0.count)" }.joined(separator: ", "))
        }
        if !summary.channels.isEmpty {
            let channels = Summary.ranked(summary.channels.mapValues(\.documents)).map { entry -> String in
                let counts = summary.channels[entry.key]!
                return "\(entry.key) \(counts.documents) (\(counts.pass) pass, \(counts.review) review, \(counts.block) block)"
            }
            lines.append("by channel: " + channels.joined(separator: ", "))
        }
        if summary.accepted > 0 {
            lines.append("accepted: \(summary.accepted) finding\(summary.accepted == 1 ? "" : "s") in the baseline or ignore file, not reported")
        }
        return lines
    }
}
