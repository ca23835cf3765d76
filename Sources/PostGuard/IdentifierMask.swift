// Masks identifiers in what reaches a report from outside a document's text: the file name, the
// record id, the channel and consent ids (and the policy messages that quote them), and error lines.
// A file named "Maria Lopez 123-45-6789.txt" or a JSONL id "123-45-6789" would otherwise print the
// identifier in every format, CI logs included. The same rules that scan documents find them, and
// each one is masked as an excerpt of its category is; the rest of the string stays as written, so
// a path keeps its folders and extension and a record can still be found (or use --show-phi).
import Foundation
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardDetectors
import PostGuardVerdict
import PostGuardReport

public final class IdentifierMask: @unchecked Sendable {
    // @unchecked: the scratch and the cache are only touched under `lock`.
    private let detector: Detector
    private let scratch = MatchScratch()
    private let lock = NSLock()
    /// A file's name repeats for each of its records, a channel and a message for many documents:
    /// each distinct string is scanned once (the cache is emptied when it grows, so memory stays bounded).
    private var cache: [String: String] = [:]

    /// The detector this mask was made for (`Detector.identity`).
    private let source: AnyObject

    /// Only the identifier rules run (a file name's health words are not masked, and the lexicon is
    /// most of a scan's cost on a short string).
    public init(detector: Detector) {
        self.source = detector.identity
        self.detector = IdentifierMask.identifierDetector(for: detector)
    }

    /// The identifier rules' detector for `detector`, kept for the last detector asked about: a
    /// check makes two masks of its detector (the paths it prints, the names in its reports), and
    /// each made its own scan plan of the identifier rules. One slot, so a process that makes many
    /// detectors (the tests, the staff page's settings) keeps no more than one.
    private static func identifierDetector(for detector: Detector) -> Detector {
        lastLock.lock()
        defer { lastLock.unlock() }
        if let last, last.source === detector.identity { return last.detector }
        let made = Detector(library: detector.library.keeping { $0.rule.category.isIdentifier },
                            names: detector.names, places: detector.places, nameTagger: detector.nameTagger)
        last = (detector.identity, made)
        return made
    }
    private static let lastLock = NSLock()
    // nonisolated(unsafe): read and written only under `lastLock`.
    nonisolated(unsafe) private static var last: (source: AnyObject, detector: Detector)?

    /// Whether this mask was made for `detector` (or a copy of it).
    func scans(_ detector: Detector) -> Bool { source === detector.identity }

    /// `text` with every identifier the rules find in it masked.
    public func callAsFunction(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[text] { return known }
        let found = detector.detect(Document(source: "", text: text), scratch: scratch).findings
        let spans = found.compactMap { finding -> (range: ByteRange, category: Category)? in
            guard finding.category.isIdentifier, let span = finding.span, !span.bytes.isEmpty else { return nil }
            return (span.bytes, finding.category)
        }
        let shown = Masking.masked(text, spans: spans)
        if cache.count >= 4096 { cache.removeAll(keepingCapacity: true) }
        cache[text] = shown
        return shown
    }

    /// The result as a report may show it: the document's file, id, channel and consent ids masked,
    /// and the same values where the consent gate's messages quote them. Only those values: the rest
    /// of a message is the gate's own words and the registry's (a revocation date, the channels a
    /// consent covers), and a suggested safe version's phone number is the organisation's own. The
    /// document's text and the findings' spans are untouched: excerpts are masked by their findings.
    public func shown(_ result: DocumentResult) -> DocumentResult {
        var shown = result
        let document = result.document
        shown.document.source = self(document.source)
        shown.document.id = document.id.map { self($0) }
        shown.document.channel = document.channel.map { self($0) }
        shown.document.consent = document.consent.map { self($0) }
        let quoted = zip(document.consent + [document.channel].compactMap { $0 },
                         shown.document.consent + [shown.document.channel].compactMap { $0 }).filter { $0 != $1 }
        guard !quoted.isEmpty else { return shown }
        for index in shown.findings.indices where shown.findings[index].rule.hasPrefix("policy.consent.") {
            for (written, masked) in quoted {
                shown.findings[index].message = shown.findings[index].message.replacingOccurrences(of: written, with: masked)
            }
        }
        return shown
    }
}
