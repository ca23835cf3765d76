// Serve: what a request is judged by. The rules, settings and consent registry are loaded once
// (`CheckSetup`, exactly as `check` loads them) and shared by every request; each draft goes through
// `Scanner.check`, the call `check` makes, and comes back as the contract's JSON report. Nothing a
// request sends is kept: the document lives for the length of the call.
import Foundation
import PostGuard

public final class DraftChecker: @unchecked Sendable {
    // @unchecked: the scanner is replaced only under `lock`, once a day; everything else is immutable.
    public let setup: CheckSetup
    private let lock = NSLock()
    private var scanner: PostGuard.Scanner
    private var day: CalendarDate
    private let today: @Sendable () -> CalendarDate
    /// What a request sends besides its text (its id, channel and consent ids) is echoed back masked
    /// as `check` masks it in every report and error line (issue 15, item 16): the answer is shown on
    /// a screen others may see, and the page may be opened from another machine (`--host`).
    let mask: IdentifierMask

    /// - Parameter today: the check date for drafts without `publish_at`. A server runs for days,
    ///   and consent expiring or being signed is judged against the day the draft is checked.
    public init(setup: CheckSetup, today: @escaping @Sendable () -> CalendarDate = { CalendarDate.today() }) {
        self.setup = setup
        self.today = today
        self.scanner = setup.scanner
        self.day = setup.scanner.policy.today
        self.mask = IdentifierMask(detector: setup.scanner.detector)
    }

    public var catalog: RuleCatalog { setup.library.catalog }

    /// The scanner judging as of today: rebuilt (from the rules already loaded) when the date moves on.
    func currentScanner() -> PostGuard.Scanner {
        let now = today()
        lock.lock()
        defer { lock.unlock() }
        if now != day {
            var policy = scanner.policy
            policy.today = now
            scanner = PostGuard.Scanner(library: setup.library, policy: policy)
            day = now
        }
        return scanner
    }

    /// One document, as a JSONL record (`text`, `kind`, `channel`, `consent`, `in_reply_to`,
    /// `publish_at`, `media`), read by the same code as a line of a JSONL file.
    public func document(fromJSON body: Data) throws(DraftError) -> Document {
        do {
            var document = try JSONLines.parse(body, source: "-", line: 1, options: InputOptions())
            // A pasted draft is not a line of a file: report no record line.
            document.recordLine = nil
            return document
        } catch let error as InputError {
            throw DraftError(error.reason)
        } catch {
            throw DraftError("the request is not a JSON object with a \"text\" string")
        }
    }

    /// The contract's `--format json` report for one document, and the rules that could not finish
    /// on it (a pattern stopped at its match limit): the verdict may then be incomplete.
    public func report(for document: Document) -> (json: [UInt8], ruleFailures: Int) {
        let (result, failures) = currentScanner().check(document, scratch: MatchScratch())
        var bytes: [UInt8] = []
        let output = ReportOutput { bytes.append(contentsOf: $0) }
        let reporter = Reporters.make(.json, output: output, options: ReportOptions())
        let shown = mask.shown(result)
        var summary = Summary()
        summary.add(shown)
        reporter.begin()
        reporter.add(shown)
        reporter.finish(summary)
        return (bytes, failures.count)
    }

    /// Whether consent record `id` is valid on `date` for `channel`: signed, not revoked, not expired,
    /// a complete authorization, covering the channel when it lists channels. Who it covers is not
    /// checked here (that needs the draft), and nothing about the record beyond its id is answered.
    public func consentStatus(id: String, channel: String?, date: CalendarDate?) throws(DraftError) -> ConsentAnswer {
        let checkDate = date ?? today()
        let channel = channel.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        // The answer names the record and channel as `check` would print them: masked.
        var status = ConsentAnswer(id: mask(id), channel: channel.map { mask($0) }, date: checkDate.description, registry: true,
                                   found: false, valid: false, reasons: [])
        func shown(_ reasons: [String]) -> [String] {
            reasons.map { reason in
                [(id, status.id), (channel ?? "", status.channel ?? "")].filter { $0.0 != $0.1 && !$0.0.isEmpty }
                    .reduce(reason) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            }
        }
        // The lookup is the one opened at start-up, whichever day's scanner holds it.
        guard let lookup = setup.scanner.policy.consentGate.lookup else {
            status.registry = false
            status.reasons = [ConsentGate.Failure.noRegistry.message]
            return status
        }
        let record: ConsentRecord?
        do { record = try lookup.consentRecord(id: id) } catch {
            throw DraftError("the consent registry could not be read")
        }
        guard let record else {
            status.reasons = shown([ConsentGate.Failure.unknownRecord(id).message])
            return status
        }
        status.found = true
        let probe = Document(source: "-", text: "", channel: channel)
        status.reasons = shown(ConsentGate.reasons(record, document: probe, checkDate: checkDate).map(\.message))
        status.valid = status.reasons.isEmpty
        return status
    }
}

/// A request that cannot be judged, with a reason for the person who sent it (never its text).
public struct DraftError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The answer of `GET /api/consent/ID`.
public struct ConsentAnswer: Codable, Sendable, Equatable {
    public var id: String
    public var channel: String?
    public var date: String
    /// False when the server has no consent registry to look in.
    public var registry: Bool
    public var found: Bool
    public var valid: Bool
    /// Why the record is not valid, in the words `check` uses.
    public var reasons: [String]
}
