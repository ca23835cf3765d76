// Policy: approved safe replies to online reviews (Rules/policy/reply-templates.yaml). When a
// draft reply breaches, the fix is not "write something else" but a reply the privacy office has
// already approved, chosen by what the review complains about and the language it is written in.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import Foundation
import Yams

public struct ReplyTemplate: Sendable, Codable, Hashable {
    public var id: String
    public var lang: String
    public var when: String
    /// Words of the review that make this the template to suggest.
    public var matches: [String]?
    public var text: String
}

struct ReplyTemplateFile: Codable {
    var templates: String
    var source: String?
    var replies: [ReplyTemplate]
}

public struct ReplyTemplates: Sendable {
    public var templates: [ReplyTemplate]

    public init(_ templates: [ReplyTemplate] = []) { self.templates = templates }

    /// Every template file (`templates:` at the top) below the rules folder, in path order; a file
    /// that does not parse is a problem naming it.
    public static func load(rulesFolder: URL) -> (templates: ReplyTemplates, problems: [RuleProblem]) {
        var templates = ReplyTemplates(), problems: [RuleProblem] = []
        let root = rulesFolder.standardizedFileURL
        for file in RuleLibrary.yamlFiles(under: root) {
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  text.hasPrefix("templates:") || text.contains("\ntemplates:") else { continue }
            do { templates.templates += try YAMLDecoder().decode(ReplyTemplateFile.self, from: text).replies } catch {
                problems.append(RuleProblem(file: RuleLibrary.relativePath(file, to: root), rule: nil,
                                            message: "not a valid template file: \(RuleLibrary.describe(error))"))
            }
        }
        return (templates, problems)
    }

    /// Words that mark a review as Spanish.
    static let spanishWords: Set<String> = ["el", "la", "los", "las", "que", "muy", "pero", "con", "por", "para", "gracias", "nunca", "mi", "una", "es", "y"]

    /// The template for answering `review` (any template of the right language when the review says
    /// nothing that matches; nil when there are no templates).
    public func suggestion(for review: String?) -> ReplyTemplate? {
        let words = (review ?? "").lowercased().split { !$0.isLetter && $0 != "'" && $0 != "⭐" }.map(String.init)
        let text = " " + words.joined(separator: " ") + " "
        let spanish = words.filter { ReplyTemplates.spanishWords.contains($0) }.count >= 2
        let candidates = templates.filter { $0.lang == (spanish ? "es" : "en") }
        let scored = candidates.map { template -> (ReplyTemplate, Int) in
            let score = (template.matches ?? []).filter { phrase in
                phrase.contains("⭐") ? (review ?? "").contains(phrase) : text.contains(" " + phrase.lowercased() + " ")
            }.count
            return (template, score)
        }
        // A complaint outranks praise: "thanks, but I waited two hours" needs the wait reply.
        let negative = scored.filter { !$0.0.id.contains("positive") && $0.1 > 0 }
        if let best = (negative.isEmpty ? scored : negative).max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        return candidates.first { $0.id.contains("negative.general") || $0.id == "reply.es.negative" } ?? candidates.first
    }
}
