// Verdict: one answer per document — may it be published? — and the findings that decided it.

public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// Nothing found that a person must look at.
    case pass
    /// A person must look before it is published.
    case review
    /// Do not publish.
    case block

    private var rank: Int { switch self { case .pass: 0; case .review: 1; case .block: 2 } }
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// The contract: a document's verdict is its most severe finding's; `info` findings never count.
    public init(findings: [Finding]) {
        let worst = findings.map(\.severity).max() ?? .info
        switch worst {
        case .info: self = .pass
        case .review: self = .review
        case .block: self = .block
        }
    }
}

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

/// Counts per verdict, as the contract's `summary`.
public struct Summary: Sendable, Equatable {
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

    public func count(atOrAbove verdict: Verdict) -> Int {
        switch verdict {
        case .pass: documents
        case .review: review + block
        case .block: block
        }
    }
}
