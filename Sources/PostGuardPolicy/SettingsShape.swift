// Policy: what each setting in postguard.yaml must look like, so a mistake is reported as the
// privacy officer wrote it ("line 3: 'staff' must be a list of names, like: staff: [Dana Whitfield]")
// rather than as the decoder sees it ("Expected to decode Sequence but found Node instead").
import PostGuardEngine
import PostGuardCatalog
import PostGuardInput
import Foundation
import Yams

enum SettingsShape {
    enum Shape { case text, list, severities, failOn, contact, accounts }

    /// Each setting: its shape, what it holds in words, and an example line.
    static let settings: [(key: String, shape: Shape, what: String, example: String)] = [
        ("name", .text, "the organisation's name", "name: Riverside Health"),
        ("phones", .list, "a list of the organisation's phone numbers", "phones: [617-555-0100]"),
        ("domains", .list, "a list of the organisation's web and email domains", "domains: [riverside-health.example]"),
        ("addresses", .list, "a list of the organisation's street addresses", "addresses: [\"1 Main St, Springfield\"]"),
        ("staff", .list, "a list of names", "staff: [Dana Whitfield, Dr. Lee]"),
        ("places", .list, "a list of place names", "places: [Maple Grove]"),
        ("severities", .severities, "rule ids, each with info, review or block", "severities: {phi.url: info}"),
        ("disabled", .list, "a list of rule ids", "disabled: [phi.handle]"),
        ("fail-on", .failOn, "block, review or never", "fail-on: review"),
        ("contact", .contact, "phone, billing-phone, email, website or portal, each with one value",
         "contact: {phone: 617-555-0100, portal: mychart.example.org}"),
        ("accounts", .accounts, "channels, each with a list of the organisation's own sender names",
         "accounts: {whatsapp: [Riverside Front Desk]}"),
    ]

    static let contactKeys = ["phone", "billing-phone", "email", "website", "portal"]

    /// The first setting that is not as it should be, as an error naming the file and line.
    static func problem(in root: Node?, file: String) -> InputError? {
        guard let root else { return nil }
        guard let mapping = root.mapping else {
            return InputError(source: file, line: line(root), reason: "settings must be 'key: value' lines, like: fail-on: review")
        }
        let known = settings.map(\.key)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            guard let setting = settings.first(where: { $0.key == key }) else {
                return InputError(source: file, line: line(keyNode),
                                  reason: "unknown setting '\(key)'\(suggestion(key, among: known)) (known: \(known.joined(separator: ", ")))")
            }
            if let reason = mismatch(value, setting.shape) {
                return InputError(source: file, line: line(value) ?? line(keyNode),
                                  reason: "'\(key)' must be \(setting.what)\(reason), like: \(setting.example)")
            }
            if setting.shape == .contact, let contact = value.mapping {
                for (contactKey, contactValue) in contact {
                    guard let name = contactKey.string else { continue }
                    guard contactKeys.contains(name) else {
                        return InputError(source: file, line: line(contactKey),
                                          reason: "unknown contact setting '\(name)'\(suggestion(name, among: contactKeys)) (known: \(contactKeys.joined(separator: ", ")))")
                    }
                    if contactValue.scalar == nil {
                        return InputError(source: file, line: line(contactValue), reason: "'contact: \(name)' must be one value, like: \(setting.example)")
                    }
                }
            }
        }
        return nil
    }

    /// Nil when `node` has the shape; else what is wrong, to follow "must be ...".
    private static func mismatch(_ node: Node, _ shape: Shape) -> String? {
        switch shape {
        case .text:
            return node.scalar == nil ? " (one value, not a list)" : nil
        case .list:
            guard let sequence = node.sequence else { return node.scalar != nil ? " in brackets, even for one" : "" }
            return sequence.contains { $0.scalar == nil } ? " (each item one value)" : nil
        case .failOn:
            guard let value = node.string else { return "" }
            return FailOn(rawValue: value) == nil ? ", not '\(value)'" : nil
        case .severities:
            guard let mapping = node.mapping else { return "" }
            for (rule, level) in mapping {
                guard let value = level.string, Severity(rawValue: value) != nil else {
                    return " ('\(rule.string ?? "?")' has '\(level.string ?? "a list")')"
                }
            }
            return nil
        case .contact:
            return node.mapping == nil ? "" : nil
        case .accounts:
            guard let mapping = node.mapping else { return "" }
            for (channel, names) in mapping where names.sequence == nil || names.sequence!.contains(where: { $0.scalar == nil }) {
                return " ('\(channel.string ?? "?")' needs a list of names in brackets)"
            }
            return nil
        }
    }

    /// Yams' message is several lines quoting the file ("2:1: error: parser: while parsing a flow
    /// sequence ... did not find expected ',' or ']': ..."): one line, its line number, what to check.
    static func yamlError(_ error: YamlError, file: String) -> InputError {
        let problem: String, line: Int?
        switch error {
        case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
            problem = text; line = mark.line
        case let .duplicatedKeysInMapping(duplicates, _):
            let keys = duplicates.map { "'\($0)'" }.sorted().joined(separator: ", ")
            return InputError(source: file, reason: "\(keys) set more than once; keep one (a list takes several values: staff: [A, B])")
        default:
            problem = "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"; line = nil
        }
        return InputError(source: file, line: line,
                          reason: "not valid YAML (\(problem)); check the brackets, quotes and indentation on this line and the one before")
    }

    private static func suggestion(_ word: String, among known: [String]) -> String {
        let near = Spelling.nearest(word, among: known, within: max(2, word.count / 3))
        return near.map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func line(_ node: Node) -> Int? { node.mark.map(\.line) }
}
