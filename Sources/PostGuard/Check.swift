// `postguard check` as a library call: read → scan → judge → report, so a Swift program can do
// exactly what the command does. Documents are scanned in batches of bounded size on every core
// and reported in input order: memory stays constant however large the input.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import PostGuardPolicy
import PostGuardVerdict
import PostGuardReport
import Foundation

public struct CheckOutcome: Sendable {
    public var summary = Summary()
    /// Input that could not be read, rules that are broken or that stopped: each makes the exit 2.
    /// Each was already said as it happened; the first `keptErrors` are kept here, and all counted, so
    /// a hostile input with a million bad lines does not hold a million lines in memory.
    public private(set) var errors: [String] = []
    public private(set) var errorCount = 0
    public static let keptErrors = 1_000

    public mutating func record(_ error: String) {
        errorCount += 1
        if errors.count < CheckOutcome.keptErrors { errors.append(error) }
    }

    /// The contract's exit status: 2 when anything could not be read or checked, else 1 when a
    /// document is at or above `failOn`, else 0.
    public func exitStatus(failOn: FailOn) -> Int32 {
        if errorCount > 0 { return 2 }
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
    /// Threads scanning at once.
    public var workers: Int
    /// Documents read ahead and scanned together.
    public var batchSize = 512
    /// Problems found before reading (broken rules, settings naming unknown rules): reported first,
    /// and each makes the exit status 2 while the documents are still checked.
    public var problems: [String] = []
    /// Findings a baseline or ignore file accepts: left out of results before their verdicts.
    public var accepted = AcceptedFindings()
    /// Paths checked under settings other than `scanner`'s (found beside them), with those settings'
    /// file and scanner. Every path is still reported in the order given, into the one report.
    public var scannersByPath: [String: (settingsFile: String?, scanner: Scanner)] = [:]
    /// Identifiers in file names, record ids, channels, consent ids and error lines are masked as
    /// excerpts are, unless the report shows matched text as written (`--show-phi`).
    public var showPHI = false

    public init(reader: DocumentReader, scanner: Scanner, reporter: Reporter,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                problems: [String]? = nil) {
        self.reader = reader; self.scanner = scanner; self.reporter = reporter
        self.workers = max(1, workers)
        self.problems = problems ?? scanner.detector.library.problems.map(\.description)
    }

    /// A check set up as the command line does it (see `CheckSetup.load`).
    public init(setup: CheckSetup, reader: DocumentReader, reporter: Reporter) {
        self.init(reader: reader, scanner: setup.scanner, reporter: reporter, problems: setup.problems)
        scannersByPath = setup.scannersByPath
    }

    /// Runs over `paths`; `error` receives each one-line problem as it happens (standard error, in
    /// the CLI), so the reason shows up next to the document it concerns.
    public func run(paths: [String], error report: (String) -> Void) -> CheckOutcome {
        var outcome = CheckOutcome()
        // Problems of the rule packs and settings name those files, not the input: shown as written.
        for problem in problems {
            outcome.record(problem)
            report(problem)
        }
        // Everything else names the input (a file's name, a record's id), which can hold an
        // identifier: those are masked. Only the names: the reasons never quote input text, and
        // masking them would mask their examples ("a date like 2026-12-01").
        // Fingerprints are made of the masked names in every run, so baselines match either way.
        let locations = IdentifierMask(detector: scanner.detector)
        let mask: IdentifierMask? = showPHI ? nil : locations
        func error(_ line: String) {
            outcome.record(line)
            report(line)
        }
        reporter.begin()
        // The reader runs on its own thread, a couple of batches ahead, so reading and parsing the
        // input overlaps scanning instead of waiting for it; batches, read errors and notices arrive
        // here in input order, so output and error lines keep that order. Paths under other settings
        // (found beside them) are read as their own segments, each batch carrying its scanner.
        let handoff = Handoff(capacity: 2)
        let reader = self.reader, batchSize = self.batchSize, segments = self.segments(paths)
        let readerThread = Thread {
            for (scanner, paths) in segments {
                var batch: [Document] = []
                func hand() {
                    if !batch.isEmpty { handoff.put(.documents(batch, scanner)); batch.removeAll(keepingCapacity: true) }
                }
                reader.read(paths: paths, document: { document in
                    batch.append(document)
                    if batch.count >= batchSize { hand() }
                }, failure: { problem in
                    // What was read before the problem is reported first.
                    hand()
                    var problem = problem
                    if let mask { problem.source = mask(problem.source) }
                    handoff.put(.failure(problem.description))
                }, notice: { note in
                    // What was passed over on purpose is said once, on the same channel, but is no error.
                    hand()
                    // A notice is a path and what was passed over there ("FILE: empty file").
                    handoff.put(.notice(mask.map { $0(note) } ?? note))
                })
                hand()
            }
            handoff.put(.end)
        }
        readerThread.stackSize = 8 << 20
        readerThread.start()
        // Each batch is reported while the next one is scanned: the report, the summary and error
        // lines stay on this thread and in input order, and the workers do not wait for them.
        let masks = WorkerMasks(first: locations)
        var scanning: ScanJob?
        func publish(_ job: ScanJob) {
            for checked in job.results() {
                for var failure in checked.failures {
                    if let mask { failure.source = mask(failure.source) }
                    error(failure.description)
                }
                outcome.summary.accepted += checked.accepted
                outcome.summary.add(checked.result)
                reporter.add(checked.result)
            }
        }
        // A problem or notice is said after the documents read before it.
        func flush() {
            if let scanned = scanning { publish(scanned) }
            scanning = nil
        }
        reading: while true {
            switch handoff.take() {
            case .documents(let batch, let scanner):
                scanning?.wait()
                let next = scan(batch, scanner: scanner, masks: masks)
                flush()
                scanning = next
            case .failure(let problem):
                flush()
                error(problem)
            case .notice(let note):
                flush()
                report(note)
            case .end:
                flush()
                break reading
            }
        }
        // A run that read nothing checked nothing: a pre-publish job pointed at the wrong folder must
        // not pass. (A missing path has already said so.)
        if outcome.summary.documents == 0, outcome.errors.isEmpty {
            let problem = "\(paths.map { mask?($0) ?? $0 }.joined(separator: ", ")): no document to check (a folder is searched for .txt, .md and .jsonl files; name .csv and .zip files directly)"
            error(problem)
        }
        reporter.finish(outcome.summary)
        return outcome
    }

    /// `paths` cut where the settings change, in order: consecutive paths under the same settings
    /// are read as one batch stream, so a pre-commit run naming a hundred files still scans in parallel.
    private func segments(_ paths: [String]) -> [(Scanner, [String])] {
        var segments: [(key: String??, scanner: Scanner, paths: [String])] = []
        for path in paths {
            let own = scannersByPath[path]
            let key: String?? = own.map { .some($0.settingsFile) } ?? .none
            if let last = segments.last, last.key == key {
                segments[segments.count - 1].paths.append(path)
            } else {
                segments.append((key, own?.scanner ?? scanner, [path]))
            }
        }
        return segments.map { ($0.scanner, $0.paths) }
    }

    /// Starts checking a batch on `workers` threads, each with its own matching scratch and mask:
    /// each document is scanned, its file, id and channel masked, and a baseline applied. One thread
    /// checks it at once, before returning.
    private func scan(_ documents: [Document], scanner: Scanner, masks: WorkerMasks) -> ScanJob {
        let slots = Slots<Scanned>(count: documents.count)
        let threads = min(workers, documents.count)
        let accepted = self.accepted, showPHI = self.showPHI
        let group = DispatchGroup()
        if threads <= 1 {
            let scratch = MatchScratch(), mask = masks[0, scanner]
            for index in documents.indices {
                slots[index] = Check.checked(documents[index], scanner: scanner, scratch: scratch, mask: mask, accepted: accepted, showPHI: showPHI)
            }
        } else {
            for worker in 0..<threads {
                let mask = masks[worker, scanner]
                DispatchQueue.global().async(group: group) {
                    let scratch = MatchScratch()
                    for index in stride(from: worker, to: documents.count, by: threads) {
                        slots[index] = Check.checked(documents[index], scanner: scanner, scratch: scratch, mask: mask, accepted: accepted, showPHI: showPHI)
                    }
                }
            }
        }
        return ScanJob(slots: slots, group: group)
    }
}

extension Check {
    /// One document checked: scanned, its file, id and channel masked, and a baseline applied.
    fileprivate static func checked(_ document: Document, scanner: Scanner, scratch: MatchScratch, mask: IdentifierMask,
                                    accepted: AcceptedFindings, showPHI: Bool) -> Scanned {
        let checked = scanner.check(document, scratch: scratch)
        let located = accepted.isEmpty && showPHI ? checked.result : mask.shown(checked.result)
        let (result, count) = accepted.apply(to: showPHI ? checked.result : located, locatedAs: located.document)
        return Scanned(result: result, accepted: count, failures: checked.failures)
    }
}

/// One document checked by a worker, ready to report.
private struct Scanned {
    var result: DocumentResult
    /// Findings a baseline or ignore file accepted.
    var accepted: Int
    var failures: [RuleFailure]
}

/// A batch being checked: its results, in input order, once every worker is done.
private struct ScanJob {
    let slots: Slots<Scanned>
    let group: DispatchGroup

