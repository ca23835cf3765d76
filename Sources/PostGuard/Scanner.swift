// The pipeline in one place: document → detectors → findings → policy → verdict.
// Reports and inputs sit on either side of it, in the CLI or in a caller's own program.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import PostGuardPolicy
import PostGuardVerdict
import PostGuardReport

public struct Scanner: Sendable {
    public let detector: Detector
    public let policy: Policy
    /// Approved-reply files that did not load.
    public let templateProblems: [RuleProblem]

    public init(library: RuleLibrary, policy: Policy = Policy()) {
        self.detector = Detector(library: library)
        var policy = policy
        policy.catalog = library.catalog
        if policy.names.firstNames.isEmpty { policy.names = detector.names }
        var problems: [RuleProblem] = []
        if policy.replyTemplates.templates.isEmpty, let folder = library.directory {
            let loaded = ReplyTemplates.load(rulesFolder: folder)
            policy.replyTemplates = loaded.templates
            problems = loaded.problems
        }
        self.policy = policy
        self.templateProblems = problems
    }

    /// Judges one document. `scratch` is the caller's per-thread matching state.
    public func check(_ document: Document, scratch: MatchScratch) -> (result: DocumentResult, failures: [RuleFailure]) {
        let detected = detector.detect(document, scratch: scratch)
        // A breaching document's suggested safe version must itself pass: it is judged as a document
        // of the same kind and channel, under the same settings, before it is offered.
        let findings = policy.judge(document, findings: detected.findings) { text in
            let candidate = Document(source: document.source, text: text, kind: document.kind, channel: document.channel,
                                     inReplyTo: document.inReplyTo)
            let judged = policy.judge(candidate, findings: detector.detect(candidate, scratch: scratch).findings)
            return !judged.contains { $0.severity > .info || $0.category.isIdentifier }
        }
        var result = DocumentResult(document: document, findings: findings)
        result.suppressed = detected.suppressed
        return (result, detected.failures)
    }
}
