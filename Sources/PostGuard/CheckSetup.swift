// PostGuard: what `check` needs besides its inputs — the rule packs, the organisation's settings
// and the consent registry — found the way the README documents, so a Swift program sets up a check
// exactly as the command does. Settings are checked against the catalog here, once: an id that names
// no rule is a problem with the closest ids, never silently ignored.
import Foundation

/// Why a check cannot start at all (no rule packs, unreadable settings, a registry named that does
/// not exist): one line for the user, exit status 2.
public struct SetupError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public struct CheckSetup: Sendable {
    public let library: RuleLibrary
    public let organisation: Organisation
    public let scanner: Scanner
    /// Problems that do not stop the check but make its exit status 2: broken rules, settings that
    /// name unknown rules, policy rules the catalog does not describe.
    public let problems: [String]

    /// - Parameters:
    ///   - rules: the rule folder (`--rules`), else `POSTGUARD_RULES`, else the shipped one.
    ///   - config: the settings file (`--config`), else `POSTGUARD_CONFIG`, else `postguard.yaml`
    ///     or `.postguard/config.yaml` in the working directory, else none.
    ///   - consentDB: the registry (`--consent-db`, which must exist), else `POSTGUARD_CONSENT_DB`,
    ///     else `.postguard/consent.sqlite` when present. `check` only reads it and never creates it.
    ///   - today: the check date for documents without `publish_at`.
    public static func load(rules: String? = nil, config: String? = nil, consentDB: String? = nil,
                            today: CalendarDate = .today(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(SetupError) -> CheckSetup {
        let library = try loadLibrary(rules, environment: environment)
        var organisation = Organisation()
        var settingsFile: String?
        if let path = Organisation.find(explicit: config, environment: environment) {
            do { organisation = try Organisation.load(path: path) } catch { throw SetupError("\(error)") }
            settingsFile = path
        }
        let consents: ConsentRegistry?
        do {
            let path = consentDB ?? ConsentRegistry.defaultPath(environment: environment)
            // A registry named on the command line must exist; the default one may not yet.
            if consentDB != nil, !FileManager.default.fileExists(atPath: path) {
                throw SetupError("\(path): no consent registry there (create one with `postguard consent add --db \(path) ...`)")
            }
            consents = try ConsentRegistry.openIfPresent(path: path)
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("\(error)")
        }
        let scanner = Scanner(library: library, policy: Policy(consents: consents, organisation: organisation, today: today))
        var problems = library.problems.map(\.description)
        problems += PolicyRule.missing(from: library.catalog).map(\.description)
        problems += organisation.unknownRules(in: library.catalog, file: settingsFile ?? "settings")
        problems += scanner.templateProblems.map(\.description)
        return CheckSetup(library: library, organisation: organisation, scanner: scanner, problems: problems)
    }

    public static func loadLibrary(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SetupError) -> RuleLibrary {
        guard let folder = RulesLocation.find(explicit: explicit, environment: environment) else {
            throw SetupError("cannot find the rule packs; pass --rules DIR or set POSTGUARD_RULES")
        }
        let library: RuleLibrary
        do { library = try RuleLibrary.load(from: folder) } catch {
            throw SetupError("\(folder.path): cannot load rule packs: \(error)")
        }
        // No rule that matches text means every document would pass: that is a broken
        // installation, never a clean result.
        guard !library.rules.isEmpty else {
            throw SetupError("\(folder.path): no rules loaded (no rule pack there, or every pack is broken); pass --rules DIR")
        }
        return library
    }
}
