// Report: the contract's `--format json`, written one document at a time so it streams.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
import Foundation

final class JSONReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions
    private let encoder: JSONEncoder
    private var first = true

    init(output: ReportOutput, options: ReportOptions) {
        self.output = output; self.options = options
        encoder = JSONEncoder()
        // Sorted keys: Foundation's encoder does not keep declaration order, and golden tests need one order.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    func begin() {
        output.write("{\"tool\":\"postguard\",\"version\":\(quoted(PostGuardVersion.current)),\"documents\":[")
    }

    func add(_ result: DocumentResult) {
        output.write(first ? "\n" : ",\n")
        first = false
        var writer = JSONWriter(capacity: 256 + result.findings.count * 256)
        JSONDocument(result, options: options).write(to: &writer)
        output.write(writer.bytes)
    }

    func finish(_ summary: Summary) {
        // `counts` is additive, beside the contract's `summary`, which keeps exactly its four numbers.
        output.write("\n],\"summary\":\(encode(JSONSummary(summary))),\"counts\":\(encode(JSONCounts(summary)))}\n")
        output.flush()
    }

    private func encode<T: Encodable>(_ value: T) -> String {
        // Encoding our own plain structs cannot fail.
        String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    private func quoted(_ text: String) -> String { encode(text) }
}

/// The contract's document object, with `id` and `channel` written as `null` when unknown.
struct JSONDocument: Encodable {
    let result: DocumentResult
    let options: ReportOptions

    init(_ result: DocumentResult, options: ReportOptions) { self.result = result; self.options = options }

    enum Keys: String, CodingKey {
        case source, id, kind, channel, verdict, findings, locator, author
        case createdAt = "created_at"
        case publishAt = "publish_at"
    }

    /// The same object as `encode(to:)` writes through JSONEncoder, keys in its sorted order.
    func write(to writer: inout JSONWriter) {
        let document = result.document
        writer.raw("{")
        var first = true
        if let author = document.author {
            writer.key("author", first: true); first = false
            writer.string(options.showPHI ? author : Masking.mask(author, category: .name))
        }
        writer.key("channel", first: first); writer.string(document.channel)
        if let createdAt = document.createdAt { writer.key("created_at"); writer.string(createdAt) }
        writer.key("findings"); writer.raw("[")
        let excerpts = Excerpts(result, options: options)
        for (index, finding) in result.findings.enumerated() {
            if index > 0 { writer.raw(",") }
            JSONFinding(finding: finding, excerpts: excerpts).write(to: &writer)
        }
        writer.raw("]")
        writer.key("id"); writer.string(document.id)
        writer.key("kind"); writer.string(document.kind.rawValue)
        if let locator = document.locator { writer.key("locator"); writer.string(locator) }
        if let publishAt = document.publishAt { writer.key("publish_at"); writer.string(publishAt) }
        writer.key("source"); writer.string(document.source)
        writer.key("verdict"); writer.string(result.verdict.rawValue)
        writer.raw("}")
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        let document = result.document
        try container.encode(document.source, forKey: .source)
        try container.encode(document.id, forKey: .id)
        try container.encode(document.kind.rawValue, forKey: .kind)
        try container.encode(document.channel, forKey: .channel)
        // Where an auditor finds the record again, who wrote it (a name, masked like any other) and
        // when: written for records of exports and multi-document files, absent for a whole file.
        try container.encodeIfPresent(document.locator, forKey: .locator)
        try container.encodeIfPresent(document.author.map { options.showPHI ? $0 : Masking.mask($0, category: .name) }, forKey: .author)
        try container.encodeIfPresent(document.createdAt, forKey: .createdAt)
        try container.encodeIfPresent(document.publishAt, forKey: .publishAt)
        try container.encode(result.verdict.rawValue, forKey: .verdict)
        let excerpts = Excerpts(result, options: options)
        try container.encode(result.findings.map { JSONFinding(finding: $0, excerpts: excerpts) }, forKey: .findings)
    }
}

struct JSONFinding: Encodable {
    let finding: Finding
    let excerpts: Excerpts

    enum Keys: String, CodingKey { case rule, category, severity, start, end, line, column, excerpt, message }

    func write(to writer: inout JSONWriter) {
        let span = finding.span
        writer.raw("{")
        writer.key("category", first: true); writer.string(finding.category.rawValue)
        writer.key("column"); writer.number(span?.column)
        writer.key("end"); writer.number(span?.end)
        writer.key("excerpt"); writer.string(excerpts.of(finding))
        writer.key("line"); writer.number(span?.line)
        writer.key("message"); writer.string(finding.message)
        writer.key("rule"); writer.string(finding.rule)
        writer.key("severity"); writer.string(finding.severity.rawValue)
        writer.key("start"); writer.number(span?.start)
        writer.raw("}")
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(finding.rule, forKey: .rule)
        try container.encode(finding.category.rawValue, forKey: .category)
        try container.encode(finding.severity.rawValue, forKey: .severity)
        // Findings about the whole document (an attached photo) have no span: null positions.
        try container.encode(finding.span?.start, forKey: .start)
        try container.encode(finding.span?.end, forKey: .end)
        try container.encode(finding.span?.line, forKey: .line)
        try container.encode(finding.span?.column, forKey: .column)
        try container.encode(excerpts.of(finding), forKey: .excerpt)
        try container.encode(finding.message, forKey: .message)
    }
}

struct JSONSummary: Encodable {
    let documents, pass, review, block: Int
    init(_ summary: Summary) {
        documents = summary.documents; pass = summary.pass; review = summary.review; block = summary.block
    }
}

/// The breakdown every report ends with: findings needing a person (`review`, `block`) per category,
/// documents per channel with their verdicts, and the findings a baseline or ignore file accepted.
struct JSONCounts: Encodable {
    let categories: [String: Int]
    let channels: [String: JSONVerdictCounts]
    let accepted: Int
    init(_ summary: Summary) {
        categories = summary.categories
        channels = summary.channels.mapValues(JSONVerdictCounts.init)
        accepted = summary.accepted
    }
}

/// SARIF's run properties: the summary and the counts in one property bag.
struct SARIFRunProperties: Encodable {
    let documents, pass, review, block: Int
    let counts: JSONCounts
    init(_ summary: Summary) {
        documents = summary.documents; pass = summary.pass; review = summary.review; block = summary.block
        counts = JSONCounts(summary)
    }
}

struct JSONVerdictCounts: Encodable {
    let documents, pass, review, block: Int
    init(_ counts: VerdictCounts) {
        documents = counts.documents; pass = counts.pass; review = counts.review; block = counts.block
    }
}

public enum PostGuardVersion {
    public static let current = "0.1.0"
}
