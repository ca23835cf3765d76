// Policy: the organisation's own settings. Its main line, web site, address and staff are not a
// patient's identifiers, and a scanner that flags them on every post gets switched off. Settings
// live in a YAML file (`postguard.yaml`) so the privacy officer, not the code, decides.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import Foundation
import Yams

public struct Organisation: Sendable, Codable, Equatable {
    public var name: String?
    /// The organisation's own phone and fax numbers, in any format.
    public var phones: [String] = []
    /// Web and email domains that are the organisation's: `example-health.org` covers
    /// `www.example-health.org/flu` and `patientrelations@example-health.org`.
    public var domains: [String] = []
    /// The organisation's own street addresses.
    public var addresses: [String] = []
    /// Staff, executives and volunteers: their names are not treated as patients'.
    public var staff: [String] = []
    /// The organisation's sites and local places whose names look like people's ("Maple Grove").
    public var places: [String] = []
    /// Rule severities changed by the organisation (`phi.url: info`).
    public var severities: [String: Severity] = [:]
    /// Rules switched off entirely.
    public var disabled: [String] = []
    /// The lowest verdict that fails CI when the command line does not say (`--fail-on`).
    public var failOn: FailOn?
    /// What suggested safe versions give people to reach the organisation (`{phone}`, `{email}`, ...).
    public var contact = Contact()
    /// The organisation's own accounts per channel (`whatsapp: [Riverside Front Desk]`): in an
    /// exported chat, the messages they sent are what the policy judges; the other side's messages
    /// are the patient's own words, reported as context and never blocked.
    public var accounts: [String: [String]] = [:]

