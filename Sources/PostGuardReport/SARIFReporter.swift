// Report: SARIF 2.1.0 for code-scanning tools. Columns are Unicode code points, as everywhere else
// in PostGuard (`columnKind`). Results are streamed; the rule list is written after them, which
// JSON's unordered objects allow.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
import Foundation

final class SARIFReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions
    private let encoder = JSONEncoder()
    private var first = true
    /// The catalog entries of the rules reported, for the run's `rules[]`: every one, pattern or
    /// policy, with its help.
    private var usedRules: [String: RuleEntry] = [:]

    init(output: ReportOutput, options: ReportOptions) {
        self.output = output; self.options = options
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    func begin() {
        output.write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"columnKind\":\"unicodeCodePoints\",\"results\":[")
    }

    func add(_ result: DocumentResult) {
        let locator = Fingerprint.locator(of: result.document, base: options.fingerprintBase)
        let excerpts = Excerpts(result, options: options)
        for finding in result.findings where options.includeInfo || finding.severity != .info {
            usedRules[finding.rule] = usedRules[finding.rule] ?? finding.entry
            output.write(first ? "\n" : ",\n")
            first = false
            var writer = JSONWriter(capacity: 768)
            sarifResult(finding, in: result, locator: locator, excerpts: excerpts).write(to: &writer)
            output.write(writer.bytes)
        }
    }

    func finish(_ summary: Summary) {
        let rules = usedRules.keys.sorted().map { id -> SARIF.ReportingDescriptor in
            let rule = usedRules[id]!
            return SARIF.ReportingDescriptor(
                id: id,
                shortDescription: .init(text: rule.message),
                fullDescription: rule.why.map { .init(text: $0) },
                help: rule.fix.map { .init(text: $0) },
                properties: ["category": rule.category.rawValue])
        }
        let driver = SARIF.Tool(driver: .init(
            name: "PostGuard", version: PostGuardVersion.current, rules: rules))
        output.write("\n],\"properties\":\(encode(SARIFRunProperties(summary))),\"tool\":\(encode(driver))}]}\n")
        output.flush()
    }

    func sarifResult(_ finding: Finding, in result: DocumentResult, locator: String, excerpts: Excerpts) -> SARIF.Result {
        let document = result.document
        var region: SARIF.Region?
        if let span = finding.span, document.recordLine == nil {
            region = .init(startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn)
        } else if let record = document.recordLine {
            region = .init(startLine: record, startColumn: nil, endLine: nil, endColumn: nil)
        }
        let uri = document.source == "-" ? "stdin" :
            (document.source.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? document.source)
        var properties = [
            "category": finding.category.rawValue, "severity": finding.severity.rawValue,
            "verdict": result.verdict.rawValue, "excerpt": excerpts.of(finding),
        ]
        if let id = document.id { properties["documentId"] = id }
        if let locator = document.locator { properties["locator"] = locator }
        if let author = document.author { properties["author"] = options.showPHI ? author : Masking.mask(author, category: .name) }
        if let createdAt = document.createdAt { properties["createdAt"] = createdAt }
        if let publishAt = document.publishAt { properties["publishAt"] = publishAt }
        if let span = finding.span { properties["scalarOffsets"] = "\(span.start)-\(span.end)" }
        return SARIF.Result(
            ruleId: finding.rule,
            level: finding.severity.sarifLevel,
            message: .init(text: finding.message),
            locations: [.init(physicalLocation: .init(artifactLocation: .init(uri: uri), region: region))],
            // The baseline's fingerprint, so code scanning tracks a finding across runs as PostGuard does.
            partialFingerprints: ["postguard/v1": Fingerprint.of(finding, locator: locator)],
            properties: properties)
    }

    private func encode<T: Encodable>(_ value: T) -> String {
        String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}

/// The parts of the SARIF 2.1.0 object model PostGuard writes.
enum SARIF {
    struct Message: Encodable { let text: String }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int; let startColumn: Int?; let endLine: Int?; let endColumn: Int? }
    struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation; let region: Region? }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: [String: String]

        /// The object JSONEncoder writes for it (sorted keys, nil left out), written by hand: one
        /// is written per finding.
        func write(to writer: inout JSONWriter) {
            writer.raw("{")
            writer.key("level", first: true); writer.string(level)
            writer.key("locations"); writer.raw("[")
            for (index, location) in locations.enumerated() {
                if index > 0 { writer.raw(",") }
                let physical = location.physicalLocation
                writer.raw("{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
                writer.string(physical.artifactLocation.uri)
                writer.raw("}")
                if let region = physical.region {
                    writer.key("region"); writer.raw("{")
                    var first = true
                    if let endColumn = region.endColumn { writer.key("endColumn", first: first); first = false; writer.number(endColumn) }
                    if let endLine = region.endLine { writer.key("endLine", first: first); first = false; writer.number(endLine) }
                    if let startColumn = region.startColumn { writer.key("startColumn", first: first); first = false; writer.number(startColumn) }
                    writer.key("startLine", first: first); writer.number(region.startLine)
                    writer.raw("}")
                }
                writer.raw("}}")
            }
            writer.raw("]")
            writer.key("message"); writer.raw("{\"text\":"); writer.string(message.text); writer.raw("}")
            writer.key("partialFingerprints"); Self.write(partialFingerprints, to: &writer)
            writer.key("properties"); Self.write(properties, to: &writer)
            writer.key("ruleId"); writer.string(ruleId)
            writer.raw("}")
        }

        /// A string map with its keys in JSONEncoder's sorted order; these keys are ASCII names,
        /// for which that order is the bytes' order.
        static func write(_ map: [String: String], to writer: inout JSONWriter) {
            writer.raw("{")
            for (index, key) in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(key); writer.raw(":"); writer.string(map[key]!)
            }
            writer.raw("}")
        }
    }
    struct ReportingDescriptor: Encodable {
        let id: String
        let shortDescription: Message
        let fullDescription: Message?
        let help: Message?
        let properties: [String: String]
    }
    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [ReportingDescriptor]
    }
    struct Tool: Encodable { let driver: Driver }
}

extension Severity {
    var sarifLevel: String {
        switch self {
        case .block: "error"
        case .review: "warning"
        case .info: "note"
        }
    }
}
