// `postguard eval identifiers FILE.jsonl ...` and `postguard eval verdicts FILE.jsonl --consents FILE.jsonl`:
// the external labelled corpora (Fixtures/corpora/), scored as Evaluation/SpanCorpus.swift describes.
import ArgumentParser
import Foundation
import PostGuard

extension EvalCommand {
    func runCorpora(_ library: RuleLibrary) throws {
        guard !files.isEmpty else { throw fail(CLIError("eval \(corpus.rawValue): name the corpus file(s) (.jsonl)")) }
        let day = asOf ?? "2026-12-01"
        guard let today = CalendarDate(iso: day) else { throw fail(CLIError("--as-of '\(day)' is not a date like 2026-12-01")) }
        let organisation: Organisation
        if let config {
            do { organisation = try Organisation.load(path: config) } catch { throw fail(CLIError("\(error)")) }
        } else {
            // The corpora are no organisation's own: nothing in them is the organisation's contact.
            organisation = Organisation()
        }
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw fail(CLIError("\(file): no such file"))
        }
        let urls = files.map { URL(fileURLWithPath: $0) }
        do {
            switch corpus {
            case .identifiers:
                let scanner = Scanner(library: library, policy: Policy(organisation: organisation, today: today))
                printSpans(try Evaluator(scanner: scanner).spanCorpus(files: urls))
            case .verdicts:
                var records: [ConsentRecord] = []
                if let consents {
                    let data: Data
                    do { data = try Data(contentsOf: URL(fileURLWithPath: consents)) } catch {
                        throw fail(CLIError("\(consents): cannot be read"))
                    }
                    records = try ConsentJSONL.parse(data, source: consents)
                }
                let scanner = Scanner(library: library, policy: Policy(consents: ConsentTable(records), organisation: organisation, today: today))
                for (file, url) in zip(files, urls) { printVerdicts(try Evaluator(scanner: scanner).verdictCorpus(file: url), file: file, day: day) }
            case .documents, .all:
                throw fail(CLIError("corpus files go with 'eval identifiers' (span format) or 'eval verdicts'"))
            }
        } catch let error as InputError {
            throw fail(CLIError(error.description))
        }
    }

    private func share(_ value: Double) -> String { String(format: "%.3f", value) }

    private func printSpans(_ result: SpanEvaluation) {
        print("Identifiers: \(files.joined(separator: ", ")): \(result.documents) documents\n")
        print("| category | gold | found | recall | typed | typed recall | predicted | correct | precision |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for score in result.categories + [result.overall] {
            print("| \(score.category) | \(score.gold) | \(score.found) | \(share(score.recall)) | \(score.typed) | \(share(score.typedRecall)) | \(score.predicted) | \(score.correct) | \(share(score.precision)) |")
        }
        print("")
        print("Flagged = any identifier finding in the text, whatever its severity.")
        print("| negatives | documents | flagged | share |")
        print("|---|---:|---:|---:|")
        print("| hard negatives | \(result.hardNegatives) | \(result.hardNegativesFlagged) | \(share(result.hardNegativesFlaggedShare)) |")
        print("| documents with no span | \(result.negatives) | \(result.negativesFlagged) | \(share(result.negativesFlaggedShare)) |")
        if verbose {
            print("")
            for mistake in result.mistakes {
                print("\(mistake.id)\t\(mistake.kind)\t\(mistake.category)\t\(mistake.text)\t\(mistake.context)")
            }
        }
        print("")
    }

    private func printVerdicts(_ result: VerdictEvaluation, file: String, day: String) {
        print("Verdicts: \(file): \(result.all.documents) documents, consent judged as of \(day) without publish_at\n")
        print("| kind | documents | acceptable | breaches flagged | must-block blocked | clean flagged |")
        print("|---|---:|---:|---:|---:|---:|")
        func row(_ name: String, _ c: VerdictEvaluation.Counts) {
            print("| \(name) | \(c.documents) | \(c.acceptable) | \(share(c.flaggedShare)) (\(c.breachesFlagged)/\(c.breaches)) | \(share(c.blockedShare)) (\(c.mustBlockBlocked)/\(c.mustBlock)) | \(share(c.cleanFlaggedShare)) (\(c.cleanFlagged)/\(c.clean)) |")
        }
        for kind in ["post", "reply", "message"] { if let counts = result.byKind[kind] { row(kind, counts) } }
        for (kind, counts) in result.byKind.sorted(by: { $0.key < $1.key }) where !["post", "reply", "message"].contains(kind) { row(kind, counts) }
        row("all", result.all)
        if verbose {
            print("")
            for mistake in result.mistakes {
                print("\(mistake.id)\t\(mistake.kind)\texpected \(mistake.expected.map(\.rawValue).joined(separator: "|"))\tgot \(mistake.got.rawValue)\(mistake.acceptable ? " (acceptable, counted as clean flagged)" : "")\t\(mistake.rules.joined(separator: ","))")
            }
        }
        print("")
    }
}
