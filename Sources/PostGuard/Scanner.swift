// The pipeline in one place: document → detectors → findings → policy → verdict.
// Reports and inputs sit on either side of it, in the CLI or in a caller's own program.

public struct Scanner: Sendable {
    public let detector: Detector
    public let policy: Policy

    public init(library: RuleLibrary, policy: Policy = Policy()) {
        self.detector = Detector(library: library)
        self.policy = policy
    }

    /// Judges one document. `scratch` is the caller's per-thread matching state.
    public func check(_ document: Document, scratch: MatchScratch) -> (result: DocumentResult, failures: [RuleFailure]) {
        let detected = detector.scan(document, scratch: scratch)
        return (policy.judge(document, findings: detected.findings), detected.failures)
    }
}