    func wait() { group.wait() }

    func results() -> [Scanned] {
        group.wait()
        return slots.values()
    }
}

/// Each worker's identifier mask: the first is the check's own; the others are made for a worker's
/// first batch (a mask's scratch and cache are its own, so workers do not wait on one lock), and
/// again for a batch under other settings.
private final class WorkerMasks: @unchecked Sendable {
    // @unchecked: `masks` is only touched while holding `lock`.
    private let lock = NSLock()
    private let first: IdentifierMask
    private var masks: [Int: IdentifierMask] = [:]

    init(first: IdentifierMask) { self.first = first }

    subscript(worker: Int, scanner: Scanner) -> IdentifierMask {
        if worker == 0, first.scans(scanner.detector) { return first }
        lock.lock()
        defer { lock.unlock() }
        if let kept = masks[worker], kept.scans(scanner.detector) { return kept }
        let mask = IdentifierMask(detector: scanner.detector)
        masks[worker] = mask
        return mask
    }
}

/// Read batches handed from the reader thread to the scanning one, in order, at most `capacity`
/// waiting (memory stays bounded however fast the input reads).
private final class Handoff: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `condition`.
    enum Item { case documents([Document], Scanner), failure(String), notice(String), end }
    private let condition = NSCondition()
    private var items: [Item] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func take() -> Item {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }
}

/// Result slots filled by several threads, each writing only its own indexes.
private final class Slots<T>: @unchecked Sendable {
    // @unchecked: workers write disjoint indexes through a raw buffer (a Swift array property would
    // be an exclusive access per write), and the values are read only after every worker is done.
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    subscript(index: Int) -> T? {
        get { buffer[index] }
        set { buffer[index] = newValue }
    }

    func values() -> [T] { buffer.map { $0! } }
}
