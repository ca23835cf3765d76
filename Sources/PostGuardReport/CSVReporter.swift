// Report: one row per finding for a spreadsheet, RFC 4180 (CRLF between records, fields quoted when
// they hold a comma, quote or line break). A privacy officer opens it in Excel or LibreOffice, so a
// cell that starts like a formula (= + - @, or a tab or carriage return that some programs skip)
// gets a leading apostrophe: an excerpt or a message must never run as a formula (CSV injection).
// The counts every other report ends with are left out: a summary row in the middle of the findings
// would break sorting and filtering, which is what the file is for.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict

final class CSVReporter: Reporter {
    static let header = ["document", "author", "date", "channel", "kind", "verdict", "rule", "category", "severity",
                         "line", "column", "excerpt", "message", "fingerprint"]

    private let output: ReportOutput
    private let options: ReportOptions

    init(output: ReportOutput, options: ReportOptions) { self.output = output; self.options = options }

    func begin() { write(CSVReporter.header) }

    func add(_ result: DocumentResult) {
        let document = result.document
        let locator = Fingerprint.locator(of: document, base: options.fingerprintBase)
        let excerpts = Excerpts(result, options: options)
        for finding in result.findings {
            write([
                location(of: document), document.author ?? "", document.publishAt ?? document.createdAt ?? "",
                document.channel ?? "", document.kind.rawValue, result.verdict.rawValue,
                finding.rule, finding.category.rawValue, finding.severity.rawValue,
                finding.span.map { String($0.line) } ?? "", finding.span.map { String($0.column) } ?? "",
                excerpts.of(finding), finding.message,
                Fingerprint.of(finding, locator: locator),
            ])
        }
    }

    func finish(_ summary: Summary) { output.flush() }

    private func write(_ fields: [String]) {
        output.write(fields.map(SpreadsheetCell.field).joined(separator: ",") + "\r\n")
    }
}

package enum SpreadsheetCell {
    /// One field, neutralised against formulas, then quoted as RFC 4180 requires.
    package static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
