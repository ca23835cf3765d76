// Report: for a person at a terminal. One block per finding — where, how serious, which rule, why,
// the line with a caret under the span — then a verdict line per document and a summary.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict

final class TextReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions

    init(output: ReportOutput, options: ReportOptions) {
        self.output = output; self.options = options
    }

    func begin() {}

    func add(_ result: DocumentResult) {
        let place = location(of: result.document)
        // `info` findings (a health term alone, a testimonial under valid consent) change no verdict;
        // people see them in JSON and SARIF, not in the terminal.
        let findings = result.findings.filter { $0.severity != .info }
        for finding in findings {
            let position = finding.span.map { ":\($0.line):\($0.column)" } ?? ""
            output.write("\(place)\(position): \(finding.severity.rawValue) \(finding.rule) [\(finding.category)] \(finding.message)\n")
            if let shown = Excerpt.line(of: finding, in: result, options: options) {
                let gutter = "    "
                output.write("\(gutter)\(shown.text)\n")
                output.write(gutter + String(repeating: " ", count: shown.caretStart) + String(repeating: "^", count: shown.caretWidth) + "\n")
            } else {
                output.write("    \(Excerpt.of(finding, in: result, options: options))\n")
            }
            if let why = finding.entry.why { output.write("    why: \(why)\n") }
            if let fix = finding.entry.fix { output.write("    fix: \(fix)\n") }
        }
        if let suggestion = result.findings.first(where: { $0.has(.suggestion) }) {
            output.write("\(place): \(suggestion.message)\n")
        }
        let count = findings.count
        output.write("\(place): \(result.verdict.rawValue.uppercased())\(count == 0 ? "" : " (\(count) finding\(count == 1 ? "" : "s"))")\n")
    }

    func finish(_ summary: Summary) {
        output.write("\(summary.documents) document\(summary.documents == 1 ? "" : "s") checked: \(summary.pass) pass, \(summary.review) review, \(summary.block) block\n")
        for line in SummaryLines.breakdown(summary) { output.write(line + "\n") }
        output.flush()
    }
}
