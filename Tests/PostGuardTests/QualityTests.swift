// The quality bars of the identifier and policy issues, enforced on the labelled fixtures: a rule
// change that costs recall or precision fails CI here, with the numbers in the message.
// (`postguard eval` prints the same figures; the README shows them.)
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardEngine
@testable import PostGuardDocuments
@testable import PostGuardInput
@testable import PostGuardCatalog
@testable import PostGuardDetectors
@testable import PostGuardConsent
@testable import PostGuardPolicy
@testable import PostGuardVerdict
@testable import PostGuardReport

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
