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

    public init(library: RuleLibrary, policy: Policy = Policy()) {
        self.detector = Detector(library: library)
        var policy = policy
        if policy.replyTemplates.templates.isEmpty, let folder = library.directory {
            policy.replyTemplates = ReplyTemplates.load(rulesFolder: folder).templates
        }
        self.policy = policy
    }

    /// Judges one document. `scratch` is the caller's per-thread matching state.
    public func check(_ document: Document, scratch: MatchScratch) -> (result: DocumentResult, failures: [RuleFailure]) {
        var detected = detector.scan(document, scratch: scratch)
        // Alt text is published with the image and read by screen readers: scan it like the text.
        // Its findings have no span in the document's text, so they are about the document as a whole.
        for (number, media) in document.media.enumerated() {
            guard let alt = media.alt, !alt.isEmpty else { continue }
            var altDocument = document
            altDocument.text = alt
            altDocument.bodyStart = 0
            altDocument.media = []
            let inAlt = detector.scan(altDocument, scratch: scratch)
            detected.failures += inAlt.failures
            detected.findings += inAlt.findings.map { finding in
                var whole = finding
                whole.span = nil
                // The attachment by number: its file name may itself carry a name.
                whole.message = "In the alt text of attachment \(number + 1): " + finding.message
                return whole
            }
        }
        var result = DocumentResult(document: document, findings: policy.judge(document, findings: detected.findings))
        result.suppressed = detected.suppressed
        return (result, detected.failures)
    }
}
