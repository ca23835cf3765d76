// The learned second reader (Sources/PostGuardPolicy/DisclosureModel.swift): how it reads a text,
// its weights file, and where the policy lets it speak (only over a pass, never under consent; a
// review, or a block above its block threshold; quoting only lower-case dictionary words).
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardPolicy
@testable import PostGuardCatalog

@Suite("Policy: the disclosure model")
struct DisclosureModelTests {
    /// A model that knows two words: "visit" weighs toward a breach, "pizza" against; "came visit"
    /// side by side is very like a breach.
    static let tiny = DisclosureModel(weights: .init(bias: -1, threshold: 0.5, blockThreshold: 1.5, vocabulary: ["visit", "today", "pizza", "came"],
                                                     features: ["u=visit": 2, "b=came visit": 1, "u=pizza": -3]))

    func judged(_ text: String, model: DisclosureModel? = tiny, kind: DocumentKind = .post, consent: [String] = [],
                organisation: Organisation = Organisation()) -> DocumentResult {
        var policy = Policy(organisation: organisation, today: CalendarDate(iso: "2026-11-22")!)
        policy.disclosureModel = model
        let document = Document(source: "t", text: text, kind: kind, channel: "facebook", consent: consent)
        return Scanner(library: shippedLibrary, policy: policy).check(document, scratch: MatchScratch()).result
    }

    @Test("Words outside the vocabulary are read by their shape; ’ is '; each feature once")
    func features() {
        let vocabulary: Set<String> = ["she's", "home", "on"]
        let words = DisclosureModel.words(of: "She’s home, Priya! A1c 7 on 12")
        #expect(words.map(\.text) == ["she's", "home", "priya", "a1c", "7", "on", "12"])
        #expect(words.map { DisclosureModel.token($0, vocabulary: vocabulary) } == ["she's", "home", "<cap>", "<alnum>", "<num>", "on", "<num>"])
        let keys = DisclosureModel.features(of: "home home Home", kind: .reply, vocabulary: vocabulary).map(\.key)
        #expect(keys == ["k=reply", "u=home", "b=home home"])
    }

    @Test("The weights file reads back what was written; a malformed line is no model")
    func weightsFile() throws {
        let weights = DisclosureModel.Weights(bias: -5.5, threshold: 4.75, blockThreshold: 8, vocabulary: ["a", "b"], features: ["u=a": 0.25, "b=a b": -1.5])
        let text = DisclosureModel.serialise(weights, header: ["test"])
        let read = try #require(DisclosureModel.parse(text))
        #expect(read.bias == -5.5 && read.threshold == 4.75 && read.blockThreshold == 8 && read.vocabulary == ["a", "b"] && read.features == weights.features)
        #expect(DisclosureModel.parse(text + "f\tu=c\tnot-a-number\n") == nil)
        #expect(DisclosureModel.parse("bias\t1\n") == nil)
        // A block threshold below the review threshold, or none, is a damaged file.
        #expect(DisclosureModel.parse(text.replacingOccurrences(of: "block\t8.0", with: "block\t4.0")) == nil)
        #expect(DisclosureModel.parse(text.replacingOccurrences(of: "block\t8.0\n", with: "")) == nil)
    }

    @Test("The shipped weights load, and hold no capitalised word and no word outside the dictionary")
    func shippedWeights() throws {
        let file = rulesFolder.appendingPathComponent("data/disclosure-model.tsv")
        #expect(DisclosureModel(file: file).isAvailable)
        let weights = try #require(DisclosureModel.parse(try String(contentsOf: file, encoding: .utf8)))
        #expect(weights.threshold > 0 && weights.blockThreshold > weights.threshold && weights.features.count > 1000)
        let dictionary = Set(try String(contentsOf: rulesFolder.appendingPathComponent("data/vocabulary.txt"), encoding: .utf8).split(separator: "\n").map(String.init))
        #expect(weights.vocabulary.allSatisfy { $0 == $0.lowercased() && (dictionary.contains($0) || dictionary.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: "'")))) })
    }

    @Test("A text the rules pass is raised to review when it reads like a breach, with the words that weighed")
    func raisesPass() {
        let raised = judged("They came to visit us today!")
        #expect(raised.verdict == .review)
        let finding = raised.findings.first { $0.rule == "policy.reads-like-disclosure" }
        #expect(finding?.severity == .review)
        #expect(finding?.message.contains("\u{201C}visit\u{201D}") == true)
        #expect(judged("They came to visit us today! Pizza for everyone.").verdict == .pass)
        #expect(judged("They came to visit us today!", model: nil).verdict == .pass)
        // A capitalised word may be a name: it weighs, but the message does not quote it.
        let capitalised = judged("Visit us today!").findings.first { $0.rule == "policy.reads-like-disclosure" }
        #expect(capitalised != nil && capitalised?.message.contains("\u{201C}") == false)
    }

