// The quality bars of the identifier and policy issues, enforced on the labelled fixtures: a rule
// change that costs recall or precision fails CI here, with the numbers in the message.
// (`postguard eval` prints the same figures; the README shows them.)
import Foundation
import Testing
@testable import PostGuard

@Suite("Quality on labelled fixtures")
struct QualityTests {
    func organisation(_ corpus: String) throws -> Organisation {
        try Organisation.load(path: fixturesFolder.appendingPathComponent("\(corpus)/organisation.yaml").path)
    }

    @Test("Identifiers: recall ≥ 0.97 per category (0.92 for name and address), precision ≥ 0.90 overall")
    func identifiers() throws {
        let policy = Policy(organisation: try organisation("identifiers"), today: CalendarDate(iso: "2026-11-22")!)
        let result = try Evaluator(scanner: Scanner(library: shippedLibrary, policy: policy))
            .identifiers(folder: fixturesFolder.appendingPathComponent("identifiers"))
        #expect(result.snippets >= 400)
        #expect(result.clean >= 100)
        for score in result.categories {
            let bar = ["name", "address"].contains(score.category) ? 0.92 : 0.97
            #expect(score.recall >= bar, "\(score.category): recall \(score.recall) < \(bar) (\(score.found)/\(score.gold))")
        }
        #expect(result.overall.precision >= 0.90, "precision \(result.overall.precision)")
        // Every identifier category the corpus can carry is represented.
        let covered = Set(result.categories.filter { $0.gold > 0 }.map(\.category))
        let expected = Set(Category.identifiers.map(\.rawValue)).subtracting(["photo"])
        #expect(covered.isSuperset(of: expected), "missing: \(expected.subtracting(covered))")
    }

    @Test("Documents: ≥ 95% of breaches flagged, ≥ 90% of must-block blocked, ≤ 5% of clean flagged")
    func documents() throws {
        let folder = fixturesFolder.appendingPathComponent("documents")
        var records = try ConsentCSV.parse(try String(contentsOf: folder.appendingPathComponent("CONSENT.csv"), encoding: .utf8),
                                           source: "CONSENT.csv", validate: false).map(\.record)
        // Fixtures keep revocations beside the records (id,date,reason).
        let revocations = try String(contentsOf: folder.appendingPathComponent("REVOCATIONS.csv"), encoding: .utf8)
        ConsentCSV.applyRevocations(revocations, source: "REVOCATIONS.csv", to: &records)
        #expect(records.contains { $0.revokedOn != nil })
        let policy = Policy(consents: ConsentTable(records), organisation: try organisation("documents"), today: CalendarDate(iso: "2026-11-22")!)
        let result = try Evaluator(scanner: Scanner(library: shippedLibrary, policy: policy)).documents(folder: folder)
        #expect(result.breaches + result.clean >= 250)
        #expect(result.flaggedShare >= 0.95, "flagged \(result.breachesFlagged)/\(result.breaches)")
        #expect(result.blockedShare >= 0.90, "blocked \(result.mustBlockBlocked)/\(result.mustBlock)")
        #expect(result.cleanFlaggedShare <= 0.05, "clean flagged \(result.cleanFlagged)/\(result.clean): \(result.mistakes.map(\.id))")
    }
}

/// Persons in social text (issue 10, item 6): the name rules with the learned tagger
/// (Rules/data/name-tagger.bin) on the external development corpora. The floors are the figures
/// reached when the tagger was combined with the rules (2026-11-29), rounded down: a change to the
/// rules, the lists or the weights that loses person recall or precision there fails here.
@Suite("Names in social text")
struct NameQualityTests {
    /// Person recall (gold `name` spans found) and the precision of name and handle findings.
    func persons(_ corpus: String) throws -> (recall: Double, precision: Double) {
        let result = try Evaluator(scanner: Scanner(library: shippedLibrary))
            .spanCorpus(files: [fixturesFolder.appendingPathComponent("corpora/\(corpus)")])
        let scores = Dictionary(uniqueKeysWithValues: result.categories.map { ($0.category, $0) })
        let name = try #require(scores["name"])
        let handle = scores["other-id"] ?? SpanScore(category: "other-id")
        return (name.recall, Double(name.correct + handle.correct) / Double(max(name.predicted + handle.predicted, 1)))
    }

    // With the tagger's possible names (`phi.name.possible`, info) since 2026-11-29: WNUT was
    // 0.677 / 0.869 and BTC 0.867 / 0.795 with its confident names only; 0.721 / 0.817 and 0.877 /
    // 0.770 before a lone listed surname inside a sentence became a possible name ("a Trump supporter");
    // 0.740 / 0.821 and 0.880 / 0.770 before capitalised ordinary words the tagger is sure of, shouted
    // listed names and names listed beside a name found became possible names too; 0.768 / 0.819 and
    // 0.890 / 0.769 before the tagger's third, loosest decoding (names written as names inside a
    // sentence), a sentence's first word cut from a possible name and "to" no longer a town's cue.
    @Test("WNUT-17 dev: person recall ≥ 0.80, precision ≥ 0.80 (rules alone: 0.37, 0.94)")
    func wnut() throws {
        let score = try persons("wnut17-dev.jsonl")
        #expect(score.recall >= 0.80, "recall \(score.recall)")
        #expect(score.precision >= 0.80, "precision \(score.precision)")
    }

    @Test("Broad Twitter Corpus dev: person recall ≥ 0.89, precision ≥ 0.76 (rules alone: 0.26, 0.90)")
    func btc() throws {
        let score = try persons("btc-dev.jsonl")
        #expect(score.recall >= 0.89, "recall \(score.recall)")
        #expect(score.precision >= 0.76, "precision \(score.precision)")
    }

    @Test("A possible name is listed at info and judged on nothing: it pairs with no health term")
    func possibleNames() throws {
        let detector = Detector(library: shippedLibrary)
        let tagger = try #require(detector.nameTagger)
        #expect(tagger.tentativeBias < tagger.outsideBias)
        #expect(tagger.looseBias < tagger.tentativeBias)
        // A name the tagger finds only at its looser bias, beside a health term: the name is
        // listed, the verdict is the health term's alone (as without the name).
        let scanner = Scanner(library: shippedLibrary)
        let named = scanner.check(Document(source: "t", text: "Shaq had me weak lol, after the chemo"), scratch: MatchScratch()).result
        let possible = try #require(named.findings.first { $0.rule == "phi.name.possible" })
        #expect(possible.matchedText == "Shaq" && possible.severity == .info)
        #expect(!named.findings.contains { $0.rule == "phi.name" || $0.rule.hasPrefix("policy.identifiable") })
        let unnamed = scanner.check(Document(source: "t", text: "He had me weak lol, after the chemo"), scratch: MatchScratch()).result
        #expect(named.verdict == unnamed.verdict)
        // A confident name in the same place still pairs and blocks.
        let sure = scanner.check(Document(source: "t", text: "Maria Lopez had me weak lol, after the chemo"), scratch: MatchScratch()).result
        #expect(sure.verdict == .block)
    }

