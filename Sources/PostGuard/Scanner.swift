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
import Foundation

public struct Scanner: Sendable {
    public let detector: Detector
    public let policy: Policy
    /// Approved-reply files that did not load.
    public let templateProblems: [RuleProblem]

    public init(library: RuleLibrary, policy: Policy = Policy()) {
        self.detector = Detector(library: library)
        var policy = policy
        policy.catalog = library.catalog
        if policy.lexicon == nil { policy.lexicon = library.lexicon }
        if policy.names.firstNames.isEmpty { policy.names = detector.names }
        var problems: [RuleProblem] = []
        if policy.disclosureModel == nil, let folder = library.directory {
            let file = folder.appendingPathComponent("data/disclosure-model.tsv")
            if FileManager.default.fileExists(atPath: file.path) {
                let model = DisclosureModel(file: file, stored: library.cacheAttachment("disclosure-model"))
                // Read now: a damaged file is a load problem, not a second reader silently gone.
                if model.isAvailable { policy.disclosureModel = model } else {
                    problems.append(RuleProblem(file: file.path, rule: nil, message: "the disclosure model's weights cannot be read (scripts/train-disclosure-model writes them)"))
                }
            }
        }
        if policy.replyTemplates.templates.isEmpty, let folder = library.directory {
            let loaded = Scanner.approvedReplies(folder, stored: library.cacheAttachment("approved-replies"))
            policy.replyTemplates = loaded.templates
            problems += loaded.problems
        }
        self.policy = policy
        self.templateProblems = problems
    }

    /// The approved replies and safe versions under `folder` with their problems, as
    /// `ReplyTemplates.load` reads them; from `stored` when an earlier run kept them there for the
    /// same rule files (decoding their YAML again was a ninth of a one-draft check).
    static func approvedReplies(_ folder: URL, stored: RuleCache.Attachment?) -> (templates: ReplyTemplates, problems: [RuleProblem]) {
        struct Kept: Codable {
            var templates: [ReplyTemplate]
            var problems: [[String?]]
        }
        let decoder = JSONDecoder()
        if let bytes = stored?.read(), let kept = try? decoder.decode(Kept.self, from: Data(bytes)),
           kept.problems.allSatisfy({ $0.count == 3 && $0[0] != nil && $0[2] != nil }) {
            return (ReplyTemplates(kept.templates), kept.problems.map { RuleProblem(file: $0[0]!, rule: $0[1], message: $0[2]!) })
        }
        let loaded = ReplyTemplates.load(rulesFolder: folder)
        if let stored, let data = try? JSONEncoder().encode(Kept(templates: loaded.templates.templates,
                                                                 problems: loaded.problems.map { [$0.file, $0.rule, $0.message] })) {
            stored.write(Array(data))
        }
        return loaded
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
