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
        subcommands: [CheckCommand.self, ConsentCommand.self, RulesCommand.self, ExplainCommand.self, EvalCommand.self,
                      ServeCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// ArgumentParser exits 64 on a usage error; the contract says 2 for anything that is not a
    /// verdict, so every failure that is not an explicit exit status becomes 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
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
