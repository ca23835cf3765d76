import ArgumentParser
import Foundation
import PostGuard

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan drafts, replies, messages or exports and give each a verdict: pass, review or block.",
        discussion: """
        PATH is a file, a folder (recursed) or - for standard input; with no PATH, standard input is read.
        Exit status: 0 nothing at or above --fail-on, 1 something is, 2 something could not be read or checked.
        """
    )

    @Option(help: "Output: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: InputFormat = .auto

    @Option(help: "Kind of documents that do not say: post, reply or message.")
    var kind: DocumentKind = .post

    @Option(help: "Channel of documents that do not say (facebook, instagram, x, linkedin, whatsapp, website, ...).")
    var channel: String?

    @Option(help: "Consent registry (default: POSTGUARD_CONSENT_DB, else .postguard/consent.sqlite).")
    var consentDb: String?

    @Option(help: "Lowest verdict that makes the exit status 1: block, review or never (default: the settings' fail-on, else block).")
    var failOn: FailOn?

    @Flag(help: "Print matched text as it is. By default every excerpt is masked.")
    var showPhi = false

    @Option(help: "Organisation settings (default: POSTGUARD_CONFIG, else postguard.yaml or .postguard/config.yaml here).")
    var config: String?

    @Option(help: "Threads scanning documents at once (default: one per core).")
    var jobs: Int?

    @OptionGroup var rules: RuleOptions

    @Argument(help: "Files, folders or - (standard input).")
    var paths: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let setup: CheckSetup
        do { setup = try CheckSetup.load(rules: rules.rulesFolder, config: config, consentDB: consentDb) } catch {
            throw fail(CLIError(error.description))
        }
        let reader = DocumentReader(options: InputOptions(format: inputFormat, kind: kind, channel: channel?.lowercased()))
        let output = ReportOutput.standardOutput()
        let reporter = Reporters.make(format, output: output, options: ReportOptions(showPHI: showPhi))
        var check = Check(setup: setup, reader: reader, reporter: reporter)
        if let jobs { check.workers = jobs }
        // Flush what is reported before each error line, so errors appear after the documents before them.
        let outcome = check.run(paths: paths.isEmpty ? ["-"] : paths) { output.flush(); printError($0) }
        let status = outcome.exitStatus(failOn: failOn ?? setup.organisation.failOn ?? .block)
        if status != 0 { throw ExitCode(status) }
    }
}
