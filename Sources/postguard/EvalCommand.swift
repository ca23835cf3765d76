import ArgumentParser
import Foundation
import PostGuard

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure detectors and policy on the labelled fixtures: recall, precision and F2 per category; verdict shares.",
        discussion: """
        identifiers: Fixtures/identifiers/*.jsonl, identifiers marked inline as [[category:text]].
        documents:   Fixtures/documents/*.jsonl with "expect": pass|review|block, consent from CONSENT.csv
                     (and REVOCATIONS.csv) beside them, judged as of --as-of for documents without publish_at.
        identifiers FILE.jsonl ...: span corpora (Fixtures/corpora/*-dev.jsonl); see EvalCorpora.swift.
        verdicts FILE.jsonl --consents FILE.jsonl: "expect": [acceptable verdicts], as of --as-of (2026-12-01).
        """)

    enum Corpus: String, ExpressibleByArgument, CaseIterable { case identifiers, documents, verdicts, all }

    @Argument(help: "identifiers, documents, verdicts or all.") var corpus: Corpus = .all
    @Argument(help: "Labelled corpora in JSONL (span format for identifiers, expect lists for verdicts) instead of the fixtures.")
    var files: [String] = []
    @Option(help: "Consent records (JSONL) for a verdict corpus.") var consents: String?
    @Option(help: "Fixtures folder.") var fixtures: String = "Fixtures"
    @Option(help: "Organisation settings (default: organisation.yaml in the corpus folder, else FIXTURES/organisation.yaml).")
    var config: String?
    @Option(help: "The day consent is judged on when a document has no publish_at.") var asOf: String?
    @Flag(help: "List every miss and false alarm.") var verbose = false
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let library: RuleLibrary
        do { library = try rules.loadLibrary() } catch let error as CLIError { throw fail(error) }
        for problem in library.problems { printError(problem.description) }
        if !files.isEmpty || corpus == .verdicts { return try runCorpora(library) }
        let asOf = self.asOf ?? "2026-11-22"
        let root = URL(fileURLWithPath: fixtures)
        guard let today = CalendarDate(iso: asOf) else { throw fail(CLIError("--as-of '\(asOf)' is not a date like 2026-11-22")) }
        // The labelled fixtures ship with the checkout, not with an installed program: say which
        // folder was looked for and how to name another.
        for corpus in [Corpus.identifiers, .documents] where self.corpus == corpus || self.corpus == .all {
            let folder = root.appendingPathComponent(corpus.rawValue)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw fail(CLIError("\(folder.path): no labelled fixtures there; run `postguard eval` in a PostGuard checkout, or name the fixtures folder: --fixtures PATH/TO/Fixtures"))
            }
        }
        do {
            if corpus != .documents {
                let scanner = Scanner(library: library, policy: Policy(organisation: try organisation(for: "identifiers", root: root), today: today))
                let result = try Evaluator(scanner: scanner).identifiers(folder: root.appendingPathComponent("identifiers"))
                printIdentifiers(result)
            }
            if corpus != .identifiers {
                let folder = root.appendingPathComponent("documents")
                let consents = try loadConsents(folder)
                let scanner = Scanner(library: library, policy: Policy(consents: consents, organisation: try organisation(for: "documents", root: root), today: today))
                printDocuments(try Evaluator(scanner: scanner).documents(folder: folder))
            }
        } catch let error as InputError {
            throw fail(CLIError(error.description))
        } catch let error as ConsentError {
            throw fail(CLIError(error.description))
        }
    }

    /// Each corpus is written for its own fictional organisation: `--config`, else the corpus
    /// folder's organisation.yaml, else the fixtures' one.
    private func organisation(for name: String, root: URL) throws -> Organisation {
        let inCorpus: String = root.appendingPathComponent(name).appendingPathComponent("organisation.yaml").path
        let shared: String = root.appendingPathComponent("organisation.yaml").path
        let candidates: [String] = [config, inCorpus, shared].compactMap { $0 }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return Organisation() }
        do { return try Organisation.load(path: file) } catch { throw fail(CLIError("\(error)")) }
    }

    private func loadConsents(_ folder: URL) throws -> ConsentTable {
        let file = folder.appendingPathComponent("CONSENT.csv")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return ConsentTable([]) }
        var records = try ConsentCSV.parse(text, source: file.path, validate: false).map(\.record)
        let revocations = folder.appendingPathComponent("REVOCATIONS.csv")
        if let text = try? String(contentsOf: revocations, encoding: .utf8) {
            ConsentCSV.applyRevocations(text, source: revocations.path, to: &records)
        }
        return ConsentTable(records)
    }

    private func percent(_ value: Double) -> String { String(format: "%.3f", value) }

    private func printIdentifiers(_ result: IdentifierEvaluation) {
        print("Identifiers: \(result.snippets) snippets (\(result.clean) with no identifier), as of \(asOf ?? "2026-11-22")\n")
        print("| category | gold | predicted | recall | precision | F2 |")
        print("|---|---:|---:|---:|---:|---:|")
        for score in result.categories + [result.overall] {
            print("| \(score.category) | \(score.gold) | \(score.predicted) | \(percent(score.recall)) | \(percent(score.precision)) | \(percent(score.f2)) |")
        }
        if verbose {
            print("")
            for mistake in result.mistakes { print("\(mistake.id)\t\(mistake.kind)\t\(mistake.category)\t\(mistake.text)") }
        }
        print("")
    }

    private func printDocuments(_ result: DocumentEvaluation) {
        print("Documents: \(result.breaches + result.clean) (\(result.breaches) breaches, \(result.mustBlock) must block, \(result.clean) clean)\n")
        print("| measure | share | count |")
        print("|---|---:|---:|")
        print("| breach documents flagged (review or block) | \(percent(result.flaggedShare)) | \(result.breachesFlagged)/\(result.breaches) |")
        print("| must-block documents blocked | \(percent(result.blockedShare)) | \(result.mustBlockBlocked)/\(result.mustBlock) |")
        print("| clean documents flagged | \(percent(result.cleanFlaggedShare)) | \(result.cleanFlagged)/\(result.clean) |")
        for (kind, counts) in result.byKind.sorted(by: { $0.key < $1.key }) {
            print("| \(kind): verdict right | \(percent(Double(counts.correct) / Double(max(1, counts.documents)))) | \(counts.correct)/\(counts.documents) |")
        }
        if verbose {
            print("")
            for mistake in result.mistakes {
                print("\(mistake.id)\texpected \(mistake.expected.rawValue)\tgot \(mistake.got.rawValue)\t\(mistake.rules.joined(separator: ","))")
            }
        }
    }
}
