// Detectors: run every applicable rule over one document's bytes and return findings with
// contract positions. Work is on UTF-8 bytes: the text is never copied per match, and a rule whose
// keywords do not occur in the document never runs its regular expressions.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import Foundation

/// A rule that could not finish on a document (it hit the match limit or its time budget); the scan goes on without it.
public struct RuleFailure: Error, Sendable, CustomStringConvertible {
    public var rule: String
    public var source: String
    public var line: Int
    public var error: MatchError
    public var description: String { "\(source):\(line): rule \(rule) stopped: \(error)" }
}

public struct DetectorResult: Sendable {
    public var findings: [Finding]
    public var failures: [RuleFailure]
    /// Findings a `postguard-ignore` comment silenced: not reported, but still masked when their
    /// line is shown.
    public var suppressed: [Finding] = []
    /// How many times a pattern ran over the text (PCRE2 searches the gates let through): what
    /// `rules --profile` counts to tell which rules' gates admit most texts.
    public var patternRuns = 0
}

public struct Detector: Sendable {
    public let library: RuleLibrary
    /// The name detector's lists and the place gazetteer (Rules/data), read once.
    public let names: NameLists
    public let places: PlaceLists
    /// The learned name tagger (`data/name-tagger.bin`), loaded once per process and shared by
    /// every thread; nil when the library has no weights file (names then come from lists and cues).
    public let nameTagger: NameTagger?
    /// Skip a pattern where PCRE2's own analysis says it cannot match (see `PatternGate`); off only
    /// in the test that proves the gates change no finding.
    package var usesGates = true
    /// The library's rules prepared for scanning, once.
    let fullPlan: ScanPlan

    /// `names`, `places` and `nameTagger` default to the files in the library's `data/` folder.
    public init(library: RuleLibrary, names: NameLists? = nil, places: PlaceLists? = nil, nameTagger: NameTagger? = nil) {
        self.library = library
        let folder = library.directory?.appendingPathComponent("data")
        let shared = folder.map { SharedLists.cache.lists(for: $0, stored: library.cacheAttachment("word-lists")) }
        let names = names ?? shared?.names ?? NameLists()
        self.names = names
        self.places = places ?? shared?.places ?? PlaceLists()
        self.nameTagger = nameTagger ?? folder.flatMap { NameTagger.shared(folder: $0, lists: names) }
        self.fullPlan = ScanPlan(library.rules, library: library)
    }

    /// Everything the detectors find in a document: its text, and its attachments (media).
    public func detect(_ document: Document, scratch: MatchScratch) -> DetectorResult {
        var result = scan(document, scratch: scratch)
        detectMedia(document, scratch: scratch, into: &result)
        return result
    }

    /// Attachments, in one place. Safe Harbor (R): full-face photographs and comparable images.
    /// PostGuard cannot see an image, so every attachment is a photo a person must look at. Alt text
    /// is published with the image and read by screen readers: it is scanned as its own text, with
    /// its own ranges (none of the document's front matter applies to it); its findings are about
    /// the document as a whole, since they have no place in the document's text.
    func detectMedia(_ document: Document, scratch: MatchScratch, into result: inout DetectorResult) {
        let photo = library.catalog["phi.photo"] ?? .placeholder("phi.photo", category: .photo, severity: .review, roles: [.attachment])
        for (number, media) in document.media.enumerated() {
            result.findings.append(Finding(entry: photo, span: nil, matchedText: media.path ?? "attachment"))
            guard let alt = media.alt, !alt.isEmpty else { continue }
            // Alt text is a description of the image: the described-media rules read it as one.
            let altText = Document(source: document.source, id: document.id, text: "[photo: \(alt)]", kind: document.kind,
                                   channel: document.channel, recordLine: document.recordLine)
            let inAlt = scan(altText, scratch: scratch)
            result.failures += inAlt.failures
            result.findings += inAlt.findings.map { finding in
                var whole = finding
                whole.span = nil
                // The attachment by number: its file name may itself carry a name.
                whole.message = "In the alt text of attachment \(number + 1): " + finding.message
                return whole
            }
        }
    }

    /// The same object for a detector and its copies, and for no other detector: what a cache of
    /// something derived from a detector is keyed by.
    package var identity: AnyObject { fullPlan }

