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
        "actor", "actors", "manikin", "manikins", "mannequin", "mannequins", "simman", "simbaby",
        "moulage", "simulated", "simulation", "sim", "illustration", "illustrated", "illustrations", "mock", "fictional",
        "actores", "maniquí", "simulación", "simulado", "simulada",
    ]
    /// Of those, the ones whose scene holds a character's name: a manikin's wristband, a simulated
    /// chart ("[photo: manikin with a wristband reading 'DOE, JANE']"). An actor may stand beside
    /// a real person, so a name in their scene stays a name.
    static let simulationWords: Set<String> = [
        "manikin", "manikins", "mannequin", "mannequins", "simman", "simbaby", "moulage", "simulated", "simulation", "sim",
        "maniquí", "simulación", "simulado", "simulada",
    ]
    /// A prop or a stand-in, by the word before what it stages: "fake wounds", "makeup wounds",
    /// "prop syringe", "stock image", "demo dashboard" (not "a stock of gloves", "demo of the lift").
    static let propWords: Set<String> = ["fake", "makeup", "painted", "pretend", "prop", "stage", "demo", "stock"]
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
        var stagedIn: [ByteRange: Staging] = [:]
        for index in findings.indices where findings[index].severity > .info
            && (findings[index].rule.hasPrefix("visual.") || findings[index].category == .name) {
            guard let span = findings[index].span?.bytes, let photo = photos.first(where: { $0.contains(span) }) else { continue }
            let staging = stagedIn[photo] ?? staging(of: photo, text)
            stagedIn[photo] = staging
            if findings[index].category == .name {
                // "[photo: manikin with a wristband reading 'DOE, JANE']": a character's name.
                if staging == .simulation {
                    findings[index].conclude(.info, "A name in a simulation (a manikin, a simulated chart): a character's, not a patient's.")
                }
            } else if staging != .none {
                findings[index].conclude(.info, "The image described is staged (actors, a manikin, a model, props or an illustration, as its description says): it shows no one's care.")
            } else if isDenied(span, in: photo, text) {
                findings[index].conclude(.info, "The image's description says this is not in it (\u{201C}no faces, name tags or labels visible\u{201D}, \u{201C}not a real patient\u{201D}).")
            }
        }
    }

    enum Staging { case none, staged, simulation }

    /// Whether the description says its scene is staged or drawn, and whether by a simulation.
    /// A staging word denied does not stage: "real patients, not actors", "not a stock photo".
    static func staging(of photo: ByteRange, _ text: WordView) -> Staging {
        let words: [String] = text.words(in: photo).map(\.text)
        var found = Staging.none
        for (index, word) in words.enumerated() {
            let denied = words[max(0, index - 2)..<index].contains { negators.contains($0) }
            guard !denied else { continue }
            if simulationWords.contains(word) { return .simulation }
            let next: String? = index + 1 < words.count ? words[index + 1] : nil
            if stagedWords.contains(word) { found = .staged }
            if propWords.contains(word), let next, clinicalProps.contains(next) { found = .staged }
            // "AI-generated illustration", "computer-generated image": a picture, not a record.
            if word == "generated", index > 0, ["ai", "computer"].contains(words[index - 1]), let next, imageWords.contains(next) { found = .staged }
        }
        return found
    }

    static let imageWords: Set<String> = ["image", "images", "illustration", "picture", "photo", "art", "artwork", "drawing", "video"]

    /// What a prop word stages: "fake wounds", "prop syringe", "demo dashboard", "stock photo".
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
        // What is denied must be something an image shows ("no faces", "no people's faces", "not a
        // real patient"), not a filter, a blur, gloves or a consent form: "no filter, face visible".
        let head = (between.first { !denialFillers.contains($0.text) }?.text) ?? text.words(in: span).first?.text ?? ""
        guard shownThings.contains(head) else { return false }
        // A comma between them belongs to a list of such things only if the list joins with "or",
        // "nor" or "and": "no faces, name tags or labels visible".
        let commaBetween = (before[negator].range.end..<span.start).contains { text.bytes[$0] == 0x2C }
        if commaBetween {
            let list = text.words(in: ByteRange(before[negator].range.end, clauseEnd(after: span.end, within: photo, text.bytes)))
            return list.contains { ["or", "nor", "and", "o", "ni", "y"].contains($0.text) }
        }
        return true
    }

    /// Words before the denied thing that say nothing of what it is: "not a real patient".
    static let denialFillers: Set<String> = ["a", "an", "the", "real", "actual", "other", "identifiable", "readable", "visible", "legible", "one's"]
    /// What an image can show that identifies someone: what a description may say is not there.
    static let shownThings: Set<String> = [
        "face", "faces", "people", "people's", "person", "persons", "patient", "patients", "patient's", "resident", "residents",
        "visitor", "visitors", "name", "names", "nametag", "nametags", "tag", "tags", "wristband", "wristbands", "band", "bands",
        "label", "labels", "screen", "screens", "monitor", "monitors", "chart", "charts", "id", "ids", "badge", "badges",
        "identifier", "identifiers", "date", "dates", "initials", "signature", "signatures", "one", "kids", "children", "child",
        "family", "families", "plates", "numbers", "room", "records", "phi", "information", "info", "details", "whiteboard",
        "pacientes", "paciente", "caras", "nombres",
    ]

    /// Clauses of a description end at ";", ":", ".", "!", "?", a bracket or a dash between spaces.
    static func isClauseEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        switch bytes[index] {
        case 0x3B, 0x3A, 0x2E, 0x5B, 0x5D, 0x28, 0x29, 0x21, 0x3F: return true
        // A dash between spaces: " - ", and the long dashes (U+2013, U+2014, whose last byte is 0x93 or 0x94).
        case 0x2D: return index > 0 && index + 1 < bytes.count && bytes[index - 1] == 0x20 && bytes[index + 1] == 0x20
        case 0x93, 0x94: return index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80
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