    @Test("The shipped weights load, with the header's O bias, and tag a lower-case chat name")
    func shippedWeights() throws {
        let detector = Detector(library: shippedLibrary)
        let tagger = try #require(detector.nameTagger)
        #expect(tagger.header.hasPrefix("postguard-name-tagger version=1 "))
        #expect(tagger.header.contains("o-bias=\(Int(tagger.outsideBias))"))
        #expect(tagger.header.contains("licence=CC-BY-4.0"))
        // One instance per process: every Detector shares it.
        #expect(Detector(library: shippedLibrary).nameTagger?.header == tagger.header)
        let text = "omg jess just got out of surgery , so proud of her"
        let mentions = Array(text.utf8).withUnsafeBufferPointer { tagger.personMentions(in: $0) }
        // The sure names; the looser decodings' guesses are tentative (the detector's guards sift them).
        #expect(mentions.filter { !$0.isTentative }.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == ["jess"])
    }

    @Test("A broken weights file is refused with a reason, not read as zeros")
    func brokenWeights() throws {
        let lists = Detector(library: shippedLibrary).names
        #expect(throws: NameTaggerError.self) {
            try NameTagger(weightsData: Data("postguard-name-tagger version=2 rows=0\n".utf8), firstNames: lists.firstNames,
                           surnames: lists.surnames, commonWords: lists.commonWords)
        }
        #expect(throws: NameTaggerError.self) {
            try NameTagger(weightsData: Data("postguard-name-tagger version=1 hash=fnv1a64 bits=20 tags=O,B,I rows=2\n0123".utf8),
                           firstNames: lists.firstNames, surnames: lists.surnames, commonWords: lists.commonWords)
        }
    }
}

/// Text nobody here wrote (Fixtures/corpora, copied from ../shared/corpora with their licences): the
/// figures reached on 2026-11-29, rounded down, held as floors. They are development sets — the
/// figures the project is judged on come from kept-apart sets of the same kinds — so a change that
/// loses ground here has lost it on text like the users'.
@Suite("Quality on public and independent corpora")
struct ExternalQualityTests {
    @Test("ASQ-PHI dev: recall ≥ 0.98, precision ≥ 0.99, ≤ 3 of 112 hard negatives flagged (before: 0.66, 0.995, 4)")
    func asq() throws {
        let result = try Evaluator(scanner: Scanner(library: shippedLibrary))
            .spanCorpus(files: [fixturesFolder.appendingPathComponent("corpora/asq-dev.jsonl")])
        #expect(result.overall.recall >= 0.98, "recall \(result.overall.recall)")
        #expect(result.overall.precision >= 0.99, "precision \(result.overall.precision)")
        #expect(result.hardNegatives == 112)
        // 4 with the tagger's first possible names (info); 3 since a score named after a town ("Framingham risk score") and medical endings are no person.
        #expect(result.hardNegativesFlagged <= 3, "\(result.hardNegativesFlagged) hard negatives flagged")
    }

    @Test("verdicts-dev: floors per kind on breaches flagged, must-block blocked and clean flagged")
    func verdicts() throws {
        // Before this work: all 0.68 / 0.59 / 0.36.
        try expectFloors(corpus: "corpora/verdicts-dev.jsonl", consents: "corpora/verdicts-dev-consents.jsonl", documents: 240, floors: [
            (nil, 0.97, 0.98, 0.02), ("post", 0.95, 0.96, 0.01), ("reply", 0.99, 0.99, 0.01), ("message", 0.99, 0.99, 0.11),
        ])
    }