    /// Scans `document`'s text with every rule (or only `rules` when given).
    public func scan(_ document: Document, scratch: MatchScratch, rules: [CompiledRule]? = nil) -> DetectorResult {
        // The whole library's plan is built once per detector; a hand-picked list (profiling, a
        // rule's own examples) gets its own.
        let plan = rules.map { ScanPlan($0, library: library) } ?? fullPlan
        return document.text.withUTF8Bytes { bytes in
            scan(document, bytes: bytes, scratch: scratch, plan: plan)
        }
    }

    private struct Hit: Hashable {
        var rule: Int
        var range: ByteRange
    }

    private func scan(_ document: Document, bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch, plan: ScanPlan) -> DetectorResult {
        let rules = plan.rules
        let body = ByteRange(min(document.bodyStart, bytes.count), bytes.count)
        scratch.restartClock()
        // Which byte values occur, and which of the patterns' required literals: two passes that
        // let most patterns be skipped without calling PCRE2.
        let present = ByteSet(of: bytes)
        let (literalsFound, literalsListed) = usesGates && plan.literals.count > 0 ? plan.literals.occurrences(in: LiteralSet.fold(bytes)) : ([], [])
        // Which keywords occur (in the ASCII-lower-cased text), found together in one pass the
        // first time a rule with keywords applies: searching for each keyword on its own was 4% of
        // an audit of social posts.
        var keywordFound: [Bool]?
        // The longest run of digits, read the first time a pattern that needs digits could run.
        var digitRun: Int?
        var nameHits: [NameDetector.Hit]?
        var hits: [Hit] = []
        var failures: [RuleFailure] = []
        var patternRuns = 0
        // Several lexicon groups at once (a full scan): one pass of the merged pattern serves them all.
        let lexiconRules = plan.lexiconRules
        let mergedLexicon = lexiconRules.count > 1 ? library.lexicon : nil
        if let matcher = mergedLexicon {
            scratch.startRule()
            do {
                var found: [Hit] = []
                matcher.words.forEachMatch(in: bytes, range: body) { whole in
                    if let id = matcher.ruleID(for: ByteText.substring(bytes, whole)), let index = lexiconRules[id] {
                        found.append(Hit(rule: index, range: whole))
                    }
                }
                // Every hashtag pattern matches at a '#': without one none is compiled (the first
                // use of each compiled a 1,200-term alternation only to read its gate).
                for lazy in matcher.patterns where !usesGates || present.contains(LexiconMatcher.hashtagSign) {
                    let pattern: Pattern
                    do { pattern = try lazy.pattern() } catch { throw MatchError(reason: .other(-1)) }
                    if usesGates, !pattern.gate.admits(present) { continue }
                    patternRuns += 1
                    try pattern.forEachMatch(in: bytes, range: body, scratch: scratch) { whole, _ in
                        if let id = matcher.ruleID(for: ByteText.substring(bytes, whole)), let index = lexiconRules[id] {
                            found.append(Hit(rule: index, range: whole))
                        }
                    }
                }
                // The lexicon's patterns are chunks of one alternation: keep the leftmost-longest matches.
                found.sort { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }
                var end = -1
                for hit in found where hit.range.start >= end {
                    hits.append(hit)
                    end = hit.range.end
                }
            } catch {
                failures.append(RuleFailure(rule: "health-lexicon", source: document.source, line: document.recordLine ?? 1,
                                            error: error as? MatchError ?? MatchError(reason: .other(-1))))
            }
        }
        let kind = ScanPlan.kindBit(document.kind)
        // Only the rules that may match: those every text visits, and those with a pattern whose
        // first set of required literals the text holds (reading every rule's gates for every text
        // was a tenth of an audit, most of it waiting on memory).
        for index in usesGates ? plan.rulesToVisit(literalsListed) : Array(rules.indices) where plan.kindMasks[index] & kind != 0 {
            if mergedLexicon != nil, plan.isLexicon[index] { continue }
            // A rule that matches only within another's matches (a described photo's) has nothing
            // to report where that rule, already run, matched nothing: most documents hold no photo.
            if usesGates, let container = plan.containerIndex[index], container < index,
               !hits.contains(where: { $0.rule == container }) { continue }
            let keywords = plan.ruleKeywords[index]
            if !keywords.isEmpty {
                if keywordFound == nil {
                    keywordFound = plan.keywordSet.present(in: ByteText.asciiLowercased(bytes))
                    scratch.restartClock()
                }
                guard keywords.contains(where: { keywordFound![$0] || plan.keywords[$0].isEmpty }) else { continue }
            }
            if plan.detectors[index] == .names || plan.detectors[index] == .possibleNames {
                if nameHits == nil {
                    let tagged = nameTagger?.personMentions(in: UnsafeBufferPointer(rebasing: bytes[body.start...])) ?? []
                    nameHits = NameDetector(lists: names).hits(in: bytes, body: body.start, tagged: tagged).filter { hit in
                        // The two context checks only for the few hits the word lists would drop.
                        hit.category != .name || !NameDetector.namesNoOne(ByteText.substring(bytes, hit.range), names: names, places: places)
                            || NameDetector.titled(hit.range.start, in: bytes) || NameDetector.subjectOfAPersonVerb(hit.range.end, in: bytes)
                    }
                }
                let category = plan.categories[index], tentative = plan.detectors[index] == .possibleNames
                hits += nameHits!.filter { $0.category == category && $0.isTentative == tentative }.map { Hit(rule: index, range: $0.range) }
                scratch.restartClock()
            }
            if plan.detectors[index] == .places {
                hits += PlaceDetector(lists: places).hits(in: bytes, body: body.start).map { Hit(rule: index, range: $0) }
                scratch.restartClock()
            }
            scratch.startRule() // each rule has its own time budget on this document
            do {
                var patterns = plan.patterns[index]
                if let lazy = plan.lazyPatterns[index] {
                    do { patterns = [try lazy.pattern()] } catch { throw MatchError(reason: .other(-1)) }
                }
                for (number, pattern) in patterns.enumerated() {
                    if usesGates {
                        if !pattern.gate.admits(present) || !pattern.gate.admits(length: body.end - body.start) { continue }
                        if plan.lazyPatterns[index] == nil, let needs = plan.patternNeeds[index][number] {
                            if !needs.literalSets.allSatisfy({ $0.contains { literalsFound[$0] } }) { continue }
                            if needs.digitRun > 0 {
                                if digitRun == nil {
                                    digitRun = RequiredLiterals.longestDigitRun(in: bytes)
                                    scratch.restartClock()
                                }
                                if digitRun! < needs.digitRun { continue }
                            }
                        }
                    }
                    patternRuns += 1
                    try pattern.forEachMatch(in: bytes, range: body, scratch: scratch) { whole, phi in
                        let span = phi ?? whole
                        guard !span.isEmpty else { return }
                        hits.append(Hit(rule: index, range: span))
                    }
                }
            } catch {
                failures.append(RuleFailure(rule: plan.ids[index], source: document.source, line: document.recordLine ?? 1,
                                            error: error as? MatchError ?? MatchError(reason: .other(-1))))
                hits.removeAll { $0.rule == index }
                continue
            }
        }
        // Nothing matched (most record ids, many posts): nothing below has anything to filter, and
        // its indexes and dictionaries cost more than the scan of a short text did.
        if hits.isEmpty { return DetectorResult(findings: [], failures: failures, patternRuns: patternRuns) }
        // Validators and context only for the few candidate spans, after matching, so a rule's
        // matching loop stays tight.
        var kept: [Hit] = []
        var seen = Set<Hit>()
        for hit in hits where seen.insert(hit).inserted {
            let rule = hit.rule
            if let validator = plan.validators[rule] {
                let text = ByteText.substring(bytes, hit.range)
                guard validator.accepts(text[...], data: library.data) else { continue }
            }
            do {
                let required = plan.requiredContexts[rule], excluded = plan.excludedContexts[rule]
                if required != nil || excluded != nil {
                    let window = ByteText.window(around: hit.range, characters: plan.contextWindows[rule], in: bytes)
                    if let required, try required.firstMatch(in: bytes, range: window, scratch: scratch) == nil { continue }
                    if let excluded, try excluded.firstMatch(in: bytes, range: window, scratch: scratch) != nil { continue }
                }
            } catch {
                failures.append(RuleFailure(rule: plan.ids[rule], source: document.source, line: document.recordLine ?? 1, error: error))
                continue
            }
            kept.append(hit)
        }
        // Rules scoped within another keep only matches inside one of its matches.
        let containers = plan.containers
        if !containers.isEmpty {
            var containerRanges: [String: [ByteRange]] = [:]
            for hit in kept where plan.isContainer[hit.rule] {
                containerRanges[plan.ids[hit.rule], default: []].append(hit.range)
            }
            let containerIndexes = containerRanges.mapValues { RangeIndex($0) }
            kept.removeAll { hit in
                guard let container = plan.within[hit.rule] else { return false }
                return !(containerIndexes[container]?.contains(hit.range) ?? false)
            }
        }
        // Rules brought along only as containers are not reported.
        if rules.count > plan.requestedCount { kept.removeAll { $0.rule >= plan.requestedCount } }
        kept = Detector.dropContained(kept, plan: plan)
        // Catch-all rules yield to any other identifier found at the same place (not to a described
        // photo, which is the whole description: a code on the screen it shows is still a code).
        // (Each such question is one binary search in a `RangeIndex`, not a walk over every finding.)
        let specific = RangeIndex(kept.compactMap { hit -> ByteRange? in
            let category = plan.categories[hit.rule]
            return !plan.isFallback[hit.rule] && category.isIdentifier && category != .photo ? hit.range : nil
        })
        kept.removeAll { hit in
            plan.isFallback[hit.rule] && specific.overlaps(hit.range)
        }
        // A town or street the address rules found is not also a person's name ("Quincy, MA"), and
        // a word the health lexicon knows is not one either ("NICU", "Lyme"); nor is a phrase that
        // holds one: people are not named for a treatment (the nurses' team "Chemo Sabe").
        let addresses = RangeIndex(kept.compactMap { plan.categories[$0.rule] == .address ? $0.range : nil })
        let lexiconHits = kept.compactMap { plan.isLexicon[$0.rule] ? $0.range : nil }
        let healthTerms = RangeIndex(lexiconHits)
        // Except a surname that is also a term: "Kendra Foley", "Ann Parkinson" (a first name the
        // lists know, then the term as the run's last word) is a person, and the term is the name's.
        var surnamesThatAreTerms: Set<ByteRange> = []
        kept.removeAll { hit in
            guard plan.categories[hit.rule] == .name else { return false }
            if addresses.overlaps(hit.range) { return true }
            guard healthTerms.overlaps(hit.range) else { return false }
            let terms = lexiconHits.filter { $0.start < hit.range.end && hit.range.start < $0.end }
            if terms.count == 1, terms[0].end <= hit.range.end,
               names.surnameIsTerm(ByteText.substring(bytes, hit.range), nameStart: hit.range.start, term: terms[0]) {
                surnamesThatAreTerms.insert(terms[0])
                return false
            }
            return true
        }
        kept.removeAll { hit in plan.isLexicon[hit.rule] && surnamesThatAreTerms.contains(hit.range) }
        // Front matter fields are not published text.
        kept.removeAll { hit in document.unscanned.contains { $0.start < hit.range.end && hit.range.start < $0.end } }
        var silenced: [Hit] = []
        if Suppression.isPresent(in: bytes) {
            // Each line's comment is read once, however many findings the line holds.
            var lines = Suppression.Lines(bytes)
            silenced = kept.filter { lines.silences(rule: plan.ids[$0.rule], at: $0.range.start) }
            let silencedSet = Set(silenced)
            kept.removeAll { silencedSet.contains($0) }
        }

        let positions = TextPositions.locate((kept + silenced).flatMap { [$0.range.start, $0.range.end] }, in: bytes)
        func finding(_ hit: Hit) -> Finding {
            let start = positions[hit.range.start]!, end = positions[hit.range.end]!
            return Finding(
                entry: rules[hit.rule].entry,
                span: Span(bytes: hit.range, start: start.scalar, end: end.scalar, line: start.line, column: start.column,
                           endLine: end.line, endColumn: end.column),
                matchedText: ByteText.substring(bytes, hit.range))
        }
        let findings = kept.map(finding).sorted { ($0.span!.start, $0.span!.end, $0.rule) < ($1.span!.start, $1.span!.end, $1.rule) }
        return DetectorResult(findings: findings, failures: failures, suppressed: silenced.map(finding), patternRuns: patternRuns)
    }

