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
