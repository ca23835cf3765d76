import ArgumentParser
import Foundation
import PostGuard

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List rule packs and their rules.")

    @Flag(help: "List the validators rules can name.")
    var validators = false

    @Option(help: "Time every rule over the documents of this file (JSONL, text) and list the slowest.")
    var profile: String?

    @OptionGroup var rules: RuleOptions

    func run() throws {
        if validators {
            for validator in Validator.allCases { print("\(validator.rawValue): \(validator.summary)") }
            return
        }
        let library: RuleLibrary
        do { library = try rules.loadLibrary() } catch let error as CLIError { throw fail(error) }
        if let profile {
            var documents: [Document] = []
            var failed = false
            DocumentReader().read(paths: [profile], document: { documents.append($0) }, failure: { printError($0.description); failed = true })
            if failed { throw ExitCode(2) }
            let timings = Detector(library: library).profile(documents, scratch: MatchScratch())
            let total = timings.reduce(0) { $0 + $1.seconds }
            print("\(documents.count) documents, \(String(format: "%.3f", total)) s in rules")
            for timing in timings.prefix(20) {
                print("\(String(format: "%8.1f", timing.seconds * 1000)) ms  \(String(format: "%5.1f", 100 * timing.seconds / max(total, 1e-9)))%  \(timing.rule) (\(timing.findings) findings)")
            }
            return
        }
        for pack in library.packs {
            print("\(pack.pack) (\(pack.file)): \(pack.description ?? "")")
            for rule in pack.rules {
                print("  \(rule.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(rule.category)")
            }
        }
        print("policy (Sources/PostGuard/Policy): rules that combine findings")
        for info in PolicyRules.all {
            print("  \(info.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(info.category)")
        }
        for problem in library.problems { printError(problem.description) }
        if !library.problems.isEmpty { throw ExitCode(2) }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "What a rule looks for, why it matters, and its examples.")

    @Argument(help: "A rule id, as printed by `postguard rules` or in a report.")
    var rule: String

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let library: RuleLibrary
        do { library = try rules.loadLibrary() } catch let error as CLIError { throw fail(error) }
        if let info = PolicyRules.info(rule) {
            print(["\(info.id) — \(info.category) (policy, written in code: it combines other findings)", "", info.summary, "",
                   "Why: \(info.why)", "Fix: \(info.fix)", "", "Examples: Tests/PostGuardTests/PolicyTests.swift"].joined(separator: "\n"))
            return
        }
        guard let compiled = library.rule(id: rule) else {
            let near = library.rules.map(\.rule.id).filter { $0.contains(rule) || rule.contains($0) }
            throw fail(CLIError("no rule '\(rule)'\(near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?") (see `postguard rules`)"))
        }
        let r = compiled.rule
        var lines = ["\(r.id) — \(r.category), \(r.severity.rawValue) (pack \(compiled.pack))", "", r.message]
        if let why = r.why { lines += ["", "Why: \(why)"] }
        if let fix = r.fix { lines += ["Fix: \(fix)"] }
        if let kinds = r.kinds { lines += ["Applies to: \(kinds.map(\.rawValue).joined(separator: ", "))"] }
        if let validator = r.validator.flatMap(Validator.init(rawValue:)) { lines += ["Checked: \(validator.summary)"] }
        if let words = r.requiresContext { lines += ["Only near: \(words.joined(separator: ", "))"] }
        if let words = r.excludesContext { lines += ["Not near: \(words.joined(separator: ", "))"] }
        lines += ["", "Patterns:"] + r.patterns.map { "  \($0)" }
        if let examples = r.examples {
            lines += ["", "Flags:"] + (examples.match ?? []).map { "  \($0)" }
            lines += ["Does not flag:"] + (examples.noMatch ?? []).map { "  \($0)" }
        }
        print(lines.joined(separator: "\n"))
    }
}
