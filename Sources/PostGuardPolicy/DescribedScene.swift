import PostGuardCatalog
import PostGuardEngine

/// What a photo or video described in words says about its own scene, read over the whole
/// description (`phi.described-photo`), not a window around one word. The visual rules find what
/// an image may show (a patient, a face, a wristband, a chart); the description itself often says
/// that what it shows is not there ("no faces, name tags or equipment labels visible") or not real
/// ("actor plays the patient", "manikin with a fake wristband", "stock image of a model",
/// "AI-generated illustration, not a real patient"). Either way the image shows no one's care.
enum DescribedScene {
    /// Words that say the scene is staged or drawn: its people are actors, models or manikins and
    /// its charts and wounds props. (A description that says so anywhere says it of all it shows.)
    static let stagedWords: Set<String> = [
        "actor", "actors", "actress", "manikin", "manikins", "mannequin", "mannequins", "simman", "simbaby",
        "moulage", "simulated", "simulation", "sim", "illustration", "illustrated", "illustrations",
        "cartoon", "diagram", "mock", "fictional",
        "actores", "actrices", "maniquí", "simulación", "simulado", "simulada",
    ]
    /// A prop or a stand-in, by the word before what it stages: "fake wounds", "makeup wounds",
    /// "prop syringe", "stock image", "demo dashboard" (not "a stock of gloves", "demo of the lift").
    static let propWords: Set<String> = ["fake", "makeup", "painted", "pretend", "prop", "stage", "practice", "sample", "test", "demo", "stock"]
    /// Words before what they negate: "no faces", "without name tags", "not a real patient".
    static let negators: Set<String> = ["no", "without", "not", "nor", "zero", "sin", "ningún", "ninguna", "ni"]
    /// Words that end a negated list: what follows them is said, not denied ("no filter on her face").
    static let listBreakers: Set<String> = [
        "on", "of", "in", "at", "with", "for", "from", "to", "by", "is", "are", "was", "were", "has", "have", "but",
        "except", "only", "while", "yet", "fully", "clearly", "showing", "shows", "holding", "en", "con", "de",
        "her", "his", "their", "its", "our", "your", "my", "su", "sus",
    ]

    /// Concludes the visual findings inside a description that is staged, or that denies what
    /// they found, as `info`, with the reason.
    static func lower(_ findings: inout [Finding], _ text: WordView) {
        let photos = findings.filter { $0.rule == "phi.described-photo" }.compactMap(\.span?.bytes)
        guard !photos.isEmpty else { return }
        var stagedIn: [ByteRange: Bool] = [:]
        for index in findings.indices where findings[index].severity > .info
            && (findings[index].rule.hasPrefix("visual.") || findings[index].category == .name) {
            guard let span = findings[index].span?.bytes, let photo = photos.first(where: { $0.contains(span) }) else { continue }
            let staged = stagedIn[photo] ?? isStaged(photo, text)
            stagedIn[photo] = staged
            if staged, findings[index].category == .name {
                // "[photo: manikin with a wristband reading 'DOE, JANE']": a character's name.
                findings[index].conclude(.info, "A name in a staged image (actors, a manikin, props): a character's, not a patient's.")
            } else if staged {
                findings[index].conclude(.info, "The image described is staged (actors, a manikin, a model, props or a drawing, as its description says): it shows no one's care.")
            } else if findings[index].category != .name, isDenied(span, in: photo, text) {
                findings[index].conclude(.info, "The image's description says this is not in it (\u{201C}no faces, name tags or labels visible\u{201D}, \u{201C}not a real patient\u{201D}).")
            }
        }
    }

    /// Whether the description says its scene is staged or drawn.
    static func isStaged(_ photo: ByteRange, _ text: WordView) -> Bool {
        let words: [String] = text.words(in: photo).map(\.text)
        for (index, word) in words.enumerated() {
            if stagedWords.contains(word) { return true }
            let next: String? = index + 1 < words.count ? words[index + 1] : nil
            if propWords.contains(word), let next, clinicalProps.contains(next) { return true }
            // "AI-generated", "computer-generated".
            if word == "generated", index > 0, ["ai", "computer"].contains(words[index - 1]) { return true }
        }
        return false
    }

    /// What a prop word stages: "fake wounds", "practice chart", "test patient", "stock photo".
    static let clinicalProps: Set<String> = [
        "wound", "wounds", "blood", "burns", "injuries", "injury", "wristband", "wristbands", "chart", "charts", "patient",
        "patients", "cast", "bandage", "bandages", "syringe", "record", "records", "ekg", "ecg", "monitor", "ultrasound",
        "image", "images", "photo", "photos", "photograph", "footage", "video", "picture", "model", "models", "dashboard", "screen",
    ]

    /// Whether `span` sits in a list a negator heads, in the same clause: "no faces, name tags or
    /// equipment labels visible", "no people's faces shown", "not a real patient". A comma between
    /// them must belong to a list that goes on with "or", "nor" or "and" ("no filter, her face fully
    /// visible" denies the filter only).
    static func isDenied(_ span: ByteRange, in photo: ByteRange, _ text: WordView) -> Bool {
        let clauseStart = clauseStart(before: span.start, within: photo, text.bytes)
        let before = text.words(in: ByteRange(clauseStart, span.start))
        guard let negator = before.lastIndex(where: { negators.contains($0.text) }) else { return false }
        let between = before[(negator + 1)...]
        guard between.count <= 6, !between.contains(where: { listBreakers.contains($0.text) || negators.contains($0.text) }) else { return false }
        let commaBetween = (before[negator].range.end..<span.start).contains { text.bytes[$0] == 0x2C }
        if commaBetween {
            let clauseEnd = clauseEnd(after: span.end, within: photo, text.bytes)
            let list = text.words(in: ByteRange(before[negator].range.end, clauseEnd)).map(\.text)
            guard list.contains(where: { ["or", "nor", "and", "o", "ni", "y"].contains($0) }) else { return false }
        }
        return true
    }

    /// Clauses of a description end at ";", ":", ".", a bracket or a dash between spaces.
    static func isClauseEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        switch bytes[index] {
        case 0x3B, 0x3A, 0x2E, 0x5B, 0x5D, 0x28, 0x29: return true
        default: return false
        }
    }

    static func clauseStart(before position: Int, within photo: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = position
        while index > photo.start, !isClauseEnd(bytes, index - 1) { index -= 1 }
        return index
    }

    static func clauseEnd(after position: Int, within photo: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = position
        while index < photo.end, !isClauseEnd(bytes, index) { index += 1 }
        return index
    }
}
