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

    @Flag(help: "With --profile, list every rule, not only the 20 slowest.")
    var all = false

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
            for timing in timings.prefix(all ? timings.count : 20) {
                print("\(String(format: "%8.1f", timing.seconds * 1000)) ms  \(String(format: "%5.1f", 100 * timing.seconds / max(total, 1e-9)))%  \(timing.rule) (\(timing.findings) findings, \(timing.runs) pattern runs)")
            }
            return
        }
        print(RuleListing(catalog: library.catalog, terminalWidth: RuleListing.terminalWidth()).text, terminator: "")
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
        guard let entry = library.catalog[rule] else {
            let near = library.catalog.closest(to: rule)
            throw fail(CLIError("no rule '\(rule)'\(near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?") (see `postguard rules`)"))
        }
        print(RuleExplanation(entry: entry, compiled: library.rule(id: rule)).text)
    }
}