    /// Two rules of one category often see the same thing (a phone number inside a longer phone
    /// match); report the longest span once.
    /// A rule others match within (a described photo) contains their matches by design.
    /// A milder match never hides a more severe one inside it ("chest wound", an `info` injury,
    /// keeps the `review` clinical image "wound" of a described photo).
    /// A hit is dropped when another of its category, at least as severe and not a container, holds
    /// it: a longer one, or one with the same range and an earlier rule. Asked of every hit, this
    /// is one binary search per hit in the hits of its category and severity or above, sorted by
    /// start then longest first, with the farthest end reached so far (n log n, not n²).
    private static func dropContained(_ hits: [Hit], plan: ScanPlan) -> [Hit] {
        struct Group: Hashable { var category: Category; var severity: Severity }
        var members: [Group: [ByteRange]] = [:]
        var sameRange: [ByteRange: [Int]] = [:]
        for hit in hits where !plan.isContainer[hit.rule] {
            for severity in Severity.allCases where severity <= plan.severities[hit.rule] {
                members[Group(category: plan.categories[hit.rule], severity: severity), default: []].append(hit.range)
            }
            sameRange[hit.range, default: []].append(hit.rule)
        }
        func before(_ a: ByteRange, _ b: ByteRange) -> Bool { a.start != b.start ? a.start < b.start : a.end > b.end }
        let groups = members.mapValues { ranges -> (ranges: [ByteRange], reach: [Int]) in
            let sorted = ranges.sorted(by: before)
            var farthest = Int.min
            return (sorted, sorted.map { farthest = max(farthest, $0.end); return farthest })
        }
        WorkMeter.current?.count(hits.count * (Severity.allCases.count + 1))
        return hits.filter { hit in
            let category = plan.categories[hit.rule], severity = plan.severities[hit.rule]
            if let rules = sameRange[hit.range],
               rules.contains(where: { $0 < hit.rule && plan.categories[$0] == category && plan.severities[$0] >= severity }) {
                return false
            }
            guard let group = groups[Group(category: category, severity: severity)] else { return true }
            // Hits sorted before this one start before it, or at it and end later: those that
            // reach its end hold it.
            var low = 0, high = group.ranges.count
            while low < high {
                let middle = (low + high) / 2
                if before(group.ranges[middle], hit.range) { low = middle + 1 } else { high = middle }
            }
            WorkMeter.current?.count(1)
            return !(low > 0 && group.reach[low - 1] >= hit.range.end)
        }
    }
}

