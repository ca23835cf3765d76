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

    @OptionGroup var documents: DocumentOptions

    @Option(help: "Consent registry (default: POSTGUARD_CONSENT_DB, else .postguard/consent.sqlite).")
    var consentDb: String?

    @Option(help: "Lowest verdict that makes the exit status 1: block, review or never (default: the settings' fail-on, else block).")
    var failOn: FailOn?

    @Flag(help: "Print matched text as it is. By default every excerpt is masked.")
    var showPhi = false

    @Flag(name: .shortAndLong, help: "Text output: rule ids, categories, every message and the info findings.")
    var verbose = false

    @Option(help: "Organisation settings (default: POSTGUARD_CONFIG, else postguard.yaml or .postguard/config.yaml beside each PATH or in a folder above it, up to the repository root).")
    var config: String?

    @Option(help: "Baseline written by `postguard baseline write`: findings in it are accepted, so only new ones are reported and count for the exit status.")
    var baseline: String?

    @Option(help: "Accepted findings, a fingerprint and a reason a line (default: .postguardignore here or in a folder above, up to the repository root).")
    var ignoreFile: String?

    @Flag(help: "SARIF, GitHub and HTML output: include info findings (left out by default).")
    var includeInfo = false

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
        let paths = self.paths.isEmpty ? ["-"] : self.paths
        do { setup = try CheckSetup.load(rules: rules.rulesFolder, config: config, consentDB: consentDb, paths: paths) } catch {
            throw fail(CLIError(error.description))
        }
        let accepted: AcceptedFindings
        do { accepted = try AcceptedFindings.load(baseline: baseline, ignoreFile: ignoreFile) } catch {
            throw fail(CLIError(error.description))
        }
        let reader = documents.reader
        let output = ReportOutput.standardOutput()
        var options = ReportOptions(showPHI: showPhi, colour: Terminal.wantsColour(), verbose: verbose, includeInfo: includeInfo)
        // The HTML report says what was checked: a path can hold an identifier too.
        let mask = IdentifierMask(detector: setup.scanner.detector)
        options.checkedPaths = showPhi ? paths : paths.map { mask($0) }
        let reporter = Reporters.make(format, output: output, options: options)
        var check = Check(setup: setup, reader: reader, reporter: reporter)
        check.accepted = accepted
        check.showPHI = showPhi
        if let jobs { check.workers = jobs }
        // Flush what is reported before each error line, so errors appear after the documents before them.
        let outcome = check.run(paths: paths) { output.flush(); printError(withAdvice($0)) }
        KeptUntilExit.keep(check)
        let status = outcome.exitStatus(failOn: failOn ?? setup.failOn ?? .block)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The reader's reasons say what is wrong; at the command line, add what to do about the common ones.
func withAdvice(_ problem: String) -> String {
    if problem.hasSuffix(": not valid UTF-8 text") {
        return problem + " (a binary file, or text saved in another encoding: save it as UTF-8, or leave it out)"
    }
    if problem.hasSuffix(": no such file or folder") {
        return problem + " (check the path; - reads standard input)"
    }
    return problem
}

/// What a command built and the process is about to end with. Freeing it piece by piece (the rule
/// library, the name tables, the scan's structures) was a twentieth of a one-draft check, spent just
/// before the system frees the whole process at once; kept here, it never is.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Called on the main thread, at the end of a command.
    static func keep(_ value: Any) { values.append(value) }
}