    /// Whether a message was sent by someone other than the organisation, on a channel whose own
    /// accounts the settings list. Without `accounts:` for the channel every message is judged.
    public func isFromOtherSide(_ document: Document) -> Bool {
        guard document.kind == .message, let channel = document.channel, let own = accounts[channel], !own.isEmpty,
              let author = document.author else { return false }
        let sender = author.trimmingCharacters(in: .whitespaces).lowercased()
        return !own.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == sender }
    }

    public init() {}

    /// The contact details suggestions are filled with. Each is the organisation's own, so it is not
    /// an identifier in a draft either.
    public struct Contact: Sendable, Codable, Equatable {
        /// The line people are asked to call (default: the first of `phones`).
        public var phone: String?
        /// The billing office's line (no default: a template words it without).
        public var billingPhone: String?
        /// A mailbox people may write to, such as patient relations (no default).
        public var email: String?
        /// The web site (default: the first of `domains`).
        public var website: String?
        /// Where patients read results and send messages (no default).
        public var portal: String?

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case phone, email, website, portal
            case billingPhone = "billing-phone"
        }
    }

    /// The values of the placeholders in suggested safe versions; a setting not given is absent.
    public var placeholders: [String: String] {
        var values: [String: String] = [:]
        values["organisation"] = name
        values["phone"] = contact.phone ?? phones.first
        values["billing-phone"] = contact.billingPhone
        values["email"] = contact.email
        values["website"] = contact.website ?? domains.first
        values["portal"] = contact.portal
        return values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    enum CodingKeys: String, CodingKey {
        case name, phones, domains, addresses, staff, places, severities, disabled, contact, accounts
        case failOn = "fail-on"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        phones = try c.decodeIfPresent([String].self, forKey: .phones) ?? []
        domains = try c.decodeIfPresent([String].self, forKey: .domains) ?? []
        addresses = try c.decodeIfPresent([String].self, forKey: .addresses) ?? []
        staff = try c.decodeIfPresent([String].self, forKey: .staff) ?? []
        places = try c.decodeIfPresent([String].self, forKey: .places) ?? []
        severities = try c.decodeIfPresent([String: Severity].self, forKey: .severities) ?? [:]
        disabled = try c.decodeIfPresent([String].self, forKey: .disabled) ?? []
        failOn = try c.decodeIfPresent(FailOn.self, forKey: .failOn)
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact) ?? Contact()
        accounts = (try c.decodeIfPresent([String: [String]].self, forKey: .accounts) ?? [:])
            .reduce(into: [:]) { $0[$1.key.lowercased(), default: []] += $1.value }
    }

    /// Reads a settings file. Unknown keys are an error: a misspelt `staf:` silently ignored would
    /// flag every staff member.
    public static func load(path: String) throws -> Organisation {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, reason: "cannot read the settings file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(source: path, reason: "not valid UTF-8 text")
        }
        do {
            let node = try Yams.compose(yaml: text)
            if let problem = SettingsShape.problem(in: node, file: path) { throw problem }
            return try YAMLDecoder().decode(Organisation.self, from: text)
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw SettingsShape.yamlError(error, file: path)
        } catch {
            throw InputError(source: path, reason: "invalid settings: \(RuleLibrary.describe(error))")
        }
    }

    /// The settings file to use: `--config`, `POSTGUARD_CONFIG`, else `postguard.yaml` or
    /// `.postguard/config.yaml` in the working directory, else none.
    public static func find(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit { return explicit }
        if let path = environment["POSTGUARD_CONFIG"], !path.isEmpty { return path }
        return ["postguard.yaml", ".postguard/config.yaml"].first { FileManager.default.fileExists(atPath: $0) }
    }

    /// True when a finding is about the organisation itself, not a person.
    func isOwn(_ finding: Finding) -> Bool { Own(self).contains(finding) }

    /// The organisation's own numbers, domains, places and staff, each normalised once for a run
    /// (normalising every setting again for every finding was a twentieth of an audit).
    struct Own: Sendable {
        let phones: [String]
        let hosts: [String]
        let places: [String]
        let sites: [String]
        let addresses: [String]
        let staff: [[String]]

        init(_ organisation: Organisation) {
            phones = (organisation.phones + [organisation.contact.phone, organisation.contact.billingPhone].compactMap { $0 })
                .map(Organisation.lastTenDigits)
            hosts = (organisation.domains + [organisation.contact.email, organisation.contact.website, organisation.contact.portal]
                .compactMap { $0 }.compactMap(Organisation.host(of:))).map { $0.lowercased() }
            places = organisation.places.map(normalizedName)
            sites = (organisation.places + [organisation.name].compactMap { $0 }).map(normalizedName)
            addresses = organisation.addresses.map { " " + normalizedName($0) + " " }
            staff = organisation.staff.map(SubjectMatch.tokens)
        }

        func contains(_ finding: Finding) -> Bool {
            let text = finding.matchedText
            switch finding.category {
            case .phone, .fax:
                let digits = Organisation.lastTenDigits(text)
                return !digits.isEmpty && phones.contains(digits)
            case .url, .email:
                guard let host = Organisation.host(of: text) else { return false }
                return hosts.contains { domain in host == domain || host.hasSuffix("." + domain) }
            case .address:
                // Its own sites by name ("Riverside Family Clinic") as well as its street addresses.
                let written = normalizedName(text)
                // and one of its places with a facility word ("the Millbrook clinic").
                let facility = ["clinic", "hospital", "medical center", "health center", "campus", "office", "site", "location"]
                if sites.contains(where: { own in own == written || facility.contains { written == own + " " + $0 } }) { return true }
                // A run of whole words of one of its street addresses (`isPart`).
                guard !written.isEmpty else { return false }
                return addresses.contains { $0.contains(" " + written + " ") }
            case .name:
                // A place hides a name only when it is the whole place ("Maple Grove"), never a word of
                // one: "Charles" is not "Lake Charles Memorial".
                let written = normalizedName(text)
                if places.contains(written) { return true }
                let tokens = SubjectMatch.tokens(text)
                return staff.contains { SubjectMatch.sameName(tokens, $0) }
            default:
                return false
            }
        }
    }

    /// The organisation's severity for each finding whose rule it names.
    public func applySeverities(to findings: inout [Finding]) {
        guard !severities.isEmpty else { return }
        for index in findings.indices {
            if let severity = severities[findings[index].rule] { findings[index].severity = severity }
        }
    }

    /// Rule ids the settings name (`severities:`, `disabled:`) that the catalog does not hold: each
    /// a problem naming the closest ids, so a misspelt or outdated id is never silently ignored.
    public func unknownRules(in catalog: RuleCatalog, file: String) -> [String] {
        (Array(severities.keys).sorted() + disabled).filter { catalog[$0] == nil }.map { id in
            let near = catalog.closest(to: id)
            return "\(file): unknown rule '\(id)'" + (near.isEmpty ? " (`postguard rules` lists them)" : " (did you mean \(near.joined(separator: ", "))?)")
        }
    }

    /// Whether `text` is a run of whole words of one of `entries` ("Main Street" of "112 Main Street,
    /// Springfield"; not "12 Main Street", not "Rose" of "Rosewood Terrace").
    package static func isPart(_ text: String, ofAny entries: [String]) -> Bool {
        let written = normalizedName(text)
        guard !written.isEmpty else { return false }
        return entries.contains { (" " + normalizedName($0) + " ").contains(" " + written + " ") }
    }

    static func lastTenDigits(_ text: String) -> String {
        String(text.filter { $0.isASCII && $0.isNumber }.suffix(10))
    }

    /// The host of a URL or email address, lower-cased.
    static func host(of text: String) -> String? {
        var rest = Substring(text.lowercased())
        if let at = rest.lastIndex(of: "@") { return String(rest[rest.index(after: at)...]) }
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }
}
