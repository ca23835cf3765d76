// Catalog: the three scales everything is measured on: how serious a finding is, what a document's
// verdict is, and from which verdict a run fails.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput

/// How serious a finding is. `info` never affects a verdict.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, review, block

    private var rank: Int { switch self { case .info: 0; case .review: 1; case .block: 2 } }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

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


/// What a threshold for a failing exit status can be.
public enum FailOn: String, Sendable, CaseIterable, Codable {
    case block, review, never
}