    /// Sets written without sight of the rules, each first run blind (its README says how it scored
    /// then), held as floors since: folder, documents, (kind, flagged ≥, blocked ≥, clean flagged ≤).
    /// (folder, documents, floors per kind), in two literals: one grew too long for the type checker.
    static let freshSets: [(String, Int, [(String?, Double, Double, Double)])] = earlierSets + twelfthSessionSets + thirteenthSessionSets + fourteenthSessionSets + fifteenthSessionSets + sixteenthSessionSets + seventeenthSessionSets + eighteenthSessionSets + twentiethSessionSets + twentySecondSessionSets
        + twentyThirdSessionSets + twentyFourthSessionSets + twentyFifthSessionSets + twentySixthSessionSets + twentySeventhSessionSets + twentyEighthSessionSets
    static let earlierSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Blind at 674c22d: all 0.84 / 0.85 / 0.31.
        ("verdicts-fresh", 180, [(nil, 0.95, 0.95, 0.05), ("post", 0.94, 0.93, 0.05), ("reply", 0.96, 0.95, 0.01), ("message", 0.99, 0.99, 0.14)]),
        // Blind at 3c4003e: all 0.84 / 0.83 / 0.34.
        ("verdicts-fresh3", 200, [(nil, 0.94, 0.95, 0.07), ("post", 0.90, 0.93, 0.11), ("reply", 0.99, 0.99, 0.01), ("message", 0.99, 0.93, 0.06)]),
        // Blind at c41a44e, after tuning on fresh3: all 0.75 / 0.75 / 0.22.
        ("verdicts-fresh4", 200, [(nil, 0.97, 0.96, 0.08), ("post", 0.96, 0.95, 0.02), ("reply", 0.99, 0.99, 0.01), ("message", 0.94, 0.94, 0.38)]),
        // Blind at f53091d: all 0.82 / 0.84 / 0.17. Since the quotation cue (2026-11-30) a mayor
        // quoting his own diagnosis beside a free screening at a named hospital is for review (the
        // hospital beside a person), one more clean post flagged.
        ("verdicts-fresh5", 200, [(nil, 0.97, 0.95, 0.06), ("post", 0.94, 0.95, 0.04), ("reply", 0.99, 0.99, 0.01), ("message", 0.99, 0.92, 0.18)]),
        // Blind at f53091d: all 0.72 / 0.75 / 0.15; blind again at a5d2381, after that session's
        // tuning on the fourth and fifth: 0.75 / 0.77 / 0.14. The weakest, and the honest one.
        // Post floor 0.92 since the twenty-ninth session: a minor's substance-use story signed by a
        // parent was blocked only because "Meet Dashiell" read as a second person; the gate now
        // reads "Meet" as no name, and the real defect (the parent's authority) is not detected.
        ("verdicts-fresh6", 200, [(nil, 0.95, 0.93, 0.06), ("post", 0.92, 0.94, 0.02), ("reply", 0.99, 0.99, 0.01), ("message", 0.88, 0.81, 0.24)]),
        // Blind at a36ae3b: all 0.72 / 0.68 / 0.11 (the session's start, 2026-11-30).
        ("verdicts-fresh7", 200, [(nil, 0.93, 0.92, 0.08), ("post", 0.90, 0.88, 0.10), ("reply", 0.99, 0.99, 0.05), ("message", 0.88, 0.93, 0.06)]),
        // Blind at a36ae3b: all 0.83 / 0.92 / 0.15; blind again at 8a8b989, the end of that session:
        // 0.86 / 0.93 / 0.16. Since studied by kind, misses and false alarms.
        ("verdicts-fresh8", 200, [(nil, 0.96, 0.98, 0.04), ("post", 0.94, 0.99, 0.04), ("reply", 0.96, 0.99, 0.04), ("message", 0.94, 0.93, 0.12)]),
        // Blind at a36ae3b: all 0.79 / 0.76 / 0.11; blind again at c5a9749, after tuning on the
        // seventh: 0.80 / 0.78 / 0.11.
        ("verdicts-fresh9", 200, [(nil, 0.94, 0.95, 0.10), ("post", 0.94, 0.97, 0.15), ("reply", 0.96, 0.99, 0.04), ("message", 0.88, 0.86, 0.01)]),
        // Blind at e528824 (the next session's start): all 0.78 / 0.73 / 0.04.
        ("verdicts-fresh10", 200, [(nil, 0.96, 0.89, 0.02), ("post", 0.96, 0.86, 0.02), ("reply", 0.98, 0.99, 0.02), ("message", 0.92, 0.85, 0.02)]),
        // Blind at e528824: all 0.72 / 0.67 / 0.10; again at 22c4a8b, after the tenth: 0.73 / 0.67 / 0.09.
        ("verdicts-fresh12", 200, [(nil, 0.94, 0.85, 0.08), ("post", 0.94, 0.81, 0.11), ("reply", 0.94, 0.98, 0.06), ("message", 0.92, 0.80, 0.02)]),
        // Blind at e528824: all 0.72 / 0.70 / 0.14; again at 22c4a8b, after the tenth: 0.72 / 0.70 / 0.13.
        ("verdicts-fresh13", 200, [(nil, 0.89, 0.85, 0.08), ("post", 0.88, 0.83, 0.05), ("reply", 0.94, 0.94, 0.06), ("message", 0.81, 0.74, 0.19)]),
        // Kept unseen through the session of 2026-11-30: blind at e528824, 0.77 / 0.78 / 0.08, and at
        // its end (2560b4d), 0.80 / 0.78 / 0.07; then studied.
        ("verdicts-fresh11", 200, [(nil, 0.89, 0.88, 0.08), ("post", 0.85, 0.89, 0.10), ("reply", 0.94, 0.93, 0.01), ("message", 0.88, 0.79, 0.14)]),
        // Blind at e528824: all 0.74 / 0.77 / 0.15; again at 2b5c239, after the tenth to thirteenth: 0.75 / 0.77 / 0.14.
        ("verdicts-fresh14", 200, [(nil, 0.87, 0.82, 0.12), ("post", 0.81, 0.74, 0.19), ("reply", 0.94, 0.99, 0.02), ("message", 0.92, 0.88, 0.08)]),
        // Blind at e528824: all 0.75 / 0.81 / 0.15; again at 2b5c239: 0.77 / 0.84 / 0.12.
        ("verdicts-fresh15", 200, [(nil, 0.93, 0.92, 0.10), ("post", 0.92, 0.90, 0.13), ("reply", 0.90, 0.99, 0.10), ("message", 0.98, 0.91, 0.14)]),
        // Blind at c1bceec: all 0.84 / 0.87 / 0.07.
        ("verdicts-fresh16", 200, [(nil, 0.96, 0.93, 0.06), ("post", 0.94, 0.90, 0.06), ("reply", 0.98, 0.99, 0.06), ("message", 0.98, 0.98, 0.13)]),
        // Kept unseen: blind at c1bceec all 0.81 / 0.85 / 0.13, at 2e9703c 0.85 / 0.88 / 0.12; studied in the ninth session.
        ("verdicts-fresh17", 200, [(nil, 0.89, 0.91, 0.08), ("post", 0.85, 0.88, 0.10), ("reply", 0.94, 0.93, 0.06), ("message", 0.92, 0.98, 0.08)]),
        // Blind at c1bceec: all 0.86 / 0.86 / 0.09; again at 20e041b: 0.86 / 0.86 / 0.08.
        ("verdicts-fresh18", 200, [(nil, 0.95, 0.93, 0.04), ("post", 0.92, 0.91, 0.03), ("reply", 0.98, 0.99, 0.03), ("message", 0.98, 0.92, 0.14)]),
        // Blind at c1bceec and at 20e041b: all 0.87 / 0.83 / 0.14.
        // Its writer labels "hope you're feeling better" in a reply clean (h19-190); twelve other
        // replies of eight sets wishing a recovery are labelled breaches, and PostGuard follows them.
        ("verdicts-fresh19", 200, [(nil, 0.93, 0.89, 0.06), ("post", 0.89, 0.86, 0.08), ("reply", 0.98, 0.99, 0.04), ("message", 0.98, 0.88, 0.03)]),
        // Blind at f6b97f6: all 0.81 / 0.79 / 0.18.
        ("verdicts-fresh20", 200, [(nil, 0.88, 0.86, 0.11), ("post", 0.85, 0.83, 0.13), ("reply", 0.98, 0.98, 0.02), ("message", 0.81, 0.71, 0.20)]),
        // Kept unseen: blind at f6b97f6 all 0.83 / 0.86 / 0.12, at the session's end 0.84 / 0.87 / 0.12 (not studied).
        // Kept out of the disclosure model's training too: with it, 0.88 / 0.87 / 0.12 (2026-11-30, tenth session).
        // Studied in the eleventh session: 0.90 / 0.89 / 0.08.
        ("verdicts-fresh21", 200, [(nil, 0.89, 0.87, 0.09), ("post", 0.88, 0.85, 0.14), ("reply", 0.92, 0.94, 0.01), ("message", 0.88, 0.90, 0.07)]),
        // Blind at f6b97f6 and at 3af0537: all 0.75 / 0.71 / 0.05.
        ("verdicts-fresh22", 200, [(nil, 0.81, 0.78, 0.04), ("post", 0.80, 0.75, 0.02), ("reply", 0.87, 0.90, 0.02), ("message", 0.76, 0.64, 0.14)]),
        // Blind at f6b97f6 and at f11e84c: all 0.90 / 0.87 / 0.16.
        ("verdicts-fresh23", 200, [(nil, 0.96, 0.95, 0.10), ("post", 0.94, 0.94, 0.13), ("reply", 0.98, 0.98, 0.10), ("message", 0.98, 0.92, 0.02)]),
        // Blind at f6b97f6: all 0.77 / 0.80 / 0.07; at d833620 0.76 / 0.79 / 0.07.
        // Kept unseen: blind at f6b97f6 all 0.84 / 0.82 / 0.09, at ebf4029 (the end) 0.85 / 0.85 / 0.08 (not studied).
        // Kept out of the disclosure model's training too: with it, 0.90 / 0.85 / 0.08 (2026-11-30, tenth session).
        // Studied in the eleventh session: 0.90 / 0.86 / 0.05.
        ("verdicts-fresh25", 200, [(nil, 0.88, 0.84, 0.03), ("post", 0.84, 0.85, 0.02), ("reply", 0.99, 0.94, 0.01), ("message", 0.88, 0.68, 0.07)]),
        // Blind at f6b97f6: all 0.72 / 0.79 / 0.09; at c12f3de 0.74 / 0.81 / 0.09.
        ("verdicts-fresh26", 200, [(nil, 0.94, 0.94, 0.10), ("post", 0.94, 0.95, 0.11), ("reply", 0.81, 0.92, 0.10), ("message", 0.83, 0.78, 0.08)]),
        ("verdicts-fresh24", 200, [(nil, 0.85, 0.86, 0.07), ("post", 0.84, 0.85, 0.08), ("reply", 0.85, 0.93, 0.02), ("message", 0.92, 0.79, 0.14)]),
        // Kept unseen and out of the disclosure model's training: blind at c48783f all 0.89 / 0.86 / 0.11, at 5aa4c68
        // (the end) 0.89 / 0.86 / 0.12; then four changed documents read (2026-11-30, eleventh session).
        ("verdicts-fresh27", 200, [(nil, 0.89, 0.86, 0.13), ("post", 0.89, 0.91, 0.16), ("reply", 0.88, 0.81, 0.05), ("message", 0.89, 0.80, 0.15)]),
        // Blind at c48783f: all 0.86 / 0.72 / 0.16; studied, and in the model's training.
        ("verdicts-fresh28", 200, [(nil, 0.91, 0.92, 0.11), ("post", 0.88, 0.87, 0.09), ("reply", 0.92, 0.96, 0.01), ("message", 0.99, 0.92, 0.29)]),
        // An independent reviewer's 223 documents: at its frozen build (30e8de7) all 0.89 / 0.88 / 0.16.
        // The twelfth session's retrained second reader no longer blocks m18 (a room asked for a
        // named new mother), which the rules hold for review as a look-up request.
        ("verdicts-review1", 223, [(nil, 0.91, 0.88, 0.08), ("post", 0.99, 0.96, 0.09), ("reply", 0.84, 0.86, 0.07), ("message", 0.90, 0.81, 0.07)]),
        // A second reviewer's 216 documents (45 of them aimed at the weaknesses it found): at its frozen
        // build (de00353) all 0.83 / 0.71 / 0.13.
        ("verdicts-review2", 216, [(nil, 0.84, 0.73, 0.12), ("post", 0.81, 0.69, 0.04), ("reply", 0.80, 0.68, 0.21), ("message", 0.89, 0.79, 0.15)]),
        // Blind at c48783f: all 0.84 / 0.69 / 0.18; studied, and in the model's training.
        ("verdicts-fresh29", 200, [(nil, 0.91, 0.81, 0.04), ("post", 0.90, 0.84, 0.06), ("reply", 0.92, 0.83, 0.01), ("message", 0.92, 0.50, 0.07)]),
    ]
    static let twelfthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Unseen and out of the disclosure model's training in the twelfth session: blind at 6eafb85 (its
        // start) all 0.86 / 0.83 / 0.17 and 0.86 / 0.82 / 0.12, at its end 0.88 / 0.86 / 0.16 and 0.86 / 0.82 / 0.11;
        // studied and trained on in the thirteenth, as below.
        ("verdicts-fresh30", 200, [(nil, 0.96, 0.89, 0.09), ("post", 0.96, 0.85, 0.09), ("reply", 0.90, 0.99, 0.04), ("message", 0.99, 0.87, 0.19)]),
        ("verdicts-fresh31", 200, [(nil, 0.92, 0.89, 0.09), ("post", 0.93, 0.88, 0.10), ("reply", 0.92, 0.83, 0.00), ("message", 0.88, 0.88, 0.24)]),
        // Three more independent reviewers (twelfth session), studied by kind, trained on since the thirteenth: at their
        // frozen builds all 0.86 / 0.93 / 0.18 (6eafb85), 0.80 / 0.79 / 0.11 (b4dd25c), 0.88 / 0.88 / 0.07 (46287ac).
        ("verdicts-review3", 200, [(nil, 0.99, 0.99, 0.04), ("post", 0.99, 0.99, 0.03), ("reply", 0.99, 0.99, 0.04), ("message", 0.99, 0.99, 0.04)]),
        ("verdicts-review4", 200, [(nil, 0.96, 0.96, 0.06), ("post", 0.95, 0.96, 0.03), ("reply", 0.93, 0.95, 0.08), ("message", 0.99, 0.96, 0.08)]),
        ("verdicts-review5", 204, [(nil, 0.94, 0.92, 0.05), ("post", 0.94, 0.96, 0.06), ("reply", 0.96, 0.90, 0.05), ("message", 0.92, 0.88, 0.04)]),
    ]

    static let thirteenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Kept unseen and out of the disclosure model's training (2026-11-30, thirteenth session): blind at
        // 946ebae (the start) all 0.83 / 0.87 / 0.19 and 0.86 / 0.89 / 0.07; at the session's end as below.
        ("verdicts-fresh32", 200, [(nil, 0.86, 0.92, 0.12), ("post", 0.86, 0.94, 0.14), ("reply", 0.82, 0.86, 0.04), ("message", 0.94, 0.91, 0.23)]),
        ("verdicts-fresh33", 200, [(nil, 0.86, 0.90, 0.08), ("post", 0.94, 0.99, 0.15), ("reply", 0.75, 0.82, 0.03), ("message", 0.92, 0.90, 0.08)]),
        // The sixth independent reviewer (thirteenth session), its kinds studied, not trained on: at
        // its frozen build all 0.85 / 0.82 / 0.10.
        ("verdicts-review6", 201, [(nil, 0.94, 0.87, 0.10), ("post", 0.94, 0.94, 0.15), ("reply", 0.94, 0.92, 0.04), ("message", 0.92, 0.73, 0.08)]),
        // The seventh reviewer (thirteenth session, photos described, clinicians' own accounts, handoffs),
        // its kinds studied, not trained on: at its frozen build all 0.97 / 0.92 / 0.14.
        ("verdicts-review7", 203, [(nil, 0.99, 0.96, 0.13), ("post", 0.98, 0.91, 0.10), ("reply", 0.99, 0.99, 0.05), ("message", 0.99, 0.99, 0.27)]),
        // The eighth reviewer (thirteenth session, consent and patient stories), its kinds studied, not
        // trained on: at its frozen build all 0.93 / 0.94 / 0.18.
        ("verdicts-review8", 200, [(nil, 0.98, 0.98, 0.12), ("post", 0.98, 0.99, 0.10), ("reply", 0.99, 0.99, 0.15), ("message", 0.93, 0.90, 0.13)]),
    ]
    static let fourteenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Kept unseen and out of the disclosure model's training (2026-11-30, fourteenth session): blind at
        // c1533aa (the start) all 0.88 / 0.88 / 0.07, 0.94 / 0.90 / 0.16, 0.92 / 0.88 / 0.19 and
        // 0.87 / 0.87 / 0.14; at the session's end as below.
        ("verdicts-fresh34", 200, [(nil, 0.88, 0.89, 0.08), ("post", 0.86, 0.90, 0.12), ("reply", 0.84, 0.82, 0.00), ("message", 0.99, 0.94, 0.06)]),
        ("verdicts-fresh35", 200, [(nil, 0.95, 0.91, 0.15), ("post", 0.95, 0.93, 0.18), ("reply", 0.93, 0.96, 0.00), ("message", 0.96, 0.80, 0.24)]),
        ("verdicts-fresh36", 200, [(nil, 0.92, 0.88, 0.18), ("post", 0.90, 0.86, 0.22), ("reply", 0.90, 0.86, 0.04), ("message", 0.99, 0.93, 0.27)]),
        ("verdicts-fresh37", 200, [(nil, 0.86, 0.85, 0.15), ("post", 0.95, 0.99, 0.14), ("reply", 0.80, 0.74, 0.21), ("message", 0.77, 0.76, 0.06)]),
        // The ninth to fourteenth independent reviewers (fourteenth session), their kinds studied, not
        // trained on; each README gives its frozen build's figures.
        ("verdicts-review9", 215, [(nil, 0.84, 0.85, 0.06), ("post", 0.83, 0.81, 0.09), ("reply", 0.84, 0.99, 0.00), ("message", 0.90, 0.99, 0.00)]),
        ("verdicts-review10", 201, [(nil, 0.71, 0.67, 0.01), ("post", 0.75, 0.86, 0.00), ("reply", 0.77, 0.70, 0.00), ("message", 0.64, 0.55, 0.03)]),
        ("verdicts-review11", 200, [(nil, 0.91, 0.85, 0.05), ("post", 0.85, 0.81, 0.02), ("reply", 0.95, 0.93, 0.00), ("message", 0.99, 0.85, 0.16)]),
        ("verdicts-review12", 200, [(nil, 0.93, 0.91, 0.03), ("post", 0.92, 0.91, 0.02), ("reply", 0.94, 0.99, 0.00), ("message", 0.91, 0.80, 0.08)]),
        ("verdicts-review13", 200, [(nil, 0.96, 0.94, 0.06), ("post", 0.99, 0.99, 0.00), ("reply", 0.94, 0.92, 0.09), ("message", 0.99, 0.99, 0.00)]),
        ("verdicts-review14", 204, [(nil, 0.89, 0.96, 0.14), ("post", 0.82, 0.96, 0.11), ("reply", 0.96, 0.95, 0.09), ("message", 0.93, 0.96, 0.25)]),
    ]
    static let fifteenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Kept unseen and out of the disclosure model's training (2026-12-01, fifteenth session): blind at
        // 69ce3bd (the start) all 0.94 / 0.88 / 0.12, 0.89 / 0.83 / 0.21, 0.89 / 0.83 / 0.21 and
        // 0.89 / 0.94 / 0.23; at its end 0.95 / 0.89 / 0.11, 0.88 / 0.83 / 0.21, 0.89 / 0.84 / 0.20 and
        // 0.90 / 0.92 / 0.21. Studied and trained on in the sixteenth session: floors at its end.
        ("verdicts-fresh38", 200, [(nil, 0.99, 0.96, 0.07), ("post", 0.98, 0.95, 0.09), ("reply", 0.99, 0.99, 0.00), ("message", 0.99, 0.93, 0.12)]),
        ("verdicts-fresh39", 200, [(nil, 0.95, 0.93, 0.14), ("post", 0.91, 0.87, 0.11), ("reply", 0.97, 0.96, 0.15), ("message", 0.99, 0.99, 0.20)]),
        ("verdicts-fresh40", 200, [(nil, 0.94, 0.89, 0.17), ("post", 0.92, 0.89, 0.18), ("reply", 0.99, 0.95, 0.08), ("message", 0.89, 0.81, 0.32)]),
        ("verdicts-fresh41", 200, [(nil, 0.97, 0.93, 0.12), ("post", 0.88, 0.89, 0.14), ("reply", 0.99, 0.96, 0.04), ("message", 0.99, 0.90, 0.18)]),
        // The fifteenth to seventeenth independent reviewers, studied in the fifteenth session and trained
        // on in the sixteenth; each README gives its frozen build's figures.
        ("verdicts-review15", 200, [(nil, 0.96, 0.93, 0.25), ("reply", 0.99, 0.99, 0.00), ("message", 0.95, 0.92, 0.30)]),
        ("verdicts-review16", 209, [(nil, 0.98, 0.93, 0.15), ("post", 0.99, 0.93, 0.17), ("reply", 0.91, 0.90, 0.00)]),
        ("verdicts-review17", 200, [(nil, 0.90, 0.78, 0.05), ("post", 0.91, 0.75, 0.08), ("reply", 0.94, 0.93, 0.00), ("message", 0.80, 0.61, 0.00)]),
    ]
    static let sixteenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Kept unseen and out of the disclosure model's training (2026-12-01, sixteenth session): blind at
        // 10fe558 (the start) all 0.87 / 0.83 / 0.20, 0.90 / 0.89 / 0.09, 0.86 / 0.90 / 0.10 and
        // 0.86 / 0.86 / 0.14; at the session's end as below.
        ("verdicts-fresh42", 200, [(nil, 0.87, 0.83, 0.18), ("post", 0.86, 0.82, 0.22), ("reply", 0.86, 0.82, 0.00), ("message", 0.88, 0.78, 0.36)]),
        ("verdicts-fresh43", 200, [(nil, 0.91, 0.90, 0.08), ("post", 0.96, 0.89, 0.08), ("reply", 0.82, 0.90, 0.04), ("message", 0.88, 0.90, 0.17)]),
        ("verdicts-fresh44", 200, [(nil, 0.87, 0.90, 0.10), ("post", 0.87, 0.91, 0.15), ("reply", 0.90, 0.95, 0.00), ("message", 0.85, 0.80, 0.08)]),
        ("verdicts-fresh45", 200, [(nil, 0.87, 0.86, 0.15), ("post", 0.87, 0.86, 0.19), ("reply", 0.82, 0.84, 0.00), ("message", 0.94, 0.88, 0.23)]),
        // The eighteenth to twentieth independent reviewers (2026-12-01, sixteenth session), their kinds
        // studied, not trained on; each README gives its frozen build's figures.
        ("verdicts-review18", 203, [(nil, 0.88, 0.87, 0.25), ("post", 0.99, 0.99, 0.04), ("reply", 0.81, 0.84, 0.00), ("message", 0.88, 0.84, 0.38)]),
        ("verdicts-review19", 201, [(nil, 0.88, 0.82, 0.17), ("post", 0.84, 0.79, 0.18), ("reply", 0.99, 0.99, 0.00), ("message", 0.99, 0.87, 0.28)]),
        ("verdicts-review20", 225, [(nil, 0.87, 0.79, 0.10), ("post", 0.96, 0.83, 0.10), ("reply", 0.85, 0.84, 0.07), ("message", 0.70, 0.60, 0.13)]),
    ]
    static let seventeenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Kept unseen and out of the disclosure model's training (2026-12-01, seventeenth session): blind
        // at c50acd0 (the start) all 0.97 / 0.94 / 0.16, 0.90 / 0.86 / 0.11, 0.93 / 0.92 / 0.11 and
        // 0.91 / 0.91 / 0.08; at the session's end as below.
        ("verdicts-fresh46", 200, [(nil, 0.94, 0.92, 0.16), ("post", 0.91, 0.94, 0.20), ("reply", 0.96, 0.92, 0.04), ("message", 0.99, 0.88, 0.20)]),
        ("verdicts-fresh47", 200, [(nil, 0.89, 0.85, 0.12), ("post", 0.87, 0.83, 0.14), ("reply", 0.87, 0.92, 0.05), ("message", 0.95, 0.78, 0.14)]),
        ("verdicts-fresh48", 200, [(nil, 0.92, 0.90, 0.11), ("post", 0.92, 0.92, 0.15), ("reply", 0.90, 0.82, 0.00), ("message", 0.95, 0.99, 0.15)]),
        // Blocked 0.90 (message 0.94) since 2026-12-02: one export it held was blocked only for its
        // senders' role mailboxes (reports@, benefits@), which are now a desk's (info), not a person's.
        ("verdicts-fresh49", 200, [(nil, 0.91, 0.90, 0.06), ("post", 0.85, 0.84, 0.09), ("reply", 0.96, 0.95, 0.00), ("message", 0.95, 0.94, 0.08)]),
        // The twenty-first to twenty-third independent reviewers (2026-12-01, seventeenth session), their
        // kinds studied, not trained on; each README gives its frozen build's figures.
        ("verdicts-review21", 200, [(nil, 0.89, 0.82, 0.07), ("post", 0.82, 0.78, 0.03), ("reply", 0.93, 0.96, 0.00), ("message", 0.96, 0.75, 0.20)]),
        ("verdicts-review22", 208, [(nil, 0.81, 0.80, 0.14), ("post", 0.80, 0.78, 0.15), ("reply", 0.75, 0.78, 0.07), ("message", 0.94, 0.86, 0.13)]),
        ("verdicts-review23", 200, [(nil, 0.74, 0.65, 0.13), ("reply", 0.68, 0.63, 0.12), ("message", 0.95, 0.72, 0.16)]),
    ]
    static let eighteenthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the eighteenth session worked (2026-12-01) and run on its start build
        // (73cb948): 0.87 / 0.87 / 0.16, 0.93 / 0.91 / 0.08, 0.85 / 0.83 / 0.14 and 0.91 / 0.89 / 0.11;
        // studied by the nineteenth session (2026-12-02), at its end as below.
        ("verdicts-fresh50", 200, [(nil, 0.89, 0.89, 0.14), ("post", 0.90, 0.92, 0.14), ("reply", 0.82, 0.86, 0.08), ("message", 0.95, 0.87, 0.27)]),
        ("verdicts-fresh51", 200, [(nil, 0.93, 0.90, 0.09), ("post", 0.93, 0.94, 0.12), ("reply", 0.90, 0.85, 0.00), ("message", 0.95, 0.88, 0.08)]),
        ("verdicts-fresh52", 200, [(nil, 0.89, 0.87, 0.13), ("post", 0.84, 0.87, 0.15), ("reply", 0.96, 0.96, 0.08), ("message", 0.90, 0.77, 0.14)]),
        ("verdicts-fresh53", 200, [(nil, 0.91, 0.89, 0.11), ("post", 0.98, 0.91, 0.16), ("reply", 0.92, 0.96, 0.00), ("message", 0.75, 0.76, 0.14)]),
        // Written blind while the nineteenth session worked (2026-12-02), run on its start build
        // (e0babb8): 0.92 / 0.91 / 0.15, 0.87 / 0.89 / 0.09, 0.90 / 0.97 / 0.09 and 0.93 / 0.92 / 0.17;
        // studied by the twenty-first session, at its end as below (in-sample; each set's README).
        ("verdicts-fresh54", 200, [(nil, 0.94, 0.92, 0.05), ("post", 0.92, 0.89, 0.09), ("reply", 0.92, 0.90, 0.00), ("message", 0.99, 0.99, 0.00)]),
        ("verdicts-fresh55", 200, [(nil, 0.91, 0.94, 0.09), ("post", 0.88, 0.92, 0.09), ("reply", 0.92, 0.99, 0.00), ("message", 0.95, 0.94, 0.27)]),
        ("verdicts-fresh56", 200, [(nil, 0.95, 0.99, 0.04), ("post", 0.94, 0.99, 0.06), ("reply", 0.92, 0.99, 0.00), ("message", 0.99, 0.99, 0.07)]),
        ("verdicts-fresh57", 200, [(nil, 0.94, 0.96, 0.10), ("post", 0.90, 0.97, 0.13), ("reply", 0.96, 0.95, 0.00), ("message", 0.99, 0.93, 0.20)]),
        // The twenty-fourth to twenty-sixth independent reviewers (2026-12-01, eighteenth session), their
        // kinds studied, not trained on; each README gives its frozen build's figures.
        ("verdicts-review24", 222, [(nil, 0.97, 0.94, 0.07), ("post", 0.95, 0.89, 0.08), ("reply", 0.99, 0.99, 0.04), ("message", 0.99, 0.99, 0.08)]),
        ("verdicts-review25", 200, [(nil, 0.95, 0.87, 0.12), ("post", 0.88, 0.92, 0.00), ("reply", 0.93, 0.92, 0.00), ("message", 0.97, 0.85, 0.17)]),
        ("verdicts-review26", 201, [(nil, 0.95, 0.96, 0.04), ("post", 0.96, 0.99, 0.03), ("reply", 0.99, 0.99, 0.00), ("message", 0.81, 0.70, 0.07)]),
    ]

    static let twentiethSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twentieth session worked (2026-12-02), run on its start build
        // (3b9e72e): 0.94 / 0.93 / 0.13, 0.92 / 0.96 / 0.19, 0.77 / 0.88 / 0.14 and 0.88 / 0.94 / 0.16;
        // not read until the twenty-second session studied them, at its end as below (in-sample;
        // each set's README).
        ("verdicts-fresh58", 200, [(nil, 0.97, 0.95, 0.07), ("post", 0.98, 0.99, 0.09), ("reply", 0.92, 0.90, 0.00), ("message", 0.99, 0.92, 0.14)]),
        ("verdicts-fresh59", 200, [(nil, 0.94, 0.95, 0.11), ("post", 0.90, 0.94, 0.10), ("reply", 0.96, 0.99, 0.04), ("message", 0.99, 0.93, 0.34)]),
        ("verdicts-fresh60", 200, [(nil, 0.91, 0.96, 0.08), ("post", 0.92, 0.99, 0.11), ("reply", 0.86, 0.90, 0.00), ("message", 0.94, 0.99, 0.12)]),
        ("verdicts-fresh61", 200, [(nil, 0.91, 0.95, 0.07), ("post", 0.90, 0.99, 0.08), ("reply", 0.92, 0.94, 0.08), ("message", 0.88, 0.83, 0.06)]),
    ]
    static let twentySecondSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-second session worked (2026-12-02), run on its start build
        // (bc23a1b): 0.92 / 0.91 / 0.09, 0.87 / 0.84 / 0.11, 0.96 / 0.96 / 0.16 and 0.81 / 0.83 / 0.14;
        // not read, and measured again at that session's end (each set's README). Studied by the
        // twenty-third session; the floors are the figures at the twenty-fourth's end (2026-12-03).
        ("verdicts-fresh62", 200, [(nil, 0.97, 0.97, 0.05), ("post", 0.94, 0.96, 0.04), ("reply", 0.99, 0.99, 0.00), ("message", 0.99, 0.92, 0.18)]),
        ("verdicts-fresh63", 200, [(nil, 0.94, 0.91, 0.10), ("post", 0.89, 0.89, 0.11), ("reply", 0.99, 0.99, 0.04), ("message", 0.99, 0.80, 0.17)]),
        ("verdicts-fresh64", 200, [(nil, 0.96, 0.97, 0.11), ("post", 0.94, 0.97, 0.15), ("reply", 0.99, 0.95, 0.08), ("message", 0.94, 0.99, 0.06)]),
        ("verdicts-fresh65", 200, [(nil, 0.90, 0.92, 0.11), ("post", 0.85, 0.87, 0.10), ("reply", 0.92, 0.99, 0.00), ("message", 0.99, 0.93, 0.34)]),
    ]
    static let twentyThirdSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-third session worked (2026-12-02), run on its start build
        // (26e1726): 0.93 / 0.91 / 0.11, 0.90 / 0.88 / 0.08, 0.88 / 0.81 / 0.11 and 0.82 / 0.82 / 0.16;
        // measured again, unread, on its last commit (e51b53b); studied by the twenty-fourth session,
        // whose end figures (in-sample) are the floors.
        ("verdicts-fresh66", 200, [(nil, 0.97, 0.96, 0.09), ("post", 0.99, 0.99, 0.10), ("reply", 0.92, 0.95, 0.04), ("message", 0.94, 0.87, 0.17)]),
        ("verdicts-fresh67", 200, [(nil, 0.97, 0.95, 0.07), ("post", 0.94, 0.97, 0.06), ("reply", 0.99, 0.99, 0.00), ("message", 0.99, 0.85, 0.23)]),
        ("verdicts-fresh68", 200, [(nil, 0.91, 0.84, 0.08), ("post", 0.90, 0.86, 0.08), ("reply", 0.88, 0.85, 0.08), ("message", 0.94, 0.80, 0.12)]),
        ("verdicts-fresh69", 200, [(nil, 0.91, 0.93, 0.12), ("post", 0.94, 0.97, 0.15), ("reply", 0.85, 0.83, 0.08), ("message", 0.88, 0.99, 0.12)]),
    ]
    static let twentyFourthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-fourth session worked (2026-12-03), run on its start build
        // (2728b0b) and again at its end: the same figures, to the document. Not read. The twenty-fifth
        // session's second-reader thresholds (review 4.75, block 6.0) moved them; still not read.
        ("verdicts-fresh70", 200, [(nil, 0.93, 0.94, 0.05), ("post", 0.92, 0.95, 0.04), ("reply", 0.96, 0.99, 0.04), ("message", 0.88, 0.84, 0.12)]),
        ("verdicts-fresh71", 200, [(nil, 0.91, 0.93, 0.10), ("post", 0.87, 0.95, 0.15), ("reply", 0.99, 0.99, 0.04), ("message", 0.88, 0.78, 0.06)]),
        ("verdicts-fresh72", 200, [(nil, 0.82, 0.85, 0.13), ("post", 0.78, 0.83, 0.17), ("reply", 0.82, 0.86, 0.00), ("message", 0.94, 0.92, 0.23)]),
        ("verdicts-fresh73", 200, [(nil, 0.88, 0.85, 0.14), ("post", 0.85, 0.88, 0.19), ("reply", 0.92, 0.86, 0.00), ("message", 0.88, 0.75, 0.23)]),
    ]
    static let twentyFifthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-fifth session worked (2026-12-03), run on its start build
        // (28a7d9b) and again at its end, after the second reader's new thresholds. Not read.
        ("verdicts-fresh74", 200, [(nil, 0.93, 0.96, 0.09), ("post", 0.96, 0.97, 0.11), ("reply", 0.85, 0.90, 0.04), ("message", 0.94, 0.99, 0.12)]),
        ("verdicts-fresh75", 200, [(nil, 0.94, 0.94, 0.09), ("post", 0.90, 0.95, 0.11), ("reply", 0.99, 0.95, 0.04), ("message", 0.94, 0.91, 0.12)]),
        ("verdicts-fresh76", 200, [(nil, 0.93, 0.96, 0.07), ("post", 0.94, 0.93, 0.08), ("reply", 0.92, 0.99, 0.00), ("message", 0.88, 0.99, 0.17)]),
        ("verdicts-fresh77", 200, [(nil, 0.94, 0.94, 0.05), ("post", 0.96, 0.97, 0.06), ("reply", 0.89, 0.90, 0.00), ("message", 0.94, 0.92, 0.12)]),
    ]

    static let twentySixthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-sixth session worked (2026-12-03), run on its start build
        // (4bf9fb6) and again at its end: the same figures. Not read; their totals were printed while
        // the session compared its changes.
        ("verdicts-fresh78", 200, [(nil, 0.93, 0.93, 0.08), ("post", 0.92, 0.97, 0.10), ("reply", 0.96, 0.95, 0.04), ("message", 0.88, 0.78, 0.12)]),
        ("verdicts-fresh79", 200, [(nil, 0.85, 0.85, 0.09), ("post", 0.83, 0.86, 0.13), ("reply", 0.85, 0.95, 0.00), ("message", 0.88, 0.69, 0.12)]),
        ("verdicts-fresh80", 200, [(nil, 0.88, 0.91, 0.13), ("post", 0.87, 0.90, 0.13), ("reply", 0.89, 0.90, 0.08), ("message", 0.88, 0.92, 0.23)]),
        ("verdicts-fresh81", 200, [(nil, 0.93, 0.96, 0.11), ("post", 0.89, 0.93, 0.11), ("reply", 1.00, 1.00, 0.08), ("message", 0.94, 0.99, 0.18)]),
    ]

    static let twentySeventhSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-seventh session worked (2026-12-03), run on its start build
        // (8cf5fa0) and again at its end (start-up speed work, no judgement changed): identical. Not read.
        ("verdicts-fresh82", 200, [(nil, 0.96, 0.96, 0.17), ("post", 0.96, 0.95, 0.22), ("reply", 0.96, 1.00, 0.08), ("message", 0.94, 0.92, 0.17)]),
        ("verdicts-fresh83", 200, [(nil, 0.95, 0.97, 0.09), ("post", 0.92, 0.97, 0.13), ("reply", 1.00, 1.00, 0.00), ("message", 0.94, 0.92, 0.12)]),
        ("verdicts-fresh84", 200, [(nil, 0.95, 0.92, 0.06), ("post", 0.96, 0.93, 0.10), ("reply", 0.92, 0.90, 0.00), ("message", 0.94, 0.92, 0.06)]),
        ("verdicts-fresh85", 200, [(nil, 0.93, 0.96, 0.06), ("post", 0.90, 0.97, 0.08), ("reply", 0.96, 0.95, 0.00), ("message", 0.94, 0.92, 0.12)]),
    ]

    static let twentyEighthSessionSets: [(String, Int, [(String?, Double, Double, Double)])] = [
        // Written blind while the twenty-eighth session worked (2026-12-03), run on its start build
        // (893cbce) and again at its end (2f33ebc). Consent records the brief wrote as
        // ["any"] were converted to [], the corpus's form for any channel; both figures read the converted files. Not read.
        ("verdicts-fresh86", 200, [(nil, 0.87, 0.90, 0.06), ("post", 0.87, 0.90, 0.06), ("reply", 0.89, 0.95, 0.00), ("message", 0.82, 0.84, 0.17)]),
        ("verdicts-fresh87", 200, [(nil, 0.81, 0.72, 0.10), ("post", 0.81, 0.73, 0.15), ("reply", 0.75, 0.71, 0.00), ("message", 0.88, 0.69, 0.12)]),
        ("verdicts-fresh88", 200, [(nil, 0.86, 0.86, 0.04), ("post", 0.81, 0.80, 0.06), ("reply", 0.93, 0.95, 0.00), ("message", 0.88, 0.92, 0.06)]),
        ("verdicts-fresh89", 200, [(nil, 0.90, 0.93, 0.07), ("post", 0.89, 0.90, 0.10), ("reply", 0.92, 0.95, 0.00), ("message", 0.88, 1.00, 0.12)]),
    ]

    @Test("Verdict sets written without sight of the rules: floors per kind", arguments: freshSets.indices)
    func freshVerdicts(set: Int) throws {
        let (folder, documents, floors) = Self.freshSets[set]
        try expectFloors(corpus: "\(folder)/verdicts.jsonl", consents: "\(folder)/consents.jsonl", documents: documents, floors: floors)
    }

    /// (kind, breaches flagged ≥, must-block blocked ≥, clean flagged ≤), judged on 2026-12-01.
    private func expectFloors(corpus: String, consents: String, documents: Int, floors: [(String?, Double, Double, Double)]) throws {
        let records = try ConsentJSONL.parse(try Data(contentsOf: fixturesFolder.appendingPathComponent(consents)), source: "consents")
        let policy = Policy(consents: ConsentTable(records), today: CalendarDate(iso: "2026-12-01")!)
        let result = try Evaluator(scanner: Scanner(library: shippedLibrary, policy: policy))
            .verdictCorpus(file: fixturesFolder.appendingPathComponent(corpus))
        #expect(result.all.documents == documents)
        for (kind, flagged, blocked, clean) in floors {
            let counts = try #require(kind.map { result.byKind[$0] } ?? result.all)
            let name = kind ?? "all"
            #expect(Double(counts.breachesFlagged) / Double(counts.breaches) >= flagged, "\(name): flagged \(counts.breachesFlagged)/\(counts.breaches)")
            #expect(Double(counts.mustBlockBlocked) / Double(counts.mustBlock) >= blocked, "\(name): blocked \(counts.mustBlockBlocked)/\(counts.mustBlock)")
            #expect(Double(counts.cleanFlagged) / Double(counts.clean) <= clean, "\(name): clean flagged \(counts.cleanFlagged)/\(counts.clean)")
        }
    }
}
