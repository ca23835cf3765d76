// Rules: loading every pack under Rules/ and compiling it once per run. A broken rule is reported
// with its file, its id and PCRE2's position, and left out; the other rules still run.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import Foundation
import Yams

/// Data files rules and validators consult (Rules/data/).
public struct RuleData: Sendable {
    /// Safe Harbor: 3-digit ZIP prefixes covering 20,000 people or fewer must be written 000.
    public var restrictedZip3: Set<String> = []
    public init(restrictedZip3: Set<String> = []) {
        self.restrictedZip3 = restrictedZip3
    }
}

/// Detectors written in Swift that a rule can name instead of (or beside) patterns.
public enum SwiftDetector: String, Sendable, CaseIterable {
    /// People's names, and @handles and #hashtags spelling them (Rules/data name lists).
    case names
    /// Names the learned tagger found only at its looser bias (`tentative-bias` of the weights):
    /// possible names, listed for a person to see (Detectors/NameDetector.swift).
    case possibleNames = "possible-names"
    /// Towns and cities tied to someone (Rules/data/us-places.txt; Detectors/PlaceDetector.swift).
    case places
}

/// A rule ready to run: its patterns compiled, keywords lowered, context words compiled.
public struct CompiledRule: Sendable {
    public let rule: Rule
    /// The rule's catalog entry, which its findings point at.
    public let entry: RuleEntry
    public let pack: String
    package let patterns: [Pattern]
    /// Lower-cased UTF-8 literals; empty means "always run".
    package let keywords: [[UInt8]]
    package let validator: Validator?
    package let requiredContext: Pattern?
    package let excludedContext: Pattern?
    package let contextWindow: Int
    package let kinds: Set<DocumentKind>?
    /// Set for rules whose matching is a Swift detector rather than patterns.
    package let detector: SwiftDetector?
    /// Set for rules built from the health lexicon.
    public var lexiconGroup: LexiconGroup? = nil
    /// A pattern compiled on first use (a lexicon group's own, which full scans do not need).
    package var lazyPattern: LazyPattern? = nil
    /// What each pattern's every match holds (`RequiredLiterals.requirement`: literals, a run of
    /// digits; nil: the pattern always runs), read once when the rule is compiled (or from the rule
    /// cache): every detector's scan plan uses them, and reading them again per plan took a fifth of start-up.
    package var requiredLiterals: [RequiredLiterals.Requirement?] = []

    public func applies(to kind: DocumentKind) -> Bool { kinds?.contains(kind) ?? true }
}

public struct RuleLibrary: Sendable {
    public private(set) var packs: [RulePack] = []
    /// The rules that match text (patterns, Swift detectors, the lexicon).
    public private(set) var rules: [CompiledRule] = []
    /// Every rule that can be reported, those raised in code included.
    public private(set) var catalog = RuleCatalog()
    public private(set) var data = RuleData()
    /// All lexicon groups as one pattern, for full scans.
    public private(set) var lexicon: LexiconMatcher?
    /// The folder the packs were loaded from: later stages read their own data files there
    /// (the name lists, the approved replies).
    public private(set) var directory: URL?
    /// Rules left out because they are broken; the CLI reports them and exits 2.
    public private(set) var problems: [RuleProblem] = []
    /// The rule cache this library was loaded with and its key, for later stages' attachments.
    package private(set) var cacheLocation: (cache: RuleCache, key: String)?

    public init() {}

    /// A later stage's file beside the rule cache (`RuleCache.Attachment`), nil without a cache.
    package func cacheAttachment(_ name: String) -> RuleCache.Attachment? {
        guard let cacheLocation, let directory else { return nil }
        return RuleCache.Attachment(cache: cacheLocation.cache, root: directory, key: cacheLocation.key, name: name)
    }

    /// Loads every `*.yaml` pack below `directory` (files without a top-level `pack:` are data for
    /// other stages and are skipped here), in path order so runs are reproducible.
    public static func load(from directory: URL) throws -> RuleLibrary {
        try load(from: directory, cache: nil)
    }

