// The command line: argument parsing and exit statuses only. Everything it does is a library call.
import ArgumentParser
import Foundation
import PostGuard

@main
struct PostGuardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postguard",
        abstract: "Keep patient information out of social media posts, replies and messages.",
        version: PostGuardVersion.current,
        subcommands: [CheckCommand.self, BaselineCommand.self, ConsentCommand.self, RulesCommand.self, ExplainCommand.self, EvalCommand.self,
                      ServeCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// ArgumentParser exits 64 on a usage error; the contract says 2 for anything that is not a
    /// verdict, so every failure that is not an explicit exit status becomes 2. A usage error is one
    /// line that says where help is, like every other error.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let mistake = mistypedCommand(arguments) {
            printError(masked(mistake, arguments))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
            if !message.isEmpty {
                let command = commandNames.contains(arguments.first ?? "") ? "postguard \(arguments[0])" : "postguard check"
                printError("\(masked(message, arguments)) (see `\(command) --help`)")
            }
            Foundation.exit(2)
        }
    }

    /// A usage error quotes the argument it could not place ("Unexpected argument '...'", "The value
    /// '...' is invalid for '--kind <kind>'"), and a misplaced argument is often a file's name, which
    /// can hold a name or a number ("Maria Lopez 123-45-6789.txt"). It is masked as `check` masks a
    /// location (unless `--show-phi`), with the shipped rules: this runs only when a command failed.
    static func masked(_ message: String, _ arguments: [String]) -> String {
        guard !arguments.contains("--show-phi"), message.contains("'"),
              let library = try? CheckSetup.loadLibrary(nil) else { return message }
        return IdentifierMask(detector: Detector(library: library))(message)
    }

    static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }

    /// `postguard chek drafts/`: `check` is the default command, so a mistyped command would be read
    /// as a file that does not exist and the rest checked anyway. A first word that is not a command,
    /// not an existing path and has no path characters (no `/` or `.`) is taken as a mistyped command.
    static func mistypedCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first), first != "help",
              first.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }),
              !FileManager.default.fileExists(atPath: first) else { return nil }
        let near = Spelling.nearest(first.lowercased(), among: commandNames, within: 2)
        let commands = commandNames.joined(separator: ", ")
        if let near {
            return "'\(first)' is not a command, nor a file or folder here; did you mean `postguard \(near)`? (commands: \(commands))"
        }
        return "'\(first)' is not a command, nor a file or folder here (commands: \(commands); to check files: postguard check PATH ...)"
    }
}

/// How documents that do not say are read: the options `check` and `baseline write` share.
struct DocumentOptions: ParsableArguments {
    @Option(help: "Input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: InputFormat = .auto

    @Option(help: "Kind of documents that do not say: post, reply or message.")
    var kind: DocumentKind = .post

    @Option(help: "Channel of documents that do not say (facebook, instagram, x, linkedin, whatsapp, website, ...).")
    var channel: String?

    var reader: DocumentReader {
        DocumentReader(options: InputOptions(format: inputFormat, kind: kind, channel: channel?.lowercased()))
    }
}

/// Options every command that reads rule packs shares.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "Rule pack folder (default: POSTGUARD_RULES, else the Rules/ folder shipped with postguard).")
    var rulesFolder: String?

    func loadLibrary() throws -> RuleLibrary {
        do { return try CheckSetup.loadLibrary(rulesFolder) } catch { throw CLIError(error.description) }
    }
}

/// A one-line reason on standard error and exit status 2.
struct CLIError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data("postguard: \(line)\n".utf8))
}

func fail(_ error: CLIError) -> ExitCode {
    printError(error.description)
    return ExitCode(2)
}

extension ReportFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension DocumentKind: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}

enum Terminal {
    /// Colour only for a person at a terminal: not in a pipe or a file, not when NO_COLOR is set
    /// (https://no-color.org), not on a terminal that says it cannot.
    static func wantsColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
