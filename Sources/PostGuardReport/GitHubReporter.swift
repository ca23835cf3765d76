// Report: GitHub Actions workflow commands, so findings appear as annotations on the changed file.
// block → error, review → warning, info → notice.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict

final class GitHubReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions

    init(output: ReportOutput, options: ReportOptions) { self.output = output; self.options = options }

    func begin() {}

    func add(_ result: DocumentResult) {
        let document = result.document
        let excerpts = Excerpts(result, options: options)
        for finding in result.findings where options.includeInfo || finding.severity != .info {
            let level = switch finding.severity { case .block: "error"; case .review: "warning"; case .info: "notice" }
            var properties = ["file=\(property(document.source))"]
            if let span = finding.span {
                // In a JSONL file the annotation goes on the record's line; columns are the record text's.
                if let record = document.recordLine {
                    properties.append("line=\(record)")
                } else {
                    properties += ["line=\(span.line)", "endLine=\(span.endLine)", "col=\(span.column)", "endColumn=\(span.endColumn)"]
                }
            } else if let record = document.recordLine {
                properties.append("line=\(record)")
            }
            properties.append("title=\(property("PostGuard \(finding.rule)"))")
            let record = document.id.map { " (record \($0))" } ?? ""
            let text = "\(finding.message) [\(excerpts.of(finding))]\(record)"
            output.write("::\(level) \(properties.joined(separator: ","))::\(message(text))\n")
        }
    }

    func finish(_ summary: Summary) {
        output.write("PostGuard: \(summary.documents) documents, \(summary.pass) pass, \(summary.review) review, \(summary.block) block\n")
        for line in SummaryLines.breakdown(summary) { output.write("PostGuard: \(line)\n") }
        output.flush()
    }

    /// Workflow-command escaping, as GitHub's toolkit does it.
    private func message(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        message(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
