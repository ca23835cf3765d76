import ArgumentParser
import Foundation
import PostGuard
import PostGuardServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the staff page: paste a draft, see what is wrong and a safe version.",
        discussion: """
        Binds 127.0.0.1 unless --host says otherwise. There is no authentication: anyone who can reach
        the address can check drafts and look up consent records. Nothing sent is logged or stored.
        Rules, settings and the consent registry are loaded once, at start-up.
        """
    )

    @Option(help: "Address to listen on. Anything but loopback makes the page reachable from other machines.")
    var host = ServeOptions.defaultHost

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = ServeOptions.defaultPort

    @Option(help: "Consent registry (default: POSTGUARD_CONSENT_DB, else .postguard/consent.sqlite).")
    var consentDb: String?

    @Option(help: "Organisation settings (default: POSTGUARD_CONFIG, else postguard.yaml or .postguard/config.yaml here).")
    var config: String?

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let setup: CheckSetup
        do { setup = try CheckSetup.load(rules: rules.rulesFolder, config: config, consentDB: consentDb) } catch {
            throw fail(CLIError(error.description))
        }
        // Broken rules do not stop the page, as they do not stop `check`; they are said once, here.
        for problem in setup.problems { printError("warning: \(problem)") }
        if !ServeOptions.isLoopback(host) {
            printError("warning: listening on \(host), not loopback: the page has no authentication, so anyone who can reach this address can check drafts and look up consent records")
        }
        let host = self.host
        do {
            try StaffServer.runUntilStopped(checker: DraftChecker(setup: setup), options: ServeOptions(host: host, port: port)) { bound in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardError.write(Data("postguard: serving the staff page at http://\(shown):\(bound)/ (Ctrl+C to stop)\n".utf8))
            }
        } catch {
            throw fail(CLIError("cannot serve on \(host):\(port): \(error)"))
        }
    }
}