/// What a scan needs to know about a list of rules, worked out once rather than per document:
/// each rule's fields as flat arrays (copying a whole `CompiledRule` per rule per document was a
/// tenth of a scan), the lexicon groups by id, the containers, and every keyword once.
final class ScanPlan: Sendable {
    /// The rules asked for, then the containers they match within that were not asked for.
    let rules: [CompiledRule]
    let requestedCount: Int
    let ids: [String]
    let categories: [Category]
    let severities: [Severity]
    let isFallback: [Bool]
    let isLexicon: [Bool]
    /// The kinds of document each rule applies to, a bit per kind (`kindBit`): asking each rule's
    /// set of kinds hashed the kind's name, 27 times a document.
    let kindMasks: [UInt64]
    let detectors: [SwiftDetector?]
    let patterns: [[Pattern]]
    let lazyPatterns: [LazyPattern?]
    let validators: [Validator?]
    let requiredContexts: [Pattern?]
    let excludedContexts: [Pattern?]
    let contextWindows: [Int]
    /// The id of the rule each rule matches within.
    let within: [String?]
    let isContainer: [Bool]
    /// The index of the rule each rule matches within (the first with that id).
    let containerIndex: [Int?]
    let containers: Set<String>
    /// Lexicon group rule id → index, the first rule with that id.
    let lexiconRules: [String: Int]
    /// Every distinct keyword, lower-cased, and each rule's keywords as indexes into it.
    let keywords: [[UInt8]]
    let ruleKeywords: [[Int]]
    /// The keywords as one set, found in one pass: `present(in:)` of the ASCII-lower-cased text
    /// tells for each keyword whether the text contains it.
    let keywordSet: LiteralSet
    /// Every pattern's required literals (`RequiredLiterals`), found in one pass, and what each
    /// pattern needs: one of each of its sets of literals (indexes into `literals`) and a run of
    /// digits (nil: the pattern always runs).
    let literals: LiteralSet
    let patternNeeds: [[Needs?]]

