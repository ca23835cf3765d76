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
    public var problems: [String]
    /// The settings file `organisation` came from, if any.
    public var settingsFile: String?
    /// Checked paths whose own settings file (found walking up from them) is not `settingsFile`:
    /// the file and a scanner with its settings, per path as written on the command line.
    public var scannersByPath: [String: (settingsFile: String?, scanner: Scanner)] = [:]
    /// The strictest `fail-on` among the settings used, when any sets one: with several settings files,
    /// a run fails as the strictest of them asks.
    public var failOn: FailOn?

    /// - Parameters:
    ///   - rules: the rule folder (`--rules`), else `POSTGUARD_RULES`, else the shipped one.
    ///   - config: the settings file (`--config`), else `POSTGUARD_CONFIG`, else, for each of
    ///     `paths`, `postguard.yaml` or `.postguard/config.yaml` in its folder or the nearest folder
    ///     above it, up to the repository root (see `SettingsDiscovery`); else none.
    ///   - consentDB: the registry (`--consent-db`, which must exist), else `POSTGUARD_CONSENT_DB`,
    ///     else `.postguard/consent.sqlite` when present. `check` only reads it and never creates it.
    ///   - today: the check date for documents without `publish_at`.
    ///   - paths: the paths to be checked (`-` is standard input, whose settings are found from the
    ///     working directory); with none given, the working directory's.
    public static func load(rules: String? = nil, config: String? = nil, consentDB: String? = nil,
                            today: CalendarDate = .today(),
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            paths: [String] = []) throws(SetupError) -> CheckSetup {
        let library = try loadLibrary(rules, environment: environment)
        let consents: ConsentRegistry?
        do {
            let path = consentDB ?? ConsentRegistry.defaultPath(environment: environment)
            // A registry named on the command line must exist; the default one may not yet.
            if consentDB != nil, !FileManager.default.fileExists(atPath: path) {
                throw SetupError("\(path): no consent registry there (create one with `postguard consent add --db \(path) ...`)")
            }
            consents = try ConsentRegistry.openIfPresent(path: path)
            // A registry changed outside postguard may hold a revocation undone by hand: its
            // records cannot vouch for any story, so the check does not start.
            if let consents {
                let integrity = try consents.verify()
                if integrity.needsUpgrade {
                    throw SetupError("\(path): the consent registry has no audit chain yet (written by an earlier postguard): run `postguard consent upgrade --db \(path)` once")
                }
                if !integrity.isIntact {
                    throw SetupError("\(path): the consent registry was changed outside postguard (\(integrity.problems.count) problem\(integrity.problems.count == 1 ? "" : "s")): its records are not trusted; see `postguard consent verify --db \(path)`")
                }
            }
        } catch let error as SetupError {
            throw error
        } catch {
            throw SetupError("\(error)")
        }
        func organisation(_ file: String?) throws(SetupError) -> Organisation {
            guard let file else { return Organisation() }
            do { return try Organisation.load(path: file) } catch { throw SetupError("\(error)") }
        }
        func problems(_ scanner: Scanner, _ organisation: Organisation, _ file: String?) -> [String] {
            var problems = library.problems.map(\.description)
            problems += PolicyRule.missing(from: library.catalog).map(\.description)
            problems += organisation.unknownRules(in: library.catalog, file: file ?? "settings")
            problems += scanner.templateProblems.map(\.description)
            return problems
        }

        // One settings file for the whole run when named; else each path's own.
        let named = SettingsDiscovery.named(explicit: config, environment: environment)
        let settingsByPath: [(path: String, file: String?)] = named != nil ? [] : (paths.isEmpty ? ["-"] : paths).map {
            ($0, SettingsDiscovery.settingsFile(for: $0))
        }
        let first = named ?? settingsByPath.first?.file
        let main = try organisation(first)
        let scanner = Scanner(library: library, policy: Policy(consents: consents, organisation: main, today: today))
        var setup = CheckSetup(library: library, organisation: main, scanner: scanner,
                               problems: problems(scanner, main, first), settingsFile: first)
        var strictest = main.failOn
        var others: [String: (Organisation, Scanner)] = [:]
        for (path, file) in settingsByPath where file != first {
            guard let file else {
                // No settings file for this path: the defaults.
                setup.scannersByPath[path] = (nil, Scanner(library: library, policy: Policy(consents: consents, organisation: Organisation(), today: today)))
                continue
            }
            if others[file] == nil {
                let loaded = try organisation(file)
                let scanner = Scanner(library: library, policy: Policy(consents: consents, organisation: loaded, today: today))
                others[file] = (loaded, scanner)
                // Problems the main settings share (broken rules) are said once.
                setup.problems += problems(scanner, loaded, file).filter { !setup.problems.contains($0) }
                if let failOn = loaded.failOn { strictest = strictest.map { FailOn.strictest($0, failOn) } ?? failOn }
            }
            setup.scannersByPath[path] = (file, others[file]!.1)
        }
        setup.failOn = strictest
        return setup
    }

    public static func loadLibrary(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SetupError) -> RuleLibrary {
        guard let folder = RulesLocation.find(explicit: explicit, environment: environment) else {
            // Name the place an installed program looks first: a binary copied without its packs
            // is the usual cause.
            throw SetupError("cannot find the rule packs (looked for \(RulesLocation.installed.path), beside the program and in ./Rules); install with scripts/install PREFIX, or pass --rules DIR or set POSTGUARD_RULES")
        }
        let library: RuleLibrary
        // The compiled rule cache (README: Speed), unless POSTGUARD_CACHE=off.
        do { library = try RuleLibrary.load(from: folder, cache: RuleCache.standard(environment: environment)) } catch {
            throw SetupError("\(folder.path): cannot load rule packs: \(error)")
        }
        // No rule that matches text means every document would pass: that is a broken
        // installation, never a clean result.
        guard !library.rules.isEmpty else {
            // Say why a pack was refused (a misspelt key, a bad value): the one line is all the user sees.
            let why = library.problems.first.map { "; the first problem: \($0.description)" } ?? ""
            throw SetupError("\(folder.path): no rules loaded (no rule pack there, or every pack is broken); pass --rules DIR\(why)")
        }
        return library
    }
}
