// Verdict: one answer per document — may it be published? — and the findings that decided it.
import PostGuardDocuments
import PostGuardCatalog

/// A document with everything said about it.
public struct DocumentResult: Sendable {
    public var document: Document
    public var findings: [Finding]
    public var verdict: Verdict
    /// Findings silenced in the draft: no verdict, but their text stays masked in reports.
    public var suppressed: [Finding] = []

    public init(document: Document, findings: [Finding]) {
        self.document = document
        self.findings = findings
        self.verdict = Verdict(findings: findings)
    }
}

/// Documents per verdict.
public struct VerdictCounts: Sendable, Equatable {
    public var documents = 0
    public var pass = 0
    public var review = 0
    public var block = 0

    public init() {}

    public mutating func add(_ verdict: Verdict) {
        documents += 1
        switch verdict {
        case .pass: pass += 1
        case .review: review += 1
        case .block: block += 1
        }
    }
}

/// Counts per verdict (the contract's `summary`), and the breakdowns every report ends with: findings
/// per category and documents per channel, so an audit says where the problems are, not only how many.
public struct Summary: Sendable, Equatable {
    /// Documents per verdict, over the whole run.
    public var verdicts = VerdictCounts()
    public var documents: Int { verdicts.documents }
    public var pass: Int { verdicts.pass }
    public var review: Int { verdicts.review }
    public var block: Int { verdicts.block }
    /// Findings that need a person (`review` or `block`) per category. `info` findings change no
    /// verdict and are left out, as the terminal leaves them out.
    public var categories: [String: Int] = [:]
    /// Documents per channel; documents without one are counted under `none`.
    public var channels: [String: VerdictCounts] = [:]
    /// Findings left out because the baseline or the ignore file accepts them.
    public var accepted = 0

    public static let noChannel = "none"

    public init() {}

    public mutating func add(_ verdict: Verdict) { verdicts.add(verdict) }

    /// Counts a checked document: its verdict, its findings' categories and its channel.
    public mutating func add(_ result: DocumentResult) {
        add(result.verdict)
        for finding in result.findings where finding.severity != .info {
            categories[finding.category.rawValue, default: 0] += 1
        }
        channels[result.document.channel ?? Summary.noChannel, default: VerdictCounts()].add(result.verdict)
    }

    /// Keys of a count table, largest count first, then by name, so reports list the biggest first.
    public static func ranked(_ counts: [String: Int]) -> [(key: String, count: Int)] {
        counts.map { (key: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

    public func count(atOrAbove verdict: Verdict) -> Int {
        switch verdict {
        case .pass: documents
        case .review: review + block
        case .block: block
        }
    }
}