    /// `cache`: where the compiled rule cache is kept (`RuleCache`), nil for none. The library is
    /// the same with or without it.
    package static func load(from directory: URL, cache: RuleCache?) throws -> RuleLibrary {
        var library = RuleLibrary()
        // A rule folder reached through a symbolic link (`Rules -> /etc/postguard/rules`) is walked
        // at its target: the directory walker does not descend into a link it starts from, which
        // once left zero packs loaded and every document passing.
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        library.directory = root
        // Every pack file is read first: the cache's key is a hash of them all.
        let files = yamlFiles(under: root).map { file in
            (url: file, relative: relativePath(file, to: root, shownAs: directory.standardizedFileURL.lastPathComponent),
             bytes: FileManager.default.contents(atPath: file.path))
        }
        let key = cache.map { _ in RuleCache.key(root: root, files: files.map { ($0.relative, $0.bytes) }) }
        if let cache, let key { library.cacheLocation = (cache, key) }
        let stored = cache.flatMap { cache in key.flatMap { cache.read(root: root, key: $0) } }
        var fresh = RuleCache.Contents()
        let known = stored?.literalTable
        let storedPatterns = stored?.storedPatterns
        library.data = try loadData(root, stored: stored, into: &fresh)
        var packIDs: [String: String] = [:]
        var ruleIDs: [String: String] = [:]
        for (file, relative, bytes) in files {
            guard let bytes, let text = RuleLibrary.text(bytes) else {
                // The reader's own message (permission denied, not UTF-8).
                let reason: String
                do { _ = try String(contentsOf: file, encoding: .utf8); reason = "unreadable" } catch { reason = error.localizedDescription }
                library.problems.append(RuleProblem(file: relative, rule: nil, message: "cannot read: \(reason)"))
                continue
            }
            // Approved replies are the policy's data (PostGuardPolicy reads them).
            if ByteText.hasLine(startingWith: "templates:", in: text) { continue }
            if ByteText.hasLine(startingWith: "lexicon:", in: text) {
                library.loadLexicon(text, file: relative, stored: stored, into: &fresh)
                continue
            }
            // Cheap test before a full YAML parse: data files do not start a line with `pack:`.
            guard ByteText.hasLine(startingWith: "pack:", in: text) else { continue }
            var pack: RulePack
            if let cached = stored?.packs[relative] { pack = cached } else {
                do { pack = try YAMLDecoder().decode(RulePack.self, from: text) } catch {
                    library.problems.append(RuleProblem(file: relative, rule: nil, message: "not a valid rule pack: \(describe(error))"))
                    continue
                }
            }
            fresh.packs[relative] = pack
            pack.file = relative
            if let other = packIDs[pack.pack] {
                library.problems.append(RuleProblem(file: relative, rule: nil, message: "pack name '\(pack.pack)' is also used by \(other)"))
            }
            packIDs[pack.pack] = relative
            for rule in pack.rules {
                if let other = ruleIDs[rule.id] {
                    library.problems.append(RuleProblem(file: relative, rule: rule.id, message: "rule id is also used in \(other)"))
                    continue
                }
                ruleIDs[rule.id] = relative
                guard rule.examples.map({ !$0.isEmpty }) ?? false else {
                    library.problems.append(RuleProblem(file: relative, rule: rule.id, message: "has no examples (every rule documents itself with examples that must and must not match)"))
                    continue
                }
                if rule.raisedBy != nil {
                    // Raised in code: described and tested here, matched nowhere.
                    guard rule.patterns.isEmpty, rule.detector == nil else {
                        library.problems.append(RuleProblem(file: relative, rule: rule.id, message: "a rule raised-by code has no patterns or detector"))
                        continue
                    }
                    library.catalog.add(RuleEntry(rule, pack: pack.pack, file: relative))
                    continue
                }
                do {
                    let compiled = try compile(rule, pack: pack.pack, file: relative, known: known, stored: storedPatterns)
                    library.rules.append(compiled)
                    library.catalog.add(compiled.entry)
                    for (source, literals) in zip(rule.patterns, compiled.requiredLiterals) {
                        fresh.literals.append(.init(pattern: source, literals: literals))
                    }
                    // In the order `compile` asks for them, which is the order a later run reads them in.
                    fresh.compiledPatterns += compiled.patterns + [compiled.requiredContext, compiled.excludedContext].compactMap { $0 }
                } catch {
                    library.problems.append(RuleProblem(file: relative, rule: rule.id, message: error.message))
                }
            }
            library.packs.append(pack)
        }
        // Written when it was missing or stale; a valid cache is left alone.
        if let cache, let key, stored == nil { cache.write(fresh, root: root, key: key) }
        // A rule matching within another names one that exists and is not itself scoped.
        for compiled in library.rules {
            guard let container = compiled.rule.within else { continue }
            if library.rule(id: container) == nil || library.rule(id: container)?.rule.within != nil {
                library.problems.append(RuleProblem(file: compiled.entry.file, rule: compiled.rule.id,
                                                    message: "within: '\(container)' is not a rule that matches text on its own"))
            }
        }
        return library
    }