    @Test("Above the block threshold the reading blocks, and says to hold the text")
    func blocksWhenSure() {
        let sure = judged("They came visit us!")
        #expect(sure.verdict == .block)
        let finding = sure.findings.first { $0.rule == "policy.reads-like-disclosure" }
        #expect(finding?.severity == .block && finding?.message.contains("hold it") == true)
        #expect(judged("They came visit us! Pizza for everyone.").verdict == .pass)
        #expect(judged("They came visit us!", consent: ["C-2026-0001"]).findings.allSatisfy { $0.rule != "policy.reads-like-disclosure" })
    }

    @Test("Never under consent, never over a finding the rules made, never when the organisation switched it off")
    func staysOut() {
        #expect(!rules(judged("They came to visit us today!", consent: ["C-2026-0001"]), atLeast: .info).contains("policy.reads-like-disclosure"))
        let withRule = judged("Maria Lopez came to visit us today with pneumonia.")
        #expect(withRule.verdict == .block && !withRule.findings.contains { $0.rule == "policy.reads-like-disclosure" })
        var organisation = Organisation()
        organisation.disabled = ["policy.reads-like-disclosure"]
        #expect(judged("They came to visit us today!", organisation: organisation).verdict == .pass)
    }

    @Test("Damaged weights are a load problem naming the file, not a second reader silently gone")
    func damagedWeights() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: rulesFolder, to: copy)
        let weights = copy.appendingPathComponent("data/disclosure-model.tsv")
        try (try String(contentsOf: weights, encoding: .utf8) + "f\tu=broken\n").write(to: weights, atomically: true, encoding: .utf8)
        let setup = try CheckSetup.load(rules: copy.path, config: nil, consentDB: nil, environment: [:])
        #expect(setup.problems.contains { $0.contains("disclosure-model.tsv") && $0.contains("cannot be read") })
    }

    @Test("Read by bytes, every text of the fixtures scores as its features read as text do")
    func bytesEqualText() throws {
        let model = DisclosureModel(file: rulesFolder.appendingPathComponent("data/disclosure-model.tsv"))
        var texts = ["Ça va? L’école, naïve café — ÉTÉ 2026, ½ dose, ２０ mg, İstanbul, straße"]
        let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
        for file in FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)!.compactMap({ $0 as? URL })
        where file.pathExtension == "jsonl" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = object["text"] as? String { texts.append(text) }
            }
        }
        #expect(texts.count > 15_000)
        var differing = 0
        for text in texts {
            let fast = try #require(model.read(text, kind: .post)).score, slow = try #require(model.slowScore(text, kind: .post))
            if abs(fast - slow) > 1e-9 { differing += 1 }
        }
        #expect(differing == 0)
    }

    @Test("The table kept beside the rule cache reads back exactly; a damaged one, or one kept for other weights, is not read")
    func storedTable() throws {
        let file = rulesFolder.appendingPathComponent("data/disclosure-model.tsv")
        let bytes = try [UInt8](Data(contentsOf: file))
        let parsed = try #require(bytes.withUnsafeBufferPointer { DisclosureModel.table($0) })
        // Bound first: `#expect` over the initialiser's call itself crashed the test process under
        // Swift Testing 6.3.1 (a segmentation fault without a stack), though the table read back equal.
        let back = DisclosureModel.Table(stored: parsed.stored)
        #expect(back == parsed)
        #expect(DisclosureModel.Table(stored: Array(parsed.stored.dropLast(8))) == nil)
        #expect(DisclosureModel.Table(stored: parsed.stored + [0, 0, 0, 0, 0, 0, 0, 0]) == nil)

        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        let library = try RuleLibrary.load(from: rulesFolder, cache: cache)
        func kept() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasPrefix("disclosure-model-") } }
        let plain = DisclosureModel(file: file)
        let cold = DisclosureModel(file: file, stored: library.cacheAttachment("disclosure-model"))
        #expect(cold.isAvailable)
        #expect(try kept().count == 1)
        let warm = DisclosureModel(file: file, stored: library.cacheAttachment("disclosure-model"))
        #expect(warm.table == parsed)
        for text in ["She finally went home to her boys after eleven days with us", "Join us Saturday for the 5K fun run!"] {
            #expect(warm.read(text, kind: .post)?.score == plain.read(text, kind: .post)?.score)
        }
        // Other weights under the same rule files: the table kept for the shipped ones is not theirs.
        let other = folder.appendingPathComponent("model.tsv")
        let weights = DisclosureModel.Weights(bias: -1, threshold: 0.5, blockThreshold: 1.5, vocabulary: ["visit"], features: ["u=visit": 2])
        try DisclosureModel.serialise(weights, header: ["test"]).write(to: other, atomically: true, encoding: .utf8)
        let otherModel = DisclosureModel(file: other, stored: library.cacheAttachment("disclosure-model"))
        #expect(otherModel.table?.features.count == 1)
        #expect(otherModel.read("visit", kind: .post)?.score != warm.read("visit", kind: .post)?.score)
    }
}
