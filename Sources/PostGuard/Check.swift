// `postguard check` as a library call: read → scan → judge → report, one document at a time, so a
// Swift program can do exactly what the command does.

/// What a threshold for a failing exit status can be.
public enum FailOn: String, Sendable, CaseIterable {
    case block, review, never
}

public struct CheckOutcome: Sendable {
    public var summary = Summary()
    /// Input that could not be read, rules that are broken or that stopped: each makes the exit 2.
    public var errors: [String] = []

    /// The contract's exit status: 2 when anything could not be read or checked, else 1 when a
    /// document is at or above `failOn`, else 0.
    public func exitStatus(failOn: FailOn) -> Int32 {
        if !errors.isEmpty { return 2 }
        switch failOn {
        case .never: return 0
        case .review: return summary.count(atOrAbove: .review) > 0 ? 1 : 0
        case .block: return summary.count(atOrAbove: .block) > 0 ? 1 : 0
        }
    }
}

public struct Check {
    public var reader: DocumentReader
    public var scanner: Scanner
    public var reporter: Reporter

    public init(reader: DocumentReader, scanner: Scanner, reporter: Reporter) {
        self.reader = reader; self.scanner = scanner; self.reporter = reporter
    }

    /// Runs over `paths`; `error` receives each one-line problem as it happens (standard error, in
    /// the CLI), so the reason shows up next to the document it concerns.
    public func run(paths: [String], error: (String) -> Void) -> CheckOutcome {
        var outcome = CheckOutcome()
        for problem in scanner.detector.library.problems {
            outcome.errors.append(problem.description)
            error(problem.description)
        }
        let scratch = MatchScratch()
        reporter.begin()
        reader.read(paths: paths, document: { document in
            let checked = scanner.check(document, scratch: scratch)
            for failure in checked.failures {
                outcome.errors.append(failure.description)
                error(failure.description)
            }
            outcome.summary.add(checked.result.verdict)
            reporter.add(checked.result)
        }, failure: { problem in
            outcome.errors.append(problem.description)
            error(problem.description)
        })
        reporter.finish(outcome.summary)
        return outcome
    }
}