    /// Compiles one rule, checking everything a pack author can get wrong.
    public static func compile(_ rule: Rule, pack: String, file: String? = nil) throws(RuleProblem) -> CompiledRule {
        try compile(rule, pack: pack, file: file, known: nil, stored: nil)
    }

    /// `known`: required literals by pattern source from the rule cache, so they are not read again;
    /// `stored`: its compiled patterns, so they are not compiled again.
    static func compile(_ rule: Rule, pack: String, file: String?, known: RuleCache.Literals?,
                        stored: StoredPatterns?) throws(RuleProblem) -> CompiledRule {
        func problem(_ message: String) -> RuleProblem { RuleProblem(file: file ?? pack, rule: rule.id, message: message) }
        var detector: SwiftDetector?
        if let name = rule.detector {
            guard let known = SwiftDetector(rawValue: name) else {
                throw problem("unknown detector '\(name)' (known: \(SwiftDetector.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            detector = known
        } else if rule.patterns.isEmpty {
            throw problem("has no patterns")
        }
        var validator: Validator?
        if let name = rule.validator {
            guard let known = Validator(rawValue: name) else {
                throw problem("unknown validator '\(name)' (known: \(Validator.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            validator = known
        }
        var patterns: [Pattern] = []
        for (index, source) in rule.patterns.enumerated() {
            if let pattern = stored?.take(source, options: []) {
                patterns.append(pattern)
                continue
            }
            do { patterns.append(try Pattern(source)) } catch {
                throw problem("pattern \(index + 1): \(error.message) at offset \(error.offset)")
            }
        }
        var compiled = CompiledRule(
            rule: rule, entry: RuleEntry(rule, pack: pack, file: file ?? pack), pack: pack, patterns: patterns,
            keywords: prefilter(rule).map { Array($0.lowercased().utf8) },
            validator: validator,
            requiredContext: try contextPattern(rule.requiresContext, problem, stored: stored),
            excludedContext: try contextPattern(rule.excludesContext, problem, stored: stored),
            contextWindow: rule.contextWindow ?? 40,
            kinds: rule.kinds.map(Set.init),
            detector: detector
        )
        compiled.requiredLiterals = rule.patterns.map { source in
            if let known, let literals = known[source] { return literals }
            return RequiredLiterals.requirement(of: source)
        }
        return compiled
    }

    /// The literals a document must contain for the rule to run. Besides a rule's own keywords, a
    /// rule that requires context words can only match where one of them occurs, so their first words
    /// serve (when ASCII: the prefilter folds ASCII case only).
    package static func prefilter(_ rule: Rule) -> [String] {
        guard rule.detector == nil else { return [] }
        let words = (rule.keywords?.isEmpty == false ? rule.keywords : rule.requiresContext) ?? []
        // The prefilter folds ASCII case only and sees one space where a pattern allows any run of
        // white space, so each keyword is cut to its longest run of ASCII without spaces ("social
        // security" → "security", "cédula" → "dula"). A keyword with no such run turns it off.
        let runs = words.map { word -> String in
            word.lowercased().split { !$0.isASCII || $0.isWhitespace }.map(String.init).max { $0.count < $1.count } ?? ""
        }
        return runs.contains(where: \.isEmpty) ? [] : runs
    }

    /// Context words become one whole-word, case-insensitive alternation. Whole words on purpose:
    /// a substring test would let "lic" (licence) fire inside "duplicate".
    static func contextPattern(_ words: [String]?, _ problem: (String) -> RuleProblem,
                               stored: StoredPatterns? = nil) throws(RuleProblem) -> Pattern? {
        guard let words, !words.isEmpty else { return nil }
        let alternation = words.map { word in
            word.split(separator: " ").map { escapeLiteral(String($0)) }.joined(separator: "\\s+")
        }.joined(separator: "|")
        let source = "(?<![\\w])(?:\(alternation))(?![\\w])"
        if let pattern = stored?.take(source, options: .caseInsensitive) { return pattern }
        do { return try Pattern(source, options: .caseInsensitive) } catch {
            throw problem("context words: \(error.message)")
        }
    }

    /// Escapes a literal for use inside a PCRE2 pattern.
    public static func escapeLiteral(_ literal: String) -> String {
        // Without a backslash there is no `\E` to break out of the quote: the lexicon escapes
        // thousands of single characters at start-up, and Foundation's search cost 20% of it.
        guard literal.utf8.contains(0x5C) else { return "\\Q" + literal + "\\E" }
        return "\\Q" + literal.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
    }

    private static func loadData(_ root: URL, stored: RuleCache.Contents?, into fresh: inout RuleCache.Contents) throws -> RuleData {
        var data = RuleData()
        if let prefixes = stored?.restrictedZip3 {
            data.restrictedZip3 = Set(prefixes)
            fresh.restrictedZip3 = prefixes
            return data
        }
        let zipFile = root.appendingPathComponent("data/restricted-zip3.yaml")
        if let text = try? String(contentsOf: zipFile, encoding: .utf8) {
            struct ZipList: Decodable { var prefixes: [String] }
            let list = try YAMLDecoder().decode(ZipList.self, from: text)
            data.restrictedZip3 = Set(list.prefixes)
            fresh.restrictedZip3 = list.prefixes
        }
        return data
    }

    package static func yamlFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            files.append(url)
        }
        // Each path worked out once: `URL.path` in the sort's comparisons was a fiftieth of a warm
        // one-draft check.
        return files.map { ($0.path, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// `file` as `Rules/identifiers/contact.yaml`: `shownAs` names the folder as the user named it
    /// (the link's name when `root` is a link's target).
    package static func relativePath(_ file: URL, to root: URL, shownAs: String? = nil) -> String {
        let path = file.standardizedFileURL.path, base = root.path
        return path.hasPrefix(base + "/") ? (shownAs ?? root.lastPathComponent) + "/" + String(path.dropFirst(base.count + 1)) : path
    }

    package static func describe(_ error: Error) -> String {
        if case let DecodingError.keyNotFound(key, context) = error {
            return "missing '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        }
        if case let DecodingError.dataCorrupted(context) = error {
            // A typed field (category, role, severity) with an unknown value: say where and what is known.
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            let known: String
            switch context.codingPath.last?.stringValue {
            case "category": known = " (known: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))"
            case "roles", _ where path.contains("roles"): known = " (known roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
            default: known = ""
            }
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription + known
        }
        if case let DecodingError.typeMismatch(_, context) = error {
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        }
        return "\(error)"
    }

    private mutating func loadLexicon(_ text: String, file: String, stored: RuleCache.Contents?, into fresh: inout RuleCache.Contents) {
        let lexicon: LexiconFile
        if let cached = stored?.lexicons[file] { lexicon = cached } else {
            do { lexicon = try YAMLDecoder().decode(LexiconFile.self, from: text) } catch {
                problems.append(RuleProblem(file: file, rule: nil, message: "not a valid lexicon: \(RuleLibrary.describe(error))"))
                return
            }
        }
        fresh.lexicons[file] = lexicon
        // Groups with the same id (say two English condition lists) are merged into one rule.
        var merged: [String: LexiconGroup] = [:]
        var order: [String] = []
        for group in lexicon.groups {
            if merged[group.ruleID] == nil { order.append(group.ruleID); merged[group.ruleID] = group } else {
                merged[group.ruleID]!.terms += group.terms
            }
        }
        for id in order {
            let terms = stored?.lexiconTerms[file]?[id] ?? RuleLibrary.lexiconTerms(merged[id]!)
            fresh.lexiconTerms[file, default: [:]][id] = terms
            let compiled = RuleLibrary.lexiconRule(merged[id]!, pack: lexicon.lexicon, file: file, terms: terms)
            rules.append(compiled)
            if !catalog.add(compiled.entry) {
                problems.append(RuleProblem(file: file, rule: id, message: "rule id is also used by another pack"))
            }
        }
        // The hashtag patterns are built from the terms and compiled once to prove they do; a
        // cache stores them (with the trie and the term maps) only after that, so with one they
        // are taken as they are.
        self.lexicon = LexiconMatcher(order.compactMap { merged[$0] }, stored: stored?.matchers[file], code: stored?.storedPatterns)
        // Only a cache about to be written needs them: sorting the term maps to store them took 3%
        // of a one-draft check that had read them from the cache.
        if stored == nil {
            fresh.matchers[file] = self.lexicon?.stored
            fresh.compiledPatterns += (self.lexicon?.patterns ?? []).compactMap(\.interpretedPattern)
        }
        if self.lexicon == nil { problems.append(RuleProblem(file: file, rule: nil, message: "the lexicon's terms do not compile")) }
    }

    public func rule(id: String) -> CompiledRule? { rules.first { $0.rule.id == id } }

    /// Adds rules built in code (tests, organisation settings).
    /// The library with only the rules `isIncluded` keeps (its data, folder and catalog unchanged):
    /// masking a file name needs the identifier rules, not the health lexicon.
    package func keeping(_ isIncluded: (CompiledRule) -> Bool) -> RuleLibrary {
        var kept = self
        kept.rules = rules.filter(isIncluded)
        if !kept.rules.contains(where: { $0.lexiconGroup != nil }) { kept.lexicon = nil }
        return kept
    }

    public mutating func add(_ rule: CompiledRule) {
        rules.append(rule)
        catalog.add(rule.entry)
    }

    /// Adds a description of a rule raised in code (tests that build a library by hand).
    public mutating func describe(_ entry: RuleEntry) { catalog.add(entry) }
}

/// Where the rule packs are: `--rules`, `POSTGUARD_RULES`, `../share/postguard/Rules` from the
/// executable's folder (what `scripts/install PREFIX` lays out), a `Rules/` folder beside the
/// executable or above it (a checkout's `.build/debug/postguard`), `/usr/local/share/postguard/Rules`,
/// or the working directory's `Rules/`.
public enum RulesLocation {
    public static func find(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = environment["POSTGUARD_RULES"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        return candidates().first { isPackFolder($0) }
    }

    /// The folders searched when neither `--rules` nor `POSTGUARD_RULES` names one, in order.
    public static func candidates() -> [URL] {
        var directory = executable.deletingLastPathComponent()
        var candidates = [installed]
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Rules"))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/local/share/postguard/Rules"))
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Rules"))
        return candidates
    }

    /// Where an installed program's rule packs are: PREFIX/share/postguard/Rules for PREFIX/bin/postguard.
    public static var installed: URL {
        executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/postguard/Rules").standardizedFileURL
    }

    /// The running program, links resolved. A program found on PATH gets its bare name as
    /// `argv[0]` ("postguard"), which says nothing about where it is: the kernel's
    /// `/proc/self/exe` does, and `argv[0]` is the fallback where there is none (macOS).
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    static func isPackFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path)
            && FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension RuleLibrary {
    /// A pack file's text, nil when it is not UTF-8. The standard library's check reads each byte
    /// once; Foundation's took a twenty-fifth of a warm one-draft check for the same answer. A file
    /// that starts with a byte-order mark keeps Foundation's handling of it.
    static func text(_ bytes: Data) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(bytes: bytes, encoding: .utf8) }
        return String(validating: bytes, as: UTF8.self)
    }
}