    static func kindBit(_ kind: DocumentKind) -> UInt64 {
        UInt64(1) << UInt64(DocumentKind.allCases.firstIndex(of: kind)!)
    }

    struct Needs: Sendable {
        var literalSets: [[Int]]
        var digitRun: Int
    }

    init(_ requested: [CompiledRule], library: RuleLibrary) {
        // A rule that matches only within another's matches brings that rule along when scanned alone.
        var rules = requested
        for container in Set(requested.compactMap(\.rule.within)) where !rules.contains(where: { $0.rule.id == container }) {
            if let rule = library.rule(id: container) { rules.append(rule) }
        }
        self.rules = rules
        requestedCount = requested.count
        ids = rules.map(\.rule.id)
        categories = rules.map(\.rule.category)
        severities = rules.map(\.rule.severity)
        isFallback = rules.map { $0.rule.fallback == true }
        isLexicon = rules.map { $0.lexiconGroup != nil }
        kindMasks = rules.map { rule in rule.kinds.map { $0.reduce(0) { $0 | ScanPlan.kindBit($1) } } ?? UInt64.max }
        detectors = rules.map(\.detector)
        patterns = rules.map(\.patterns)
        lazyPatterns = rules.map(\.lazyPattern)
        validators = rules.map(\.validator)
        requiredContexts = rules.map(\.requiredContext)
        excludedContexts = rules.map(\.excludedContext)
        contextWindows = rules.map(\.contextWindow)
        within = rules.map(\.rule.within)
        let containers = Set(rules.compactMap(\.rule.within))
        self.containers = containers
        isContainer = rules.map { containers.contains($0.rule.id) }
        let ids = self.ids
        containerIndex = rules.map { rule in rule.rule.within.flatMap { container in ids.firstIndex(of: container) } }
        lexiconRules = Dictionary(rules.indices.filter { rules[$0].lexiconGroup != nil }.map { (rules[$0].rule.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
        var keywords: [[UInt8]] = []
        var keywordIndex: [[UInt8]: Int] = [:]
        ruleKeywords = rules.map { rule in
            rule.keywords.map { keyword in
                if let known = keywordIndex[keyword] { return known }
                keywordIndex[keyword] = keywords.count
                keywords.append(keyword)
                return keywords.count - 1
            }
        }
        self.keywords = keywords
        keywordSet = LiteralSet(keywords)
        var literals: [[UInt8]] = []
        var literalIndex: [[UInt8]: Int] = [:]
        patternNeeds = rules.map { rule in
            // A rule built by hand (tests) may not carry its literals: read them here.
            let required = rule.requiredLiterals.count == rule.patterns.count
                ? rule.requiredLiterals : rule.patterns.map { RequiredLiterals.requirement(of: $0.source) }
            return required.map { requirement in
                requirement.map { requirement in
                    Needs(literalSets: requirement.literalSets.map { set in
                        set.map { literal in
                            if let known = literalIndex[literal] { return known }
                            literalIndex[literal] = literals.count
                            literals.append(literal)
                            return literals.count - 1
                        }
                    }, digitRun: requirement.digitRun)
                }
            }
        }
        self.literals = LiteralSet(literals)
        // Each rule is visited on every text unless all its patterns need a literal: a detector of
        // its own, a pattern read lazily (its needs are not read) or one with no literal needs.
        var alwaysVisited = [UInt64](repeating: 0, count: (rules.count + 63) / 64)
        var rulesByLiteral = [[Int]](repeating: [], count: literals.count)
        for (index, rule) in rules.enumerated() {
            let needs = patternNeeds[index]
            if rule.detector != nil || rule.lazyPattern != nil || needs.contains(where: { $0 == nil || $0!.literalSets.isEmpty }) {
                alwaysVisited[index / 64] |= 1 << UInt64(index % 64)
                continue
            }
            // A pattern runs only where one literal of each of its sets occurs: indexed by its first set.
            for literal in Set(needs.flatMap { $0!.literalSets[0] }) { rulesByLiteral[literal].append(index) }
        }
        self.alwaysVisited = alwaysVisited
        self.rulesByLiteral = rulesByLiteral
    }

    /// Rules visited on every text, a bit per rule.
    let alwaysVisited: [UInt64]
    /// For each literal, the rules with a pattern whose first set of literals holds it.
    let rulesByLiteral: [[Int]]

    /// The rules a text holding the literals `found` may match, in rule order: every other rule's
    /// patterns each need a literal the text lacks, so visiting it would find nothing.
    func rulesToVisit(_ found: [Int]) -> [Int] {
        var visit = alwaysVisited
        for literal in found {
            for rule in rulesByLiteral[literal] { visit[rule / 64] |= 1 << UInt64(rule % 64) }
        }
        var rules: [Int] = []
        rules.reserveCapacity(visit.count * 16)
        for (word, bits) in visit.enumerated() {
            var bits = bits
            while bits != 0 {
                rules.append(word * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return rules
    }
}

extension Detector {
    /// Time spent by each rule over `documents`, slowest first: which rule to fix when a scan is slow.
    /// The health lexicon is timed as scans run it: all groups in one merged pass.
    /// `runs`: how many times the rule's patterns ran (the texts its gates let through, a run per
    /// pattern), which tells a rule whose gates admit most texts from one that is slow where it runs.
    public func profile(_ documents: [Document], scratch: MatchScratch) -> [(rule: String, seconds: Double, findings: Int, runs: Int)] {
        let clock = ContinuousClock()
        func time(_ id: String, _ rules: [CompiledRule]) -> (rule: String, seconds: Double, findings: Int, runs: Int) {
            var findings = 0, runs = 0
            let plan = ScanPlan(rules, library: library)
            let elapsed = clock.measure {
                for document in documents {
                    let result = document.text.withUTF8Bytes { scan(document, bytes: $0, scratch: scratch, plan: plan) }
                    findings += result.findings.count
                    runs += result.patternRuns
                }
            }
            return (id, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, findings, runs)
        }
        let lexicon = library.rules.filter { $0.lexiconGroup != nil }
        let others = library.rules.filter { $0.lexiconGroup == nil }.map { time($0.rule.id, [$0]) }
        return (others + (lexicon.isEmpty ? [] : [time("health lexicon (\(lexicon.count) groups, one pass)", lexicon)]))
            .sorted { $0.seconds > $1.seconds }
    }
}

/// `postguard-ignore` on a line silences that line's findings; `postguard-ignore RULE[,RULE]` only
/// those rules. It lives in the draft, so the decision is reviewed with the draft.
enum Suppression {
    static let marker = Array("postguard-ignore".utf8)

    static func isPresent(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteText.contains(UnsafeRawBufferPointer(bytes), marker)
    }

    /// The rules a line's comment names (empty: all), or nil when the line has no comment.
    static func silenced(onLine line: String) -> [String]? {
        guard let found = line.range(of: "postguard-ignore") else { return nil }
        // Rule ids always contain a dot, which tells them apart from the words of a comment.
        return line[found.upperBound...].split { $0 == " " || $0 == "," || $0 == "\t" }
            .prefix { $0.contains(".") }.map(String.init)
    }

    /// A document's lines, each line's comment read once: many findings on one long line do not
    /// each read the line again.
    struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each line break is, found in one pass: a finding's line is a binary search.
        private let breaks: [Int]
        private var known: [Int: [String]?] = [:]

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            breaks = bytes.indices.filter { bytes[$0] == 0x0A }
            WorkMeter.current?.count(bytes.count)
        }

        /// The line holding `offset`, without its line ending (as `TextPositions.lineRange`).
        func lineRange(containing offset: Int) -> ByteRange {
            let offset = min(offset, bytes.count)
            var low = 0, high = breaks.count
            while low < high {
                let middle = (low + high) / 2
                if breaks[middle] < offset { low = middle + 1 } else { high = middle }
            }
            WorkMeter.current?.count(1)
            let start = low > 0 ? breaks[low - 1] + 1 : 0
            var end = low < breaks.count ? breaks[low] : bytes.count
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            return ByteRange(start, end)
        }

        mutating func silences(rule: String, at offset: Int) -> Bool {
            let range = lineRange(containing: offset)
            let named: [String]?
            if let seen = known[range.start] {
                named = seen
            } else {
                named = Suppression.silenced(onLine: ByteText.substring(bytes, range))
                known[range.start] = named
            }
            guard let named else { return false }
            return named.isEmpty || named.contains(rule)
        }
    }
}
