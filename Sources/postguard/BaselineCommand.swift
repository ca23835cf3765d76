// `postguard baseline write FILE [PATH...]`: accept what is there today, so CI fails only on what is
// added after. The documents are checked exactly as `check` checks them (same settings, registry
// and input options) and the fingerprints of their findings are written to FILE.
import ArgumentParser
import Foundation
import PostGuard

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Accept today's findings so that `check --baseline FILE` reports only new ones.",
        subcommands: [Write.self]
    )

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Check PATHs as `check` does and write the fingerprints of every finding to FILE.",
            discussion: """
            FILE holds fingerprints (rule, document, a hash of the matched text), never the text. It is written
            atomically, and only when every document could be read and checked: otherwise exit 2, nothing written.
            """
        )

        @Argument(help: "The baseline file to write (replaced if it exists).")
        var file: String

        @OptionGroup var documents: DocumentOptions

        @Option(help: "Consent registry (default: POSTGUARD_CONSENT_DB, else .postguard/consent.sqlite).")
        var consentDb: String?

        @Option(help: "Organisation settings (default: as for check).")
        var config: String?

        @OptionGroup var rules: RuleOptions

        @Argument(help: "Files, folders or - (standard input).")
        var paths: [String] = []

        func run() throws {
            let paths = self.paths.isEmpty ? ["-"] : self.paths
            let setup: CheckSetup
            do { setup = try CheckSetup.load(rules: rules.rulesFolder, config: config, consentDB: consentDb, paths: paths) } catch {
                throw fail(CLIError(error.description))
            }
            let reader = documents.reader
            let writer = BaselineWriter()
            let outcome = Check(setup: setup, reader: reader, reporter: writer).run(paths: paths) { printError($0) }
            guard outcome.errors.isEmpty else {
                throw fail(CLIError("\(file): not written, since not every document could be checked"))
            }
            // A baseline of nothing (a mistyped folder) would look like success and accept nothing.
            guard outcome.summary.documents > 0 else {
                throw fail(CLIError("\(file): not written, since no document was found to check in \(paths.joined(separator: ", "))"))
            }
            do { try writer.write(to: file) } catch { throw fail(CLIError(error.description)) }
            print("\(file): \(writer.findings) finding\(writer.findings == 1 ? "" : "s") in \(outcome.summary.documents) document\(outcome.summary.documents == 1 ? "" : "s") accepted")
        }
    }
}
