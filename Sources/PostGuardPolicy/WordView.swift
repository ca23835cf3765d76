// Policy: the few views of a document's words the combinations need — its sentences and
// paragraphs, who a sentence speaks to, whether a name is greeted or stands beside a staff role.
// Word lists here are grammar (pronouns, greetings), not vocabulary: vocabulary lives in Rules/.
import Foundation
import PostGuardEngine
import PostGuardCatalog
import PostGuardDetectors

struct WordView {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Sentences and paragraphs, found once per document and kept: the combinations ask for the
    /// sentence of every finding, and a text of 10,000 findings in one sentence read that sentence
    /// 10,000 times (issue 15, item 3).
    private let memo = Memo()

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private final class Memo {
        /// Every offset that ends a sentence (`endsSentence`), in order; nil until a sentence is asked for.
        var sentenceEnds: [Int]?
        var sentences: [ByteRange: Sentence] = [:]
        /// Line breaks that close a paragraph before them, and those that close one after them.
        var paragraphBreaks: (before: [Int], after: [Int])?
        var personWords: [ByteRange: Bool] = [:]
    }

    /// How many of `sorted` are below `value`.
    static func count(of sorted: [Int], below value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        WorkMeter.current?.count(1)
        return low
    }

    final class Sentence {
        let range: ByteRange
        /// Lower-cased words with their byte ranges; apostrophes kept, curly ones made straight.
        let words: [(text: String, range: ByteRange)]

        init(range: ByteRange, words: [(text: String, range: ByteRange)]) {
            self.range = range
            self.words = words
        }

        /// The index of the first word that ends after `offset` (words are in order).
        private func firstWord(endingAfter offset: Int) -> Int {
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].range.end <= offset { low = middle + 1 } else { high = middle }
            }
            WorkMeter.current?.count(1)
            return low
        }

        /// Up to `count` words that end before `offset`, nearest last (a binary search, not a scan).
        func words(before offset: Int, count: Int) -> ArraySlice<(text: String, range: ByteRange)> {
            let end = firstWord(endingAfter: offset)
            return words[max(0, end - count)..<end]
        }

        /// Up to `count` words that start at or after `offset`, nearest first.
        func words(after offset: Int, count: Int) -> ArraySlice<(text: String, range: ByteRange)> {
            let start = lastWord(startingBefore: offset) + 1
            return words[start..<min(words.count, start + count)]
        }

        /// The index of the last word that starts before `offset`, or -1.
        private func lastWord(startingBefore offset: Int) -> Int {
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].range.start < offset { low = middle + 1 } else { high = middle }
            }
            WorkMeter.current?.count(1)
            return low - 1
        }

        /// Words that point at the reader of a reply or a message, or, in a reply, at the reviewer
        /// spoken of in the third person ("she's describing", "his oxygen"). Chat spellings included.
        static let readerWords: Set<String> = [
            "you", "your", "yours", "you're", "youre", "you've", "you'll", "you'd", "yourself", "u", "ur", "ya", "y'all", "yall",
            "she", "she's", "her", "hers", "herself", "he", "he's", "him", "his", "himself",
            "tu", "tus", "su", "sus", "usted", "ti", "te",
            // French: "votre mère a besoin de deux préposés".
            "votre", "vos", "vous",
            // Portuguese, Russian, Arabic, Tagalog, Somali and Vietnamese words for "you" and "your" that
            // stand alone (not the ones that are also "or", "in" or a kin word).
            "você", "vocês", "seu", "sua", "seus", "suas", "вы", "вас", "вам", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей",
            "ты", "тебя", "тебе", "твой", "твоя", "твои", "أنت", "انت", "حضرتك", "حضرتكم", "أنتم", "ikaw", "kayo", "iyong", "inyong",
            "ninyo", "kaaga", "taada", "adiga", "idinka", "bạn",
        ]
        static let thirdPersonWords: Set<String> = ["she", "she's", "her", "hers", "herself", "he", "he's", "him", "his", "himself"]

        /// Read once per sentence (a sentence is asked this for each of its findings).
        lazy var containsReaderWord: Bool = {
            WorkMeter.current?.count(words.count)
            return words.contains { Sentence.readerWords.contains($0.text) }
        }()

        /// Words that make what follows a condition or an instruction, not a fact about the reader.
        static let hypotheticalWords: Set<String> = ["before", "if", "when", "whenever", "antes", "si", "cuando", "any", "cualquier"]

        /// Whether a hypothetical word stands within `within` words before `span`.
        func hypothetical(before span: ByteRange, within: Int) -> Bool {
            hasWord(of: Sentence.hypotheticalWords, before: span, within: within)
        }

        static let agreeingWords: Set<String> = ["you're", "youre"]
        static let rightWords: Set<String> = ["right", "correct"]
        static let negations: Set<String> = ["can't", "cannot", "can’t", "won't", "not", "never", "shouldn't"]

        /// "no, I can't diagnose that influencer with NPD from a clip": a diagnosis refused is none.
        lazy var refusesDiagnosis: Bool = {
            WorkMeter.current?.count(words.count)
            return words.indices.contains { index in
                index > 0 && (words[index].text == "diagnose" || words[index].text == "diagnosing") && Sentence.negations.contains(words[index - 1].text)
            }
        }()

        /// What a reply thanks the reader for: "your patience", "your feedback", "your kind words".
        static let courtesyNouns: Set<String> = [
            "patience", "feedback", "review", "reviews", "understanding", "comments", "comment", "note", "message", "words",
            "kind", "thoughts", "suggestion", "suggestions", "input", "time", "concern", "concerns", "post", "honesty",
        ]

        /// Nouns a demonstrative turns into a pointer at the reviewer: "this individual arrived...".
        static let pointedNouns: Set<String> = ["individual", "person", "reviewer", "gentleman", "lady", "woman", "man", "customer", "guest", "client", "poster"]

        /// A reader word within `within` words of `span`, if any.
        /// The reader of a reply may be spoken of as "she" (the reviewer's mother); `secondPersonOnly`
        /// counts only "you" and its forms, for a message whose "she" is someone else.
        func readerWord(near span: ByteRange, within: Int, secondPersonOnly: Bool = false) -> String? {
            let first = firstWord(endingAfter: span.start)
            let last = lastWord(startingBefore: span.end)
            let from = max(0, first - within), to = min(words.count - 1, max(last, first) + within)
            guard from <= to else { return nil }
            for index in from...to {
                // "Thanks for your patience with the insurance side": the reader's courtesy, not their care;
                // "You're right that antivenom is costly": agreeing with them.
                if words[index].text == "your", index + 1 < words.count, Sentence.courtesyNouns.contains(words[index + 1].text) { continue }
                if Sentence.agreeingWords.contains(words[index].text), index + 1 < words.count, Sentence.rightWords.contains(words[index + 1].text) { continue }
                if Sentence.readerWords.contains(words[index].text),
                   !secondPersonOnly || !Sentence.thirdPersonWords.contains(words[index].text) { return words[index].text }
                if index > 0, ["this", "that"].contains(words[index - 1].text), Sentence.pointedNouns.contains(words[index].text) {
                    return words[index - 1].text + " " + words[index].text
                }
            }
            return nil
        }

        /// Where advice to others starts after `offset`: a verb of urging and its audience
        /// ("encouraged everyone to", "urged residents to", "reminded parents that"); nil if none.
        func urgesOthers(after offset: Int) -> Int? {
            let list = words.filter { $0.range.start >= offset }
            for (index, word) in list.enumerated() where Sentence.urgingVerbs.contains(word.text) {
                if list[(index + 1)..<min(list.count, index + 4)].contains(where: { Sentence.audienceWords.contains($0.text) }) { return word.range.end }
            }
            return nil
        }
        static let urgingVerbs: Set<String> = ["encouraged", "encourages", "encouraging", "urged", "urges", "urging", "reminded", "reminds", "reminding",
                                               "invited", "invites", "asked", "asks", "called", "calls", "challenged", "challenges", "pidió", "invitó", "animó", "recordó"]
        static let audienceWords: Set<String> = ["everyone", "everybody", "residents", "people", "parents", "women", "men", "us", "all", "families",
                                                 "neighbors", "neighbours", "fans", "viewers", "listeners", "students", "seniors", "folks", "others",
                                                 "community", "voters", "employees", "colleagues", "todos", "todas", "vecinos", "padres", "familias", "on"]

        /// Whether the sentence tells something that happened to what stands at `span`: a verb in the
        /// past tense within the three words after it ("the x-rays showed", "the c-section was done"),
        /// not an adjective that ends like one ("licensed", "experienced") nor "indeed".
        func tellsPast(after span: ByteRange) -> Bool {
            words.filter { $0.range.start >= span.end }.prefix(3).contains { word in
                Sentence.pastVerbs.contains(word.text)
                    || (word.text.count >= 5 && word.text.hasSuffix("ed") && !Sentence.pastLookingAdjectives.contains(word.text))
            }
        }
        static let pastVerbs: Set<String> = ["was", "were", "wasn't", "weren't", "did", "didn't", "had", "hadn't", "went", "came", "saw", "showed",
                                             "shown", "took", "gave", "got", "made", "found", "told", "said", "ran", "began", "broke", "fell", "felt",
                                             "left", "kept", "put", "sent", "redid", "redone", "done", "brought", "caught", "chose", "drew", "grew",
                                             "hurt", "lost", "paid", "read", "set", "slept", "spent", "stood", "tore", "woke", "wrote"]
        static let pastLookingAdjectives: Set<String> = ["licensed", "experienced", "skilled", "trained", "qualified", "dedicated", "detailed",
                                                         "advanced", "limited", "related", "based", "certified", "talented", "respected",
                                                         "valued", "beloved", "blessed", "interested", "concerned", "worried", "scheduled",
                                                         "needed", "required", "recommended", "preferred", "insured", "uninsured", "covered",
                                                         "approved", "accredited", "specialized", "specialised", "registered", "supervised", "medicated", "indeed", "excited", "thrilled", "delighted", "pleased"]

        /// A particular past occasion: "last week", "yesterday", "on Monday", "two weeks ago".
        lazy var tellsPastOccasion: Bool = {
            let list = words.map(\.text)
            if list.contains(where: { ["yesterday", "ayer"].contains($0) }) { return true }
            for (index, word) in list.enumerated() where index + 1 < list.count {
                if word == "last", ["week", "wk", "nite", "month", "night", "visit", "time", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "fall", "winter"].contains(list[index + 1]) { return true }
                if ["weeks", "days", "months"].contains(word), list[index + 1] == "ago" { return true }
                if word == "this", ["morning", "afternoon"].contains(list[index + 1]) { return true }
            }
            return false
        }()

        /// "As it did for you that day", "the wait you had that night": one particular occasion,
        /// pointed back at, in a sentence told in the past.
        lazy var pointsBackAtOccasion: Bool = {
            let pointed = words.indices.dropLast().contains { index in
                words[index].text == "that" && Sentence.occasionNouns.contains(words[index + 1].text)
            }
            return pointed && words.contains { Sentence.occasionVerbs.contains($0.text) || ($0.text.count > 4 && $0.text.hasSuffix("ed")) }
        }()
        static let occasionNouns: Set<String> = ["day", "night", "morning", "afternoon", "evening", "visit", "weekend", "shift"]
        /// The few past verbs that tell of the occasion pointed back at (narrower than `pastVerbs`).
        static let occasionVerbs: Set<String> = ["did", "was", "were", "had", "happened", "went", "came"]

        /// What the organisation did in someone's care, in the past: "the MRI we ordered", "our
        /// nurses documented on three visits".
        static let careActs: Set<String> = [
            "ordered", "ran", "performed", "prescribed", "gave", "administered", "treated", "diagnosed", "removed", "drew",
            "tested", "examined", "documented", "noted", "recorded", "resulted", "discharged", "admitted", "injected",
            "placed", "extracted", "referred", "recollected", "collected", "declined", "dismissed", "saw",
        ]
        /// Whether "we" (or "our" staff) and a care act in the past stand within `within` words of
        /// `span`: in a reply, the organisation telling the reviewer what it did in their care.
        func ourCareAct(near span: ByteRange, within: Int) -> Bool {
            let window = words(before: span.start, count: within) + words(after: span.end, count: within)
            return window.contains { ["we", "we've", "we'd", "our"].contains($0.text) } && window.contains { Sentence.careActs.contains($0.text) }
                && !hypothetical(before: span, within: within)
        }

        /// Verbs that invite the reader to get in touch ("please reach us at", "escríbanos a").
        static let contactVerbs: Set<String> = [
            "reach", "contact", "email", "e-mail", "write", "call", "text", "phone", "message", "dm", "ring",
            "escribir", "llamar", "contactar", "comunicarse", "llame", "llama", "marque",
        ]
        /// The same verbs with the organisation as their object in one word ("escríbanos", "llámenos").
        static let contactUsVerbs: Set<String> = [
            "escríbanos", "escribanos", "escribirnos", "llámenos", "llamenos", "llamarnos", "contáctenos", "contactenos", "contactarnos",
        ]
        /// What of ours has a number: "our recovery line", "our nurse line", "our billing team".
        static let ourLines: Set<String> = ["line", "hotline", "helpline", "number", "desk", "team", "office", "department", "línea", "linea", "equipo", "oficina",
                                            "advocate", "advocates", "navigator", "navigators", "coordinator", "liaison", "inbox", "mailbox",
                                            "supervisor", "manager", "director", "administrator"]
        /// The organisation's departments, whose line a number after them is.
        static let departmentWords: Set<String> = ["billing", "scheduling", "registration", "pharmacy", "reception", "desk", "facturación", "facturacion", "citas", "recepción", "recepcion", "farmacia", "admissions"]
        /// The organisation as the one to reach: "reach us at", "call our office at".
        static let organisationWords: Set<String> = ["us", "our", "we", "nos", "nuestro", "nuestra"]
        /// Labels a contact detail follows when it is for the reader's questions ("Info:", "RSVP:").
        static let contactLabels: Set<String> = [
            "info", "information", "questions", "rsvp", "inquiries", "enquiries", "details", "registration", "register",
            "tickets", "bookings", "booking", "informes", "información", "informacion", "reservas", "inscripciones",
            // A department as the label: "Dispatch: 617-555-0150", "Billing: ...", "Citas: ...".
            "dispatch", "billing", "scheduling", "appointments", "pharmacy", "reception", "office", "helpline", "hotline",
            "citas", "farmacia", "oficina", "recepción", "recepcion", "facturación", "facturacion",
        ]
        /// What the reader is invited to send: "we'd welcome your suggestions at ...".
        /// A job application sent in: "send your resume to jobs@...", "envía tu CV a empleos@...".
        /// Verbs a call to action opens with, before the way to answer it.
        static let callsToAction: Set<String> = [
            "sign", "signup", "register", "apply", "enroll", "enrol", "join", "rsvp", "set", "book", "reserve", "donate", "volunteer",
            "inscríbase", "inscribase", "inscríbete", "inscribete", "regístrese", "registrese", "regístrate", "registrate", "reserve", "aplique",
        ]
        static let contactTopics: Set<String> = ["suggestions", "feedback", "questions", "concerns", "comments", "ideas", "thoughts", "sugerencias", "comentarios", "preguntas",
                                                 "cv", "resume", "résumé", "resumes", "application", "applications", "currículum", "curriculum", "solicitud"]
        /// Someone other than the organisation, whose contact this would be: "call you at", "email her
        /// daughter at", "call me at", "his cell".
        static let otherOwners: Set<String> = [
            "you", "your", "yours", "u", "ur", "me", "my", "her", "him", "his", "them", "their", "she", "he", "they",
            "daughter", "son", "wife", "husband", "mother", "father", "mom", "dad", "sister", "brother", "family", "patient",
            "cell", "mobile", "home", "personal", "private", "su", "sus", "le", "lo", "la",
        ]
        /// "our patient relations team", "our patient billing line": "patient" naming a service.
        static let patientServices: Set<String> = ["relations", "experience", "advocate", "advocates", "billing", "services", "line", "liaison", "accounts", "access", "care", "support", "navigator", "navigators", "financial", "portal"]

        /// Whether the contact detail at `span` is offered to the reader as the way to reach the
        /// organisation: a contact verb with the organisation as its object ("please reach us at",
        /// "call our office at", "escríbanos a"), an invitation from it ("le invitamos a escribir
        /// a"), or a request for the reader's views ("your suggestions at"), with no one else's word
        /// in between ("call you at", "email her daughter at", "call me at"). A bare "Call 555-0142"
        /// says nothing of whose line it is: the settings file names the organisation's. A person
        /// the text has named in a staff role may be the one to reach ("our billing lead, Sunita Rao,
        /// ... please reach her at"): `staffNamed` says so.
        /// In a message the writer's own line is offered to the reader ("could you call me at"),
        /// `writerOffers`; in a post "call me at" is some person's number. `staffNamed` is asked
        /// only of phone numbers: a staff member's direct line is the organisation's, a personal
        /// e-mail address ("reach her at m.lopez@...") is still hers.
        func invitesContact(at span: ByteRange, staffNamed: Bool, writerOffers: Bool = false) -> Bool {
            let before = words(before: span.start, count: 8)
            // A label for the reader's questions: "Info: tourism@example.com", "RSVP: 555-0177".
            if let label = before.last, Sentence.contactLabels.contains(label.text), span.start - label.range.end <= 3 { return true }
            // A call to action as the label: "Sign up: mhfa@example.org", "Set up an account:
            // work@example.com", "Inscríbase: 555-0131", "Register at example.org/schools".
            if let first = words.first, Sentence.callsToAction.contains(first.text), before.count <= 5,
               let label = before.last, span.start - label.range.end <= 3 || label.text == "at",
               !before.contains(where: { Sentence.otherOwners.contains($0.text) }) { return true }
            // A line of ours: "Our recovery line is open 24/7 at ...", "our patient relations team
            // can explain the process: ...".
            let wider = words(before: span.start, count: 14)
            if let our = wider.lastIndex(where: { $0.text == "our" || $0.text == "nuestra" || $0.text == "nuestro" }),
               wider[(our + 1)...].prefix(4).contains(where: { Sentence.ourLines.contains($0.text) }),
               !wider[(our + 1)...].indices.contains(where: { index in
                   // "our patient advocate would like to hear from you at", "would welcome the chance to talk
                   // with you: ...": you are who is heard from.
                   Sentence.otherOwners.contains(wider[index].text) && !["patient", "patients"].contains(wider[index].text)
                       && !(index > wider.startIndex && ["from", "with"].contains(wider[index - 1].text))
               }) { return true }
            guard let verb = before.lastIndex(where: { word in
                Sentence.contactVerbs.contains(word.text) || Sentence.contactUsVerbs.contains(word.text) || Sentence.contactTopics.contains(word.text)
            }) else { return false }
            let between = before[(verb + 1)...]
            let word = before[verb].text
            if Sentence.contactTopics.contains(word) {
                return between.allSatisfy { ["at", "to", "a", "by", "via", "through", "por", "en"].contains($0.text) }
            }
            // "Her phone: 555-0185": a contact noun with an owner before it is that person's.
            if verb > before.startIndex, ["her", "his", "my", "their", "your", "su", "sus"].contains(before[verb - 1].text) || before[verb - 1].text.hasSuffix("'s") { return false }
            // Asked of the reader ("could you call me at", "please text me at"), not a bare "call me at".
            if writerOffers, ["me", "my"].contains(between.first?.text ?? ""),
               before[..<verb].contains(where: { ["you", "please", "pls", "plz", "free"].contains($0.text) }),
               !between.dropFirst().contains(where: { Sentence.otherOwners.contains($0.text) }) { return true }
            let owners = between.indices.filter { i in
                Sentence.otherOwners.contains(between[i].text)
                    && !(["patient", "patients"].contains(between[i].text) && i + 1 < between.endIndex && Sentence.patientServices.contains(between[i + 1].text))
            }
            if !owners.isEmpty {
                return staffNamed && ["her", "him"].contains(between.first?.text ?? "") && between.dropFirst().allSatisfy { !Sentence.otherOwners.contains($0.text) }
            }
            // The invitation may come first: "puede llamarnos al 555-0144 o escribir a ...".
            let invited = before[..<verb].contains { word in
                ["invitamos", "invite", "invites", "welcome", "encourage", "animamos"].contains(word.text) || Sentence.contactUsVerbs.contains(word.text)
            }
            // Or a department of ours: "contact billing (617-555-0155)", "llame a facturación al ...".
            // (A bare "Call 617-555-0142" still says nothing of whose line it is: the settings'
            // `phones:` name the organisation's.)
            let department = between.contains { Sentence.departmentWords.contains($0.text) }
            return Sentence.contactUsVerbs.contains(word) || invited || department
                || between.contains { Sentence.organisationWords.contains($0.text) }
        }

        /// Verbs that ask the reader to call or text a number: "call", "text", "llame al".
        static let callVerbs: Set<String> = ["call", "text", "phone", "ring", "dial", "llame", "llama", "llamar", "marque", "llámenos", "llamenos"]
        /// What the reader is told to call a number for, a service of ours: "to reschedule", "to book".
        static let serviceVerbs: Set<String> = [
            "reschedule", "schedule", "book", "confirm", "cancel", "register", "rsvp", "enroll", "sign", "make", "set", "learn",
            "request", "arrange", "reserve", "donate", "volunteer", "apply", "join", "refill", "renew", "pay", "order",
            "reprogramar", "cancelar", "confirmar", "agendar", "programar", "hacer", "sacar", "pedir", "inscribirse", "registrarse", "cambiar",
        ]
        /// Whether the number at `span` is a bare call to action that opens its sentence: "Open
        /// Saturday 9 to noon. Call 617-555-0100.", "Llame al 617-555-0130 hoy." In the organisation's
        /// own voice (a post, a reply, a reminder it sends) that is its line: a person's number is given
        /// as theirs ("call me at", "call Maria at", "her cell"), or said of someone after it ("call
        /// 617-555-0142 about her results").
        func bareCall(at span: ByteRange) -> Bool {
            let before = words(before: span.start, count: 5)
            guard let verb = before.lastIndex(where: { Sentence.callVerbs.contains($0.text) }),
                  before[(verb + 1)...].allSatisfy({ ["at", "on", "al", "us"].contains($0.text) }),
                  before[..<verb].allSatisfy({ ["please", "pls", "plz", "or", "just", "simply", "and", "por", "favor", "o", "y"].contains($0.text) })
            else { return false }
            return !words(after: span.end, count: 4).contains { word in
                Sentence.otherOwners.contains(word.text) || ["about", "re", "regarding", "sobre"].contains(word.text)
                    || (word.text.first.map { $0.isNumber } == false && ConsentCoverage.relations[word.text] != nil)
            }
        }

        /// Whether the writer introduces themselves before `span` in this sentence ("this is Rob from
        /// Acme Medical Supply (rob@example.com)", "it's Dana at the front desk, 617-555-0150"), with
        /// no one else's word between ("this is Rob, her son's number is ...").
        func writerIntroduces(before span: ByteRange) -> Bool {
            let before = words(before: span.start, count: 12)
            guard let intro = before.indices.first(where: { index in
                (before[index].text == "this" && index + 1 < before.endIndex && before[index + 1].text == "is")
                    || before[index].text == "it's" || before[index].text == "soy"
                    || (before[index].text == "name" && index > before.startIndex && before[index - 1].text == "my")
            }) else { return false }
            return !before[intro...].contains { ["her", "his", "their", "your", "patient", "patient's", "daughter", "son", "mom", "dad", "wife", "husband"].contains($0.text) }
        }

        /// Whether the sentence is glad about how the care at `span` went: "Glad the root canal went
        /// smoothly", "so happy the new crown fits". The verb follows the term at once ("glad the MRI
        /// suite is open" speaks of a suite, not a scan).
        /// So is a hope for how it goes, said of "the" care ("Hope the Tamiflu kicked in quickly",
        /// "hope the pink eye is clearing up"): the reviewer's own, not a topic.
        func gladOutcome(of span: ByteRange) -> Bool {
            let before = words(before: span.start, count: 4)
            let glad = before.contains(where: { ["glad", "happy", "pleased", "relieved", "thrilled", "delighted"].contains($0.text) })
            let hope = before.contains(where: { ["hope", "hoping", "hopefully", "ojalá", "espero", "esperamos"].contains($0.text) })
                // The article may stand a word or two before the term: "hope the new meds are working".
                && before.suffix(3).contains(where: { ["the", "that", "those", "el", "la", "los", "las"].contains($0.text) })
            // "Hope the cast comes off soon!" (the term holds its article and its verb), "good luck with
            // the new knee!": a wish for someone's care is for the reader's.
            let own = words.first(where: { $0.range.start >= span.start && $0.range.end <= span.end }).map { ["the", "that", "your"].contains($0.text) } ?? false
            if before.contains(where: { ["hope", "hoping"].contains($0.text) }), before.last.map({ ["hope", "hoping"].contains($0.text) }) == true, own { return true }
            if let luck = before.lastIndex(where: { $0.text == "luck" }), luck + 2 < before.count, before[luck + 1].text == "with",
               ["the", "that", "your"].contains(before[luck + 2].text) { return true }
            guard glad || hope, var next = words(after: span.end, count: 2).first else { return false }
            // "hope the C-section recovery is going smoothly": the care's recovery, then how it goes.
            if ["recovery", "healing", "rehab", "aftercare", "incision", "stitches", "recuperación"].contains(next.text),
               let then = words(after: next.range.end, count: 1).first { next = then }
            return ["going", "went", "turned", "came", "healed", "worked", "helped", "fits", "fit", "looks", "looked", "is", "was", "has", "salió", "fue",
                    "kicked", "cleared", "clearing", "healing", "helping", "working", "works", "resolved", "did", "does", "are", "were",
                    "goes", "gone", "settled", "calmed", "eased", "esté", "está", "funcionó", "ayudó",
                    // The term holds its own verb ("the stitches came out"): how it came out.
                    "clean", "cleanly", "well", "fine", "great", "perfectly", "nicely", "smoothly", "okay", "ok",
                    // A result the term's own words bring ("the biopsy came back benign").
                    "benign", "negative", "normal", "clear"].contains(next.text)
        }

        /// Whether the sentence congratulates its reader on what is at `span`: "congrats on getting
        /// through that second C-section", "Congratulations on your 1 year chip", "felicidades por tu
        /// alta". A reply congratulates the reviewer on their own care; "congrats to our nurses on the
        /// new cath lab" is told of others.
        func congratulatesOn(_ span: ByteRange) -> Bool {
            let before = words(before: span.start, count: 8)
            guard let cheer = before.lastIndex(where: { Sentence.cheerWords.contains($0.text) }) else { return false }
            let rest = before[(cheer + 1)...]
            guard let on = rest.first, ["on", "for", "por", "with"].contains(on.text) || on.text == "you" && rest.dropFirst().first?.text == "on" else { return false }
            // Not news told of others: "congrats to our nurses on the new cath lab". The reviewer's
            // family is theirs to be congratulated on ("congrats on your daughter's recovery"): a
            // reply that knows of it confirms the care too.
            return !rest.contains(where: { ["to", "al", "everyone", "team", "staff", "all"].contains($0.text) })
        }
        static let cheerWords: Set<String> = ["congrats", "congratulations", "congratulation", "kudos", "felicidades", "felicitaciones", "enhorabuena"]

        /// A service verb, Spanish ones with a pronoun joined on ("cambiarla", "reprogramarla").
        static func isServiceVerb(_ word: String) -> Bool {
            serviceVerbs.contains(word) || (word.hasSuffix("la") || word.hasSuffix("lo") || word.hasSuffix("las") || word.hasSuffix("los"))
                && serviceVerbs.contains { $0.hasSuffix("r") && word.hasPrefix($0) && word.count - $0.count <= 3 }
        }
        /// What a reader may call for, before the verb: "for urgent needs call ...".
        static let needWords: Set<String> = ["questions", "needs", "help", "assistance", "emergencies", "urgent", "anything", "concerns", "preguntas", "dudas"]
        /// Nouns a "for" after the number names a service by: "for appointments", "for more information".
        static let serviceNouns: Set<String> = [
            "appointments", "appointment", "more", "information", "info", "details", "tickets", "reservations", "registration",
            "scheduling", "refills", "directions", "availability", "pricing", "rates", "citas", "información", "informacion", "más", "mas",
        ]
        /// Whether the number at `span` is one the reader is told to call for a service: "Call
        /// 617-555-0100 to reschedule", "text 555-0148 with any questions", "llame al 555-0130 para
        /// confirmar". A person's number is given as someone's ("call me at", "call Maria at", "her
        /// cell"), never as the way to book; a bare "Call 555-0142" still says nothing of whose it is.
        func callsForService(at span: ByteRange) -> Bool {
            let before = words(before: span.start, count: 8)
            guard let verb = before.lastIndex(where: { Sentence.callVerbs.contains($0.text) }),
                  before[(verb + 1)...].allSatisfy({ ["at", "on", "us", "al", "our", "the", "office", "clinic", "main", "line", "number"].contains($0.text) })
            else { return false }
            // The purpose may come first: "for urgent needs call ...", "to reschedule, call ...",
            // "para cambiarla llame al ...".
            let lead = before[..<verb].suffix(4).map(\.text)
            if let purpose = lead.firstIndex(where: { ["for", "to", "para"].contains($0) }), purpose + 1 < lead.count {
                let word = lead[purpose + 1]
                if lead[purpose] == "for" ? Sentence.serviceNouns.contains(word) || Sentence.needWords.contains(word) : Sentence.isServiceVerb(word) { return true }
            }
            let after = Array(words(after: span.end, count: 4).map(\.text))
            guard let first = after.first else { return false }
            let rest = after.dropFirst()
            switch first {
            case "to", "para":
                // "to speak with our interpreter coordinator", "para hablar con nuestra coordinadora".
                if let verb = rest.first, ["speak", "talk", "hablar"].contains(verb) {
                    return rest.dropFirst().prefix(2).contains { Sentence.organisationWords.contains($0) || ["a", "an", "someone", "alguien", "un", "una"].contains($0) }
                }
                return rest.first.map { Sentence.isServiceVerb($0) || (first == "para" && ["su", "sus", "una"].contains($0)) } ?? false
            case "with", "con": return rest.prefix(2).contains { ["questions", "concerns", "preguntas", "dudas"].contains($0) }
            case "for", "por": return rest.first.map { Sentence.serviceNouns.contains($0) || (["an", "a", "your"].contains($0) && rest.dropFirst().first.map(Sentence.serviceNouns.contains) == true) } ?? false
            case "if", "si": return rest.contains { ["questions", "preguntas", "dudas"].contains($0) }
            default: return false
            }
        }

        /// Whether a possessive (her, his, their; not Spanish "su", which is also "your") stands within `within` words before `span`:
        /// "her last round of chemo" is someone's own care, "adults treated for" is not.
        func possessive(before span: ByteRange, within: Int) -> Bool {
            hasWord(of: ["her", "his", "their"], before: span, within: within)
        }

        /// Whether one of `set` stands within `within` words before `span`.
        func hasWord(of set: Set<String>, before span: ByteRange, within: Int) -> Bool {
            let first = firstWord(endingAfter: span.start)
            guard first < words.count else { return false }
            return words[max(0, first - within)..<first].contains { set.contains($0.text) }
        }

        /// "here" (or "aquí") within `within` words after `span`: "chemo here", "treated here today".
        func here(after span: ByteRange, within: Int) -> Bool {
            let last = lastWord(startingBefore: span.end)
            guard last >= 0 else { return false }
            return words[(last + 1)..<min(words.count, last + 1 + within)].contains { $0.text == "here" || $0.text == "aquí" }
        }

        /// The organisation's own place of care in the sentence: "stopped by our Westside clinic for
        /// her flu shot", "at our pharmacy". Said of a visitor, it places their care here.
        static let carePlaces: Set<String> = [
            "clinic", "clinics", "pharmacy", "hospital", "office", "practice", "er", "ed", "unit", "ward", "floor",
            "lab", "urgent", "infirmary", "clínica", "farmacia", "consultorio",
        ]
        var namesOurCarePlace: Bool {
            words.indices.contains { index in
                ["our", "nuestra", "nuestro"].contains(words[index].text)
                    && words[(index + 1)..<min(words.count, index + 4)].contains { Sentence.carePlaces.contains($0.text) }
            }
        }

        /// Care the organisation gave in the sentence: by one of ours ("his ACL surgery with our Dr.
        /// Ito", "by our cardiac surgery team") or in a place of ours ("rang the bell in our infusion
        /// center", "recovering in our cardiac unit"). Not where someone works: "who works in our
        /// cardiac unit" is a workplace.
        var receivesCareFromUs: Bool {
            if words.contains(where: { Sentence.workWords.contains($0.text) }) { return false }
            return words.indices.contains { index in
                guard index > 0, ["our", "nuestra", "nuestro", "nuestros", "nuestras"].contains(words[index].text) else { return false }
                let after = words[(index + 1)..<min(words.count, index + 5)]
                switch words[index - 1].text {
                case "with", "by", "con", "por":
                    return after.contains { Sentence.ourCarers.contains($0.text) }
                case "in", "at", "en":
                    return after.contains { Sentence.carePlaces.contains($0.text) }
                        || zip(after, after.dropFirst()).contains { Sentence.careCentres.contains($0.0.text) && ["center", "centre", "centro", "bay", "suite"].contains($0.1.text) }
                default:
                    return false
                }
            }
        }
        static let ourCarers: Set<String> = [
            "dr", "doctor", "doctors", "surgeon", "surgeons", "team", "nurses", "physicians", "specialists", "cardiologist",
            "oncologist", "dentist", "therapists", "pts", "doctora", "médico", "médicos", "equipo",
        ]
        static let careCentres: Set<String> = [
            "infusion", "cancer", "heart", "dialysis", "surgery", "surgical", "wound", "birth", "birthing", "trauma", "burn",
            "imaging", "rehab", "rehabilitation", "recovery", "treatment", "oncology", "cardiac", "stroke", "transplant",
        ]
        static let workWords: Set<String> = ["works", "worked", "working", "volunteers", "volunteered", "volunteering", "teaches", "leads", "manages", "runs", "staffs"]

        /// Verbs and nouns of someone telling their own story in public: "opened the summit by
        /// talking about", "shared her story", "says".
        static let speakingWords: Set<String> = [
            "talk", "talks", "talked", "talking", "share", "shares", "shared", "sharing", "speak", "speaks", "spoke", "spoken", "speaking",
            "say", "says", "said", "tell", "tells", "told", "telling", "story", "remarks", "keynote", "interview", "opened",
            "wrote", "writes", "habló", "compartió", "cuenta", "contó",
            // Their own announcement: "Mayor Ostrowski announced today that she has breast cancer".
            "announced", "announces", "announcing", "revealed", "reveals", "disclosed", "discloses", "posted", "tweeted",
            // Their public appearances: "Senator Gillibrand newser on sexual assault in the military".
            "newser", "briefing", "hearing", "testified", "testifies", "statement", "speech", "town hall", "presser",
        ]
        /// Whether a third person is in the sentence ("she's been on our psych unit since monday").
        lazy var hasThirdPersonPronoun: Bool = {
            WorkMeter.current?.count(words.count)
            return words.contains { WordView.pronouns.contains($0.text) || $0.text == "she's" || $0.text == "he's" }
        }()

        /// Whether the sentence speaks to everyone who was somewhere ("Anyone who visited the urgent
        /// care on Nov 20 between 2 and 5 pm should..."): an exposure notice, not one person's visit.
        lazy var addressesEveryone: Bool = {
            WorkMeter.current?.count(words.count)
            return zip(words, words.dropFirst()).contains { pair in
                ["anyone", "everyone", "anybody", "everybody", "those", "all", "cualquiera", "quienes"].contains(pair.0.text)
                    && ["who", "that", "que"].contains(pair.1.text)
            }
        }()

        lazy var speaksForThemselves: Bool = {
            WorkMeter.current?.count(words.count)
            return words.contains { Sentence.speakingWords.contains($0.text) }
        }()

        /// An authority or the organisation as the teller, before the telling verb: "the county
        /// announced", "officials said", "we announced".
        var authorityTells: Bool {
            guard let verb = words.firstIndex(where: { Sentence.speakingWords.contains($0.text) }) else { return false }
            return words[..<verb].suffix(6).contains { Sentence.authorities.contains($0.text) }
        }
        static let authorities: Set<String> = ["county", "city", "state", "officials", "official", "department", "police", "district", "cdc", "we", "our",
                                               "hospital", "sheriff", "authorities", "health", "investigators", "prosecutors", "condado", "autoridades",
                                               // Someone speaking for the person: "her manager is out in the lobby telling press".
                                               "manager", "agent", "publicist", "spokesperson", "spokesman", "spokeswoman", "rep", "family", "coach", "team", "lawyer"]

        /// "went public about", "going public with": someone's own telling, made public.
        lazy var tellsPublicly: Bool = {
            WorkMeter.current?.count(words.count)
            return words.indices.contains { index in
                index > 0 && words[index].text == "public" && ["went", "going", "gone", "goes", "go", "came"].contains(words[index - 1].text)
            }
        }()

        /// Phrases of a reply that decline to discuss anyone's care: the care words in such a sentence
        /// ("we can't discuss anyone's visit online") confirm nothing.
        static let disclaimers = [
            "can't discuss", "cannot discuss", "can not discuss", "unable to discuss", "not able to discuss", "don't discuss",
            "do not discuss", "doesn't allow", "does not allow", "privacy", "confidential", "any individual", "anyone's",
            "any patient", "confirm or deny", "can't share", "cannot share", "can't comment", "cannot comment", "hipaa",
            "no podemos", "privacidad",
        ]

        /// Whether the sentence declines to discuss anyone before `position`: "we can't discuss any
        /// patient's visit" does; "Carla had her procedure with us, but we can't share more" tells
        /// the procedure first.
        func disclaims(before position: Int) -> Bool {
            let text = words.filter { $0.range.end <= position }.map(\.text).joined(separator: " ")
            return Sentence.disclaimers.contains { text.contains($0) }
        }

        lazy var isPrivacyDisclaimer: Bool = {
            WorkMeter.current?.count(words.count)
            let text = words.map(\.text).joined(separator: " ")
            return Sentence.disclaimers.contains { text.contains($0) }
        }()

        /// Whether the sentence's disclaimer covers `span`: "We can't comment on individual patients,
        /// but yes, Ms. Ruiz was very happy with her care" declines, then tells; what comes after
        /// the "but" is told.
        func disclaims(_ span: ByteRange) -> Bool {
            guard isPrivacyDisclaimer else { return false }
            return !words(before: span.start, count: 40).contains { Sentence.turnWords.contains($0.text) }
        }
        static let turnWords: Set<String> = ["but", "however", "though", "although", "yet", "pero", "aunque", "sin", "embargo"]
    }

    /// The sentence holding `span`: bounded by . ! ? and line ends. The sentence ends are found in
    /// one pass the first time, each sentence's words once.
    func sentence(containing span: ByteRange) -> Sentence {
        let ends: [Int]
        if let known = memo.sentenceEnds {
            ends = known
        } else {
            ends = bytes.indices.filter { endsSentence(at: $0) }
            WorkMeter.current?.count(bytes.count)
            memo.sentenceEnds = ends
        }
        // After the last end before the span; at the first end at or after its end.
        let before = WordView.count(of: ends, below: span.start), after = WordView.count(of: ends, below: span.end)
        let range = ByteRange(before > 0 ? ends[before - 1] + 1 : 0, after < ends.count ? ends[after] : bytes.count)
        if let known = memo.sentences[range] { return known }
        let sentence = Sentence(range: range, words: words(in: range))
        memo.sentences[range] = sentence
        return sentence
    }

    /// Titles whose period ends no sentence: "your appointment with Dr. Chen on Tue 12/8". An
    /// initial's period ("Maria L. is home") ends none either.
    static let abbreviations: Set<String> = ["dr", "dra", "mr", "mrs", "ms", "mx", "st", "sr", "sra", "srta", "jr", "prof", "rev", "sen", "rep", "gov", "lt", "vs"]

    /// Whether the byte at `index` ends a sentence: ! ? a line break, or a period that is followed
    /// by a space or the end and does not close a title ("Dr.") or sit inside a word ("example.org", "10.30").
    private func endsSentence(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A { return true }
        guard byte == UInt8(ascii: ".") else { return false }
        if index + 1 < bytes.count, bytes[index + 1] != 0x20, bytes[index + 1] != 0x0A, bytes[index + 1] != 0x0D,
           bytes[index + 1] != UInt8(ascii: "\""), bytes[index + 1] != UInt8(ascii: ")") { return false }
        var wordStart = index
        while wordStart > 0, (bytes[wordStart - 1] | 0x20) >= 0x61, (bytes[wordStart - 1] | 0x20) <= 0x7A { wordStart -= 1 }
        guard index - wordStart <= 4, index > wordStart else { return true }
        let word = String(decoding: bytes[wordStart..<index], as: UTF8.self).lowercased()
        return !(word.count == 1 || WordView.abbreviations.contains(word))
    }

    /// The sentence of a finding; an empty one for a finding about the whole document.
    func sentence(of finding: Finding) -> Sentence {
        guard let span = finding.span?.bytes else { return Sentence(range: ByteRange(0, 0), words: []) }
        return sentence(containing: span)
    }

    /// The paragraph holding `span`: bounded by blank lines.
    /// The breaks are found in one pass the first time.
    func paragraph(containing span: ByteRange) -> ByteRange {
        let breaks: (before: [Int], after: [Int])
        if let known = memo.paragraphBreaks {
            breaks = known
        } else {
            let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
            breaks = (newlines.filter(isBlankLineBefore), newlines.filter(isBlankLineAfter))
            WorkMeter.current?.count(bytes.count)
            memo.paragraphBreaks = breaks
        }
        let before = WordView.count(of: breaks.before, below: span.start)
        let after = WordView.count(of: breaks.after, below: span.end)
        return ByteRange(before > 0 ? breaks.before[before - 1] + 1 : 0, after < breaks.after.count ? breaks.after[after] : bytes.count)
    }

    private func isBlankLineBefore(_ newline: Int) -> Bool {
        var i = newline - 1
        while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i -= 1 }
        return i >= 0 && bytes[i] == 0x0A
    }

    private func isBlankLineAfter(_ newline: Int) -> Bool {
        var i = newline + 1
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        return i < bytes.count && bytes[i] == 0x0A
    }

    /// Whether an honorific stands right before `span` ("Mr. Garza", "Sra. Ruiz"): a title makes
    /// even a lone surname a person.
    func titled(_ span: ByteRange) -> Bool {
        guard let last = words(in: ByteRange(max(0, span.start - 8), span.start)).last, span.start - last.range.end <= 2 else { return false }
        return NameDetector.honorifics.contains(last.text)
    }

    func words(in range: ByteRange) -> [(text: String, range: ByteRange)] {
        WorkMeter.current?.count(range.end - range.start)
        var result: [(String, ByteRange)] = []
        var index = range.start
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x27
        }
        while index < range.end {
            guard isWordByte(bytes[index]) || isCurlyApostrophe(at: index) else { index += 1; continue }
            let start = index
            while index < range.end, isWordByte(bytes[index]) || isCurlyApostrophe(at: index) {
                index += isCurlyApostrophe(at: index) ? 3 : 1
            }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let word = Self.word(piece)
            // Emoji and other symbols are not words. An ASCII word trimmed of its apostrophes is
            // letters and digits from its first byte, so only an empty one is no word (asking
            // Unicode's properties of every ASCII letter was 1% of an audit of social posts).
            if piece.allSatisfy({ $0 < 0x80 }) ? !word.isEmpty
                : word.unicodeScalars.contains(where: { scalar in scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) }) {
                result.append((word, ByteRange(start, index)))
            }
        }
        return result
    }

    /// A word's bytes lower-cased, curly apostrophes made straight and apostrophes at either end
    /// dropped. An ASCII word (most are) is done on its bytes, the same result as Foundation's
    /// string calls give, which a word with any other character still goes through.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).lowercased()
                .replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x27 { start += 1 }
        while end > start, bytes[end - 1] == 0x27 { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = bytes[start + offset]
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            }
            return end - start
        }
    }

    private func isCurlyApostrophe(at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }

    /// More ASCII letters and digits than this before a name on its line, and what precedes the name
    /// cannot be a greeting: the longest greeting plus every honorific is far less.
    static let greetingReach = 256

    /// Words that open a message to its reader: the name after them is the reader's.
    /// Titles a greeting may put before the name of the person it greets: "Hi Coach Miller", "Hello Pastor Reyes".
    static let greetingTitles: Set<String> = ["coach", "pastor", "principal", "father", "padre", "sister", "rabbi", "officer", "chief",
                                              "captain", "judge", "deacon", "reverend", "rev", "profe", "maestra", "maestro", "teacher", "mayor"]
    static let greetingHonorifics = NameDetector.honorifics.union(greetingTitles)
    /// Verbs after a name that make it its sentence's subject, not the one greeted.
    static let subjectVerbs: Set<String> = ["is", "was", "has", "had", "went", "came", "needs", "got", "tested", "passed", "died",
                                            "can't", "cant", "won't", "wont", "will", "did", "does", "tiene", "está", "esta", "fue", "tuvo",
                                            "se", "le", "estuvo", "ingresó", "ingreso", "salió", "salio", "murió", "murio", "falleció", "fallecio",
                                            "necesita", "dio", "sigue", "anda", "vino", "llegó", "llego", "tomó", "tomo", "broke", "fell"]
    static let greetings: Set<String> = ["hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "hola", "buenos días", "buenas tardes", "estimado", "estimada", "querido", "querida", "thanks", "thank you", "gracias", "congrats", "congratulations"]
    /// Whether a name finding is the reader being greeted or addressed: a greeting (and perhaps an
    /// honorific) just before it on its line, or the name opening the text or a line and followed by
    /// a comma or an exclamation ("Dolores, thank you...").
    /// Whether a name stands among the hosts of an event the text invites readers to: "Join Chef
    /// Ramiro Delgadillo and dietitian Precious Mabuza for a free hands-on cooking class". The
    /// invitation opens on "Join" (the sentence's first word, or capitalised after an emoji), and
    /// "for" an event follows the name. From "Join" to "for", when it is one.
    func hostsInvited(_ span: ByteRange) -> ByteRange? {
        let words = sentence(containing: span).words
        guard let join = words.lastIndex(where: { $0.text == "join" && $0.range.end <= span.start }),
              join == 0 || bytes[words[join].range.start] == UInt8(ascii: "J"),
              let after = words.firstIndex(where: { $0.range.start >= span.end }),
              let forIndex = words[after...].prefix(8).firstIndex(where: { $0.text == "for" }),
              words[(forIndex + 1)...].prefix(6).contains(where: { WordView.invitedEvents.contains($0.text) }) else { return nil }
        return ByteRange(words[join].range.start, words[forIndex].range.start)
    }
    static let invitedEvents: Set<String> = ["class", "classes", "talk", "talks", "workshop", "webinar", "session", "demo", "demonstration",
                                             "q&a", "qa", "discussion", "conversation", "walk", "tour", "lecture", "livestream", "live",
                                             "chat", "panel", "night", "evening", "breakfast", "lunch", "luncheon", "dinner", "event",
                                             "fair", "seminar", "forum", "meetup", "hike", "ride", "story", "reading", "screening", "clinic"]

    /// Whether a name opens its line as the speaker of a chat transcript, speaking for the
    /// organisation: "Colette Abernathy: We've got approval for a new RN transplant coordinator".
    /// Only in the first person plural: a line in a patient's voice ("Maria: I can't stop
    /// vomiting") is what someone said, not who wrote.
    func speaksLine(_ span: ByteRange) -> Bool {
        guard span.end < bytes.count, bytes[span.end] == UInt8(ascii: ":"),
              span.start == 0 || bytes[span.start - 1] == 0x0A else { return false }
        var end = span.end
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return words(in: ByteRange(span.end, end)).prefix(12).contains { ["we", "we've", "we’ve", "we're", "we’re", "we'll", "we’ll", "our", "us"].contains($0.text) }
    }

    func isGreeted(_ finding: Finding) -> Bool {
        guard finding.category == .name, let span = finding.span?.bytes else { return false }
        // Only the line's text before the name matters, and only when it is short: a greeting and
        // honorifics, once stripped, leave at most a few dozen letters. Reading back no further than
        // that keeps many names on one line from each reading the whole line (issue 15, item 3).
        var lineStart = min(span.start, bytes.count), letters = 0
        while lineStart > 0, bytes[lineStart - 1] != 0x0A {
            let byte = bytes[lineStart - 1]
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) { letters += 1 }
            // ASCII letters and digits are never trimmed, and the honorifics stripped hold fewer than 200.
            if letters > WordView.greetingReach { WorkMeter.current?.count(span.start - lineStart); return false }
            lineStart -= 1
        }
        WorkMeter.current?.count(span.start - lineStart + 1)
        var before = ByteText.substring(bytes, ByteRange(lineStart, span.start)).lowercased()
            .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        for honorific in WordView.greetingHonorifics where before.hasSuffix(" " + honorific) || before == honorific {
            before = String(before.dropLast(honorific.count)).trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        }
        // "Hi, Diego Morales has cancer.": a name that goes on as its sentence's subject is someone
        // the message tells about, whatever greeting stands before it.
        if let next = words(in: ByteRange(span.end, min(bytes.count, span.end + 16))).first,
           (span.end..<next.range.start).allSatisfy({ bytes[$0] == 0x20 }), WordView.subjectVerbs.contains(next.text) { return false }
        // "Thank you! Emma has made so much progress": a greeting that ended its sentence greets no
        // one after it; a name that starts the next sentence and goes on as its subject is someone
        // the reply tells about (the reviewer's daughter), unless it stands alone ("Thanks! Emma,").
        // (The dot of "Dear Mr. Haines" is the honorific's.)
        let raw = ByteText.substring(bytes, ByteRange(lineStart, span.start)).trimmingCharacters(in: .whitespaces)
        let honorificDot = raw.hasSuffix(".") && NameDetector.honorifics.contains { raw.lowercased().dropLast().hasSuffix($0) }
        if WordView.greetings.contains(before), !honorificDot, raw.last.map({ ".!?".contains($0) }) == true,
           span.end < bytes.count, ![",", "!", ".", ":", "?", "\n"].contains(Character(UnicodeScalar(bytes[span.end]))) { return false }
        if WordView.greetings.contains(before) { return true }
        // After a sender's prefix or a subject on the same line: "Larkspur Dental: Hi Linda",
        // "Subject: Flu clinic volunteers. Hi Pastor Glen".
        if let cut = before.lastIndex(where: { ":.!?—".contains($0) }),
           WordView.greetings.contains(before[before.index(after: cut)...].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))) { return true }
        if before.isEmpty, span.end < bytes.count, bytes[span.end] == UInt8(ascii: ",") || bytes[span.end] == UInt8(ascii: "!") { return true }
        // "Mr. Okafor your MRI auth came thru!", "... Internal Med. Ms. Travers, your INR is 4.8": a
        // name opening its sentence, spoken to as "you" right after.
        let opensSentence = before.isEmpty || raw.last.map { ".!?:👋-–—".contains($0) } == true || raw.hasSuffix(" here")
        if opensSentence, let next = words(in: ByteRange(span.end, min(bytes.count, span.end + 12))).first,
           (span.end..<next.range.start).allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == UInt8(ascii: ",") }),
           ["your", "you", "you're", "you’re", "ur", "su", "tu", "usted"].contains(next.text) { return true }
        // "Message for Walter Pruitt from Harbor View Oncology: your infusion ...": whom the message is for.
        if before.hasSuffix("message for") || before.hasSuffix("mensaje para") { return true }
        // "Reminder: Priscilla, you have a screening mammogram": a name set off by a comma right
        // after a label's colon is the one the message speaks to.
        // ("Brightsmile Dental: Jorge, your cleaning is booked"; not a record's label, "Patient: Jorge, 45".)
        // The label is short and the message goes on to the reader ("you", "your") right after the
        // name; "Here's what you asked for: Keisha Vandross, DOB 3/14/88" lists a record.
        // (An honorific stripped: "Recordatorio: Sr. Paredes, su colonoscopia ...".)
        guard span.end < bytes.count, bytes[span.end] == UInt8(ascii: ","), raw.contains(":") else { return false }
        var label = Substring(raw)
        if let space = label.lastIndex(of: " "),
           WordView.greetingHonorifics.contains(label[label.index(after: space)...].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) {
            label = label[..<space]
        }
        if label.hasSuffix(":"), before.split(separator: " ").count <= 3, !WordView.recordLabels.contains(where: { before.hasSuffix($0) }),
           words(in: ByteRange(span.end, min(bytes.count, span.end + 24))).prefix(2).contains(where: { ["you", "your", "you're", "you’re", "su", "tu", "usted"].contains($0.text) }) { return true }
        return false
    }

    /// Whether two spans stand side by side: overlapping, or apart by nothing but spaces, commas,
    /// periods, digits and brackets ("Walt, 92, our volunteer"; "Inés Vega, RN").
    func adjacent(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.start < b.end && b.start < a.end { return true }
        let gap = a.end <= b.start ? ByteRange(a.end, b.start) : ByteRange(b.end, a.start)
        // Up to 10 bytes, or 16 when they are only symbols (an emoji with its selectors and joiners).
        // (The length first: a long gap is refused without reading it.)
        guard gap.end - gap.start <= 16 else { return false }
        let symbols = (gap.start..<gap.end).contains { bytes[$0] >= 0x80 } && symbolsOnly(gap)
        guard gap.end - gap.start <= 10 || symbols else { return false }
        let punctuation = symbols || (gap.start..<gap.end).allSatisfy { index in
            let b = bytes[index]
            return b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39)
        }
        // An honorific or a rank between them is the name's: "his owner, Mr. Paulsen", "his
        // handler, Officer Park".
        return punctuation || words(in: gap).allSatisfy { NameDetector.honorifics.contains($0.text) || WordView.ranks.contains($0.text) }
    }

    /// Whether the name's own sentence says, after it, that they came here as a patient: "Harold
    /// Kim, 81, first came to us as a patient after his heart attack", "Rosa was our patient
    /// before she joined us". A volunteer or a colleague who was cared for here is a patient like
    /// anyone; their role does not make that their own story to tell.
    func saysWasPatient(after name: ByteRange, in sentence: Sentence) -> Bool {
        let after = sentence.words.filter { $0.range.start >= name.end }.prefix(10).map(\.text)
        return after.indices.contains { index in
            // Not a job or a service named for patients: "was a patient advocate".
            index >= 2 && ["patient", "patients"].contains(after[index])
                && !(index + 1 < after.count && Combinations.patientServiceNouns.contains(after[index + 1]))
                && ["a", "an", "our"].contains(after[index - 1]) && ["as", "was", "were"].contains(after[index - 2])
                // Said of them, not of someone they cared for: "who treated Tom when he was a patient".
                && !after[..<index].contains { ["when", "while", "who", "whom", "whose", "treated", "cared"].contains($0) }
        }
    }

    /// Whether a gap holds only spaces, punctuation and symbols (an emoji with its joiners and
    /// variation selectors, a dash, an arrow): "Volunteer spotlight 🌟 Jordan Pike" puts the name
    /// straight after its cue, as a colon would. No letter or digit of any script.
    func symbolsOnly(_ gap: ByteRange) -> Bool {
        let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[gap.start..<gap.end]), as: UTF8.self)
        return piece.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x80 ? " ,.()-:".unicodeScalars.contains(scalar)
                : !scalar.properties.isAlphabetic && scalar.properties.numericType == nil
        }
    }

    /// Whether `role` stands on a line after `name`'s and goes on there to a word: "Subject: Destiny
    /// W.\n\nCoach Pryor," makes Pryor the coach, not Destiny. A role that ends its line is the
    /// name's above it, as a signature writes it ("Bev Hutto\nCharge RN").
    func headsLaterLine(_ role: ByteRange, after name: ByteRange) -> Bool {
        guard role.start >= name.end, (name.end..<role.start).contains(where: { bytes[$0] == 0x0A }) else { return false }
        var index = role.end
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// Titles of rank written before a name, as honorifics are.
    static let ranks: Set<String> = [
        "officer", "deputy", "sergeant", "sgt", "trooper", "corporal", "cpl", "lieutenant", "lt", "captain", "capt",
        "chief", "detective", "det", "agent", "ranger", "firefighter", "coach",
    ]

    /// Words after a condition that make it prevention, not a diagnosis: "your shingles shot", "the
    /// flu vaccine", "colon cancer screening" say what the reader is due for, not what they have.
    static let preventionWords: Set<String> = [
        "shot", "shots", "vaccine", "vaccines", "vaccination", "booster", "jab", "immunization", "screening", "vacuna", "refuerzo",
        "vacunación", "vacunacion", "inmunización", "inmunizacion",
        // A campaign against it: "cancer prevention in two shots", "breast cancer awareness".
        "prevention", "awareness", "prevención", "prevencion",
    ]

    func isPrevention(_ finding: Finding) -> Bool {
        guard let span = finding.span?.bytes else { return false }
        // The term itself names the prevention ("bring his vaccine card", "flu shots").
        // Either number: "vacuna" and "vacunas", "shot" and "shots".
        func prevention(_ word: String) -> Bool {
            WordView.preventionWords.contains(word) || (word.hasSuffix("s") && WordView.preventionWords.contains(String(word.dropLast())))
        }
        if let last = words(in: span).last, prevention(last.text) { return true }
        let after = words(in: ByteRange(span.end, min(bytes.count, span.end + 24)))
        return after.first.map { prevention($0.text) } ?? false
    }

    /// A result named without its content ("your test results are ready", "your labs are in"): a
    /// notice to log in or call, which tells the reader nothing the portal would not.
    static let bareResults: Set<String> = [
        "results", "result", "test results", "test result", "lab results", "lab result", "labs", "lab work", "bloodwork",
        "blood work", "resultados", "resultados de laboratorio",
    ]
    static let readyWords: Set<String> = ["ready", "available", "in", "back", "posted", "listos", "disponibles"]

    func isBareResult(_ finding: Finding) -> Bool {
        guard let span = finding.span?.bytes else { return false }
        var list = words(in: span).map(\.text)
        // "results are ready" as one term: the notice, without the result.
        if let last = list.last, WordView.readyWords.contains(last), list.count >= 3, ["are", "is", "están", "están"].contains(list[list.count - 2]) {
            list.removeLast(2)
        }
        return WordView.bareResults.contains(list.joined(separator: " "))
    }

    /// Verbs that open an invitation to the reader to come for care ("Come see me Thursday").
    static let imperatives: Set<String> = ["come", "stop", "swing", "pop", "ven", "venga"]

    /// What a pronoun may do before its own condition: "he's HIV+", "she has", "he just started".
    static let stateWords: Set<String> = ["is", "has", "had", "was", "just", "started", "starts", "begins", "began", "underwent", "got", "tested", "been", "recently", "finally", "now", "found", "learned", "diagnosed", "will"]
    /// The only words that may stand between a name and its own health for the name to be the one
    /// who has it: "is fighting", "has been on leave for", "was recently diagnosed with".
    static let ownStateWords: Set<String> = stateWords.union([
        "fighting", "battling", "recovering", "from", "having", "undergoing", "beating", "beat", "being", "a", "an", "with",
        "on", "off", "out", "leave", "medical", "sick", "for", "again", "still", "currently", "bravely", "her", "his",
    ])
    static let writerSubjects: Set<String> = ["i", "i'm", "im", "i've", "ive"]
    /// Words that cannot modify a health term after "is"/"has": articles and possessives of another
    /// phrase, and the participles of work done ("has done hip replacements for 20 years").
    static let notModifiers: Set<String> = [
        "the", "our", "this", "that", "to", "their", "your", "my", "done", "seen", "given", "taken", "made", "run", "led",
        "taught", "written", "read", "held", "built", "won", "begun", "drawn", "shown", "known", "become", "brought",
    ]
    /// What a clinician does with a condition that is not having it: "she treats HIV", "he leads our
    /// HIV prevention work".
    static let practiceWords: Set<String> = [
        "treat", "treats", "treated", "treating", "sees", "specializes", "specialises", "leads", "runs", "teaches",
        "researches", "studies", "helps", "cares", "works", "educates", "advocates", "talks", "speaks", "presents",
        "prevention", "awareness", "patients", "clinic", "program", "programme", "research", "expert", "specialist",
        // A clinician's field: "has a special interest in adolescent health, contraception and PrEP".
        "interest", "interests", "focus", "focuses", "passion", "expertise", "trained",
    ]

    /// Whether a third-person pronoun after `name` (in its sentence or the next) owns `term`: "he's
    /// HIV+", "she has just started treatment for HIV", with no one else named and nothing a clinician
    /// does ("treats", "leads our HIV clinic") between.
    /// With `relativeClause`, so does a clause opened by "who" straight after the name (asked only
    /// of specially protected health: "our ops lead, Jenna Kowal, who after four years of fertility
    /// treatment..."; a clinician's work is told the same way, "Dr. Arce, who performed our 1,000th
    /// prostatectomy").
    /// `pronounsAreOthers`: someone else's story came before the name, so a "he" or "she" after it
    /// is theirs; only the name itself as the subject (or "who") can own the term.
    func pronounOwns(_ term: ByteRange, after name: ByteRange, relativeClause: Bool = false, pronounsAreOthers: Bool = false) -> Bool {
        let first = sentence(containing: name), second = sentence(containing: term)
        guard second.range.start == first.range.start || second.range.start <= first.range.end + 2 else { return false }
        let between = words(in: ByteRange(name.end, term.start))
        if relativeClause, first.range.start == second.range.start, between.first?.text == "who", between.count <= 10,
           !between.contains(where: { WordView.practiceWords.contains($0.text) }) { return true }
        guard let pronoun = between.lastIndex(where: { ["he", "she", "he's", "she's", "hes", "shes"].contains($0.text) }) else {
            // The name itself the subject, with nothing but a state between: "our phlebotomist Marcus
            // is fighting leukemia", "Dr. Brooks is on leave for depression".
            // Not "is on medical leave": that says nothing of what they have. Specially protected
            // health (`relativeClause`) blocks, so only a pronoun or "who" may carry it there.
            // Up to two words may modify the term ("is having gallbladder surgery"), not a verb or
            // an article of another phrase ("is leading the diabetes class").
            guard !relativeClause, first.range.start == second.range.start, !between.isEmpty, between.count <= 6,
                  WordView.stateWords.contains(between[0].text), !words(in: term).contains(where: { $0.text == "leave" }) else { return false }
            // "Dr. Vorhees found two actinic keratoses": what a clinician found or diagnosed is
            // their patient's ("Dr. Brooks was diagnosed with" is still theirs).
            if ["found", "diagnosed"].contains(between[0].text),
               let title = words(in: ByteRange(max(0, name.start - 8), name.start)).last, name.start - title.range.end <= 2,
               Combinations.clinicianTitles.contains(title.text) { return false }
            let modifiers = min(2, between.count - 1)
            return between.dropLast(modifiers).allSatisfy { WordView.ownStateWords.contains($0.text) }
                && between.suffix(modifiers).allSatisfy { word in
                    WordView.ownStateWords.contains(word.text)
                        || (!word.text.hasSuffix("ing") && !word.text.hasSuffix("ed") && !WordView.notModifiers.contains(word.text))
                }
        }
        guard !pronounsAreOthers else { return false }
        let after = between[(pronoun + 1)...]
        guard after.count <= 8, !after.contains(where: { WordView.practiceWords.contains($0.text) }) else { return false }
        // "HIV prevention", "cancer research": the condition is what they work on.
        if let next = words(in: ByteRange(term.end, min(bytes.count, term.end + 24))).first, WordView.practiceWords.contains(next.text) { return false }
        let contracted = between[pronoun].text.hasSuffix("s") && between[pronoun].text != "his"
        return contracted || after.first.map { WordView.stateWords.contains($0.text) || $0.text == "s" } ?? false
    }

    /// Words for one person, described rather than named.
    static let personWords: Set<String> = [
        "he", "she", "him", "her", "his", "man", "woman", "guy", "girl", "boy", "lady", "dude", "kid", "child", "toddler",
        "teen", "baby", "patient", "pt", "grandpa", "grandma", "gentleman", "él", "ella", "hombre", "mujer", "señor", "señora",
        "mama", "mom", "dad", "mother", "father", "son", "daughter", "wife", "husband", "fella", "gal", "niño", "niña",
        "someone", "somebody", "hijo", "hija", "esposo", "esposa", "mamá", "papá", "hermano", "hermana", "abuelo", "abuela",
        "chico", "chica", "muchacho", "muchacha", "joven", "señorita", "victim", "víctima",
    ]

    /// A count of many ("37 cardiac arrests", "1,140 referrals"): a tally across people, no one's own.
    /// Twenty or more, so "her 3 surgeries" stays hers.
    func isTally(_ term: Finding) -> Bool {
        guard let span = term.span?.bytes, span.start >= 3, term.matchedText.hasSuffix("s") else { return false }
        var index = span.start - 1
        // The count written right before the term: "37 cardiac arrests", "1,140 referrals".
        guard bytes[index] == 0x20, (0x30...0x39).contains(bytes[index - 1]) else { return false }
        var value = 0, place = 1
        while index > 0 {
            index -= 1
            let b = bytes[index]
            if (0x30...0x39).contains(b) {
                if place <= 1_000_000 { value += Int(b - 0x30) * place; place *= 10 }
            } else if b == UInt8(ascii: ","), index > 0, (0x30...0x39).contains(bytes[index - 1]) {
                continue
            } else {
                if b != 0x20 && b != 0x0A && b != UInt8(ascii: "(") { return false }
                break
            }
        }
        return value >= 20
    }

    /// Whether the name is written as a possessive: "Liam's", "Liam’s".
    func isPossessive(_ name: ByteRange) -> Bool {
        guard name.end < bytes.count else { return false }
        if bytes[name.end] == UInt8(ascii: "'") { return name.end + 1 < bytes.count && bytes[name.end + 1] == UInt8(ascii: "s") }
        return name.end + 3 < bytes.count && bytes[name.end] == 0xE2 && bytes[name.end + 1] == 0x80 && bytes[name.end + 2] == 0x99 && bytes[name.end + 3] == UInt8(ascii: "s")
    }

    /// Whether the name is given as the reader's child: "your son Mateo", "su hija Ana", "Hola, mamá de
    /// Sebastián", "Hi Leo's mom".
    func isReadersChild(_ name: ByteRange) -> Bool {
        let before = words(in: ByteRange(max(0, name.start - 30), name.start)).suffix(3).map(\.text)
        if let kin = before.last, WordView.childWords.contains(kin), before.dropLast().last.map({ ["your", "ur", "su", "tu"].contains($0) }) == true { return true }
        if before.suffix(2).first.map(WordView.parentWords.contains) == true, before.last == "de" { return true }
        if isPossessive(name), let after = words(in: ByteRange(name.end, min(bytes.count, name.end + 12))).first, WordView.parentWords.contains(after.text) { return true }
        return false
    }
    /// Whether the message opens by greeting a parent of a child: "Hola, mamá de Sebastián", "Hi
    /// Leo's mom", "Dear parents of Ava".
    var greetsParent: Bool {
        let opening = words(in: ByteRange(0, min(bytes.count, 60))).prefix(6).map(\.text)
        guard let parent = opening.firstIndex(where: WordView.parentWords.contains), parent + 1 < opening.count || parent > 0 else { return false }
        return (parent + 1 < opening.count && ["de", "of"].contains(opening[parent + 1])) || (parent > 0 && opening[parent - 1].hasSuffix("'s"))
    }
    /// Where only a grown-up works: a person placed there is an employee, not a child.
    static let workplaceWords: Set<String> = ["warehouse", "jobsite", "worksite", "workplace", "forklift"]

    /// Whether the text says the person at `span` is a grown-up, whom no parent speaks for: an age of
    /// 18 or more within a few words ("your son Aaron (he's 26)", "Diego (24)", "your daughter, 19,"),
    /// or a sentence that puts them at their work ("Anthony's back surgery rehab means he shouldn't
    /// lift more than 20 lbs at the warehouse"; not the reader's own "a note for your workplace").
    func saysAdult(near span: ByteRange) -> Bool {
        let sentenceWords = sentence(containing: span).words
        if sentenceWords.indices.contains(where: { index in
            WordView.workplaceWords.contains(sentenceWords[index].text)
                && !(index > 0 && ["your", "my", "our", "ur"].contains(sentenceWords[index - 1].text))
        }) { return true }
        let near = words(in: ByteRange(max(0, span.start - 24), min(bytes.count, span.end + 40)))
        return near.contains { word in
            let digits = word.text.prefix { $0.isNumber }
            guard (1...2).contains(digits.count), let age = Int(digits), age >= 18 else { return false }
            let rest = word.text.dropFirst(digits.count)
            return rest.isEmpty || ["yo", "y", "yrs", "años"].contains(rest)
        }
    }
    /// Whether the reader is asked to keep what they are told from someone: "don't tell him we told
    /// you", "no le diga que le dijimos", "keep this between us".
    var asksToKeepSecret: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        for (index, word) in list.enumerated() {
            if ["don't", "don’t", "dont", "do"].contains(word), list[(index + 1)..<min(list.count, index + 3)].contains("tell") { return true }
            if word == "no", index + 2 < list.count, ["le", "les", "lo", "la"].contains(list[index + 1]), ["diga", "digas", "cuente", "cuentes"].contains(list[index + 2]) { return true }
            if word == "between", index + 1 < list.count, list[index + 1] == "us" { return true }
        }
        return false
    }

    /// Whether the reader is asked to pass something on to the person the message is about: "have
    /// her call us back", "can you let him know", "tell him", "ask her to contact us".
    var asksReaderToRelay: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        for index in list.indices.dropLast() where ["her", "him", "them"].contains(list[index + 1]) {
            let next = index + 2 < list.count ? list[index + 2] : ""
            switch list[index] {
            case "have", "ask", "get": if ["call", "contact", "text", "phone", "reach", "ring", "to"].contains(next) { return true }
            case "let": if next == "know" { return true }
            case "tell": return true
            default: break
            }
        }
        return false
    }

    /// Whether a message says it is care passed within the team that gives it: a handoff
    /// ("Handoff: rm 418 ...") or an SBAR anywhere, or a header that names the care team's own or a
    /// secure clinical chat ("Secure care-team chat, 4N: ...", "[Secure clinical chat]"). Only the
    /// header: "I'm not on her care team but ..." is no channel.
    var declaresCareTeamChannel: Bool {
        let all = words(in: ByteRange(0, bytes.count)).map(\.text)
        if all.contains(where: { WordView.handoffWords.contains($0) }) { return true }
        let headerEnd = bytes.firstIndex(where: { $0 == 0x0A || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "]") }) ?? min(bytes.count, 60)
        let header = words(in: ByteRange(0, min(headerEnd, 60))).map(\.text)
        return header.indices.contains { index in
            let word = header[index], next = index + 1 < header.count ? header[index + 1] : ""
            if word == "care" && next == "team" { return !header[..<index].contains("not") }
            return word == "secure" && header[(index + 1)..<min(header.count, index + 4)].contains { WordView.channelWords.contains($0) }
        }
    }
    static let handoffWords: Set<String> = ["handoff", "handoffs", "sbar"]
    static let channelWords: Set<String> = ["chat", "message", "messaging", "channel", "thread"]

    /// Whether a message asks colleagues to cover work: "can anyone cover", "who can take her shift",
    /// "Carmen cubre sus visitas", "swap".
    var asksForCover: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        if list.contains(where: { ["cover", "covering", "coverage", "swap", "cubre", "cubrir", "cubra", "turno", "guardia"].contains($0) }) { return true }
        // "who can take his night shift Weds?": a shift, and someone asked to take it.
        return list.contains { ["shift", "shifts"].contains($0) } && list.contains { ["anyone", "anybody", "someone", "who", "alguien", "quién"].contains($0) }
    }

    /// Whether the message says it reached someone it was not meant for: "wrong number", "meant for
    /// another patient", "Pretty sure you want a different Marcus", "se equivocó de número".
    var saysMisdirected: Bool {
        let all = words(in: ByteRange(0, bytes.count))
        let list = all.map(\.text)
        return list.indices.contains { index in
            let word = list[index], next = index + 1 < list.count ? list[index + 1] : ""
            if ["equivocó", "equivoco", "equivocado", "equivocada", "equivocación", "misdirected"].contains(word) { return true }
            if word == "wrong", ["number", "person", "chat", "group", "patient", "text", "phone", "recipient", "mom", "dad", "one"].contains(next) { return true }
            // "you want a different Marcus": a capitalised name after "different".
            if word == "different", ["person", "patient", "number"].contains(next)
                || (index + 1 < all.count && (0x41...0x5A).contains(bytes[all[index + 1].range.start])) { return true }
            return word == "meant" && next == "for" && index + 2 < list.count && ["another", "someone", "a"].contains(list[index + 2])
        }
    }

    /// Labels before a colon that introduce whom a record is about, not whom a message greets.
    static let recordLabels = ["patient", "pt", "name", "resident", "client", "member", "subject", "re", "paciente", "nombre", "residente"]

    /// Whether the message opens with a bracketed header naming a group it went to: "[Group: Oak St
    /// Book Club]", "[Shoulder Rehab Class — 23 members]", "[group text to 14 recipients]".
    var opensWithGroupHeader: Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return false }
        var end = start + 1
        while end < bytes.count, end - start < 160, bytes[end] != UInt8(ascii: "]"), bytes[end] != 0x0A { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return false }
        return words(in: ByteRange(start, end)).contains { ["group", "members", "recipients", "grupo", "miembros"].contains($0.text) }
    }

    /// Whether the message reminds its reader of something, or tells them what to pick up: "Le
    /// recordamos", "this is a reminder", "listo para recoger".
    var remindsReader: Bool {
        words(in: ByteRange(0, min(bytes.count, 200))).contains { ["remind", "reminder", "reminding", "recordamos", "recordarle", "recordatorio", "recuerde", "recoger"].contains($0.text) }
    }
    static let childWords: Set<String> = ["son", "daughter", "child", "kid", "baby", "boy", "girl", "toddler", "hijo", "hija", "bebé", "bebe", "niño", "niña", "nene", "nena"]
    static let parentWords: Set<String> = ["mom", "mum", "mother", "dad", "father", "parent", "parents", "mamá", "mama", "papá", "papa", "madre", "padre", "padres"]

    static let dueWords: Set<String> = ["due", "ready", "tomorrow", "reminder", "overdue", "scheduled", "eligible", "needs", "updated", "expires", "expiring", "missing", "low", "running",
                                        "remind", "reminding", "recordarle", "recordatorio", "recordamos", "recuerde", "mañana", "pendiente", "programada", "programado"]
    static let groupWords: Set<String> = ["parents", "recipients", "families", "everyone", "all", "group", "team", "staff", "cc", "bcc"]
    static let askWords: Set<String> = ["call", "reply", "book", "schedule", "confirm", "reschedule", "text", "please", "pickup", "pick", "drop", "bring",
                                        "llame", "responda", "confirme", "traiga", "favor", "reprogramar"]

    /// Whether the name is the subject of what is due: "Sofia needs", "Eli is due", "Nora is eligible".
    func isDueFor(_ name: ByteRange) -> Bool {
        let next = words(in: ByteRange(name.end, min(bytes.count, name.end + 24))).prefix(2).map(\.text)
        guard let first = next.first else { return false }
        if ["needs", "need", "necesita"].contains(first) { return true }
        // "Diego has his 4-year shots Monday", "Diego tiene su vacuna el lunes": the visit is theirs.
        return ["is", "has", "tiene"].contains(first) && next.count > 1
            && ["due", "eligible", "scheduled", "overdue", "an", "a", "his", "her", "their", "su", "sus", "una", "un", "cita"].contains(next[1])
    }

    /// Words of a reminder sent to the person who keeps the appointment: something is due or ready,
    /// and the reader is asked to call, reply or book.
    var hasReminderCue: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        let due = list.contains(where: WordView.dueWords.contains)
        // Not to a group: "(sent to 'Grade 3 Parents' by mistake)", "To: (38 recipients", "Hi all".
        if list.prefix(12).contains(where: WordView.groupWords.contains) { return false }
        let ask = list.contains(where: WordView.askWords.contains)
        return due && ask
    }

    /// Whether the reader is asked to pass the message on to someone outside the family: "tell
    /// your roommate Jake", "let your coworker know", "dile a tu vecina".
    var asksToTellNonFamily: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        for (index, word) in list.enumerated() where WordView.relayVerbs.contains(word) {
            let next = list[(index + 1)..<min(list.count, index + 4)]
            guard let owner = next.firstIndex(where: { ["your", "ur", "tu", "su"].contains($0) }), owner + 1 < list.count else { continue }
            if WordView.nonFamilyRelations.contains(list[owner + 1]) { return true }
        }
        return false
    }
    /// Whether the message excuses someone from work or school, or says when they may go back: its
    /// reader is an employer or a school, not the family a reminder is for ("please excuse him", "can't
    /// come back to work until her next checkup").
    var excusesFromWorkOrSchool: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        for (index, word) in list.enumerated() {
            let next = list[(index + 1)..<min(list.count, index + 4)]
            if ["excuse", "excused", "excusar", "justificar"].contains(word), next.contains(where: { ["him", "her", "them", "from", "lo", "la"].contains($0) }) { return true }
            if ["back", "return", "returning"].contains(word), Array(next.prefix(2)) == ["to", "work"] || Array(next.prefix(2)) == ["to", "school"] || Array(next.prefix(2)) == ["to", "class"] { return true }
            if word == "off", next.first == "work" { return true }
        }
        return false
    }
    static let relayVerbs: Set<String> = ["tell", "let", "remind", "ask", "inform", "pass", "dile", "avísale", "avisale", "recuérdale", "recuerdale", "dígale", "digale"]
    static let nonFamilyRelations: Set<String> = [
        "roommate", "roomie", "housemate", "flatmate", "coworker", "co-worker", "colleague", "neighbor", "neighbour", "boss", "manager",
        "supervisor", "landlord", "landlady", "friend", "buddy", "classmate", "teammate", "coach", "teacher", "employer",
        "compañero", "compañera", "vecino", "vecina", "amigo", "amiga", "jefe", "jefa",
    ]

    /// Whether a possessive name is followed by a relative or another person it points at
    /// ("Rosie's grandson", "Tom's roommate"): the relation nouns the consent coverage reads.
    func namesRelative(after name: ByteRange) -> Bool {
        let rest = ByteRange(name.end, min(bytes.count, name.end + 24))
        let following = words(in: rest)
        guard let first = following.first else { return false }
        if first.text == "s" || first.text == "'s", following.count > 1 { return ConsentCoverage.relations[following[1].text] != nil }
        let gap = (name.end..<first.range.start).map { bytes[$0] }
        let possessive = gap.first == UInt8(ascii: "'") || gap.starts(with: [0xE2, 0x80, 0x99])
        return possessive && ConsentCoverage.relations[first.text] != nil
    }

    /// Kept per range: asked of a paragraph once for each health term in it.
    func hasPersonWord(in range: ByteRange) -> Bool {
        if let known = memo.personWords[range] { return known }
        let found = words(in: range).contains { WordView.personWords.contains($0.text) }
        memo.personWords[range] = found
        return found
    }

    /// Whether the name at `name` is one of the organisation's people by a staff title or role beside
    /// it ("Dr. Chu", "Inés Vega, RN", "our paramedic Tony"). A title after the name that is itself
    /// followed by another name is that next person's: in "Hi Gary, Dr. Chu called you back", "Dr." is
    /// Chu's, and Gary is the reader.
    func namedInRole(_ name: ByteRange, roles: [ByteRange], names: [ByteRange]) -> Bool {
        roles.contains { role in
            guard adjacent(role, name) else { return false }
            // A role that opens with a verb is said of the name before it: "Kim has ICU, Omar ...".
            if role.start >= name.end, let first = words(in: role).first?.text, WordView.assignmentVerbs.contains(first) { return true }
            return !(role.start >= name.end && names.contains { $0.start >= role.end && $0.start - role.end <= 2 })
        }
    }

    static let assignmentVerbs: Set<String> = ["has", "covers", "takes", "got", "is"]

    /// Whether only a list's joints part two spans: ", ", " and ", ", and ", " & ".
    func listed(_ first: ByteRange, then second: ByteRange) -> Bool {
        guard first.end <= second.start, second.start - first.end <= 6 else { return false }
        let gap = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.end..<second.start]), as: UTF8.self)
        return [", ", " and ", ", and ", " & ", ",", " y ", ", y "].contains(gap)
    }

    /// Whether `span` stands on a header line that names the recipient ("To: ...", "Para: ...").
    func isRecipientHeader(_ span: ByteRange) -> Bool {
        var start = span.start
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        let head = words(in: ByteRange(start, span.start)).map(\.text)
        return head.count <= 2 && ["to", "para", "cc"].contains(head.first ?? "")
    }

    /// Who a message's "To:" header names, when the law lets them receive a patient's information:
    /// a clinician or a care organisation (treatment), a health plan (payment), or an authority
    /// that takes mandated reports. Nil for anyone else: an employer, a relative, a group.
    func coveredRecipient() -> CoveredRecipient? {
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let words = self.words(in: ByteRange(lineStart, lineEnd))
            if let first = words.first, ["to", "para"].contains(first.text), first.range.end < lineEnd, bytes[first.range.end] == 0x3A {
                // The header ends at the line's end, a dash, or a full stop after a word longer than
                // an abbreviation ("To: Dr. X, Cardiology. Referral for ...", not "Dr." or "St.").
                var header: Set<String> = []
                for word in words.dropFirst() {
                    if word.range.start >= 2, bytes[word.range.start - 1] == 0x20, bytes[word.range.start - 2] == 0x2D || bytes[word.range.start - 2] == 0x94 { break } // " - ", " — "
                    header.insert(word.text)
                    if word.range.end < lineEnd, bytes[word.range.end] == 0x2E, word.range.end - word.range.start > 3 { break }
                }
                if header.contains(where: WordView.providerWords.contains) { return .provider }
                if header.contains(where: WordView.authorityWords.contains) { return .authority }
                if header.contains(where: WordView.payerWords.contains) { return .healthPlan }
                return nil
            }
            // No header, but a greeting to a clinician: "Dr. Amin — referring Mr. Holloway for ...",
            // "Dear Dr. Paz,".
            if let first = words.first, !["subject", "from", "cc", "asunto", "de"].contains(first.text) {
                let opening = words.prefix(2).map(\.text)
                let title = ["dear", "hi", "hello", "hola", "estimado", "estimada"].contains(opening.first ?? "") ? opening.dropFirst().first : opening.first
                // Or a message whose purpose is treatment, to whoever shares the patient's care:
                // "following up on the referral for Mr. Ruiz to your cardiac rehab program",
                // "thanks for seeing our mutual patient", "confirming we received the referral for
                // your patient J. Whitaker".
                return ["dr", "dra", "doctor", "doctora"].contains(title ?? "") || treatmentPurpose ? .provider : nil
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Words of care passed between those who give it: a referral, a consult, a handoff, "our
    /// mutual patient", "your patient".
    var treatmentPurpose: Bool {
        let list = words(in: ByteRange(0, bytes.count)).map(\.text)
        for (index, word) in list.enumerated() {
            // "the referral for Mr. Ruiz to your program", "received the referral for your patient";
            // not a consult booked, a referral credit, a screening's "referral" to a family.
            if word == "referral", index > 0, list[index - 1] == "the", index + 1 < list.count, ["for", "of"].contains(list[index + 1]),
               list[(index + 2)..<min(list.count, index + 8)].contains(where: { ["your", "you"].contains($0) }) { return true }
            if index + 1 < list.count, ["mutual", "shared", "your"].contains(word), ["patient", "client", "paciente"].contains(list[index + 1]) { return true }
            if index + 1 < list.count, word == "discharge", ["planning", "summary"].contains(list[index + 1]) { return true }
        }
        return false
    }

    enum CoveredRecipient {
        case provider, healthPlan, authority
        var described: String {
            switch self {
            case .provider: "a care provider"
            case .healthPlan: "a health plan"
            case .authority: "an authority that takes such reports"
            }
        }
    }

    static let providerWords: Set<String> = [
        "dr", "dra", "md", "do", "np", "rn", "clinic", "clínica", "hospital", "cardiology", "oncology", "neurology",
        "orthopedics", "pediatrics", "dermatology", "radiology", "urology", "nephrology", "pulmonology", "gastroenterology",
        "rheumatology", "endocrinology", "psychiatry", "physician", "physicians", "provider", "pharmacy", "practice",
        "specialist", "surgeon", "surgery", "nursing", "hospice", "referrals", "referral",
    ]
    static let authorityWords: Set<String> = [
        "cps", "aps", "dcfs", "dss", "protective", "coroner", "examiner", "ombudsman",
    ]
    static let payerWords: Set<String> = ["claims", "insurer", "insurance", "medicaid", "medicare", "payer", "plan", "utilization"]

    static let pronouns: Set<String> = ["he", "she", "him", "her", "his", "él", "ella"]

    /// The writer as subject or owner ("I tested positive", "my biopsy"); "had me up all night" is not.
    static let firstPerson: Set<String> = ["i", "i'm", "im", "i've", "ive", "i'd", "my", "yo", "mi",
                                           // Portuguese, French, Italian: "vou fazer minha cirurgia", "mon opération".
                                           "eu", "minha", "meu", "je", "j'ai", "mon", "io", "mia", "mio"]
    /// The writer's "my", in the languages above.
    static let firstPersonPossessives: Set<String> = ["my", "mi", "mis", "minha", "meu", "mon", "mia", "mio"]

    /// Whether the health information at `span` is the writer's own: the nearest person word before
    /// it in its sentence, within five words, is "I" or "my" ("hey I tested positive for covid,
    /// can't come in ... I already told Marta"), not a name, a pronoun or a relative.
    func speakerOwns(_ span: ByteRange, names: RangeIndex) -> Bool {
        // nil: this word says nothing about whose it is.
        func owner(_ word: (text: String, range: ByteRange)) -> Bool? {
            if names.contains(word.range) { return false }
            if WordView.firstPerson.contains(word.text) { return true }
            if WordView.personWords.contains(word.text) || ConsentCoverage.relations[word.text] != nil || word.text == "you" || word.text == "your" { return false }
            return nil
        }
        let sentence = sentence(containing: span)
        let before = Array(sentence.words(before: span.start, count: 8))
        let recent = Array(before.suffix(5))
        for (offset, word) in recent.reversed().enumerated() {
            // "John Parker is on my floor with pneumonia", "Tom from my gym has HIV": "my" that
            // owns another noun (a floor, a gym) two or more words back says nothing of whose the
            // health is; "my bad knee", "my migraine" stand right before it, and "my mom's
            // gallbladder" is the writer's family's.
            if WordView.firstPersonPossessives.contains(word.text), offset >= 2 {
                let owned = recent[recent.count - offset].text
                let noun = owned.hasSuffix("'s") || owned.hasSuffix("’s") ? String(owned.dropLast(2)) : owned
                if ConsentCoverage.relations[noun] == nil { continue }
            }
            if let mine = owner(word) { return mine }
        }
        // "I'm out sick today with a migraine, Jen will cover": further back, only the writer as the
        // subject says whose it is.
        for word in before.dropLast(5).reversed() {
            if WordView.writerSubjects.contains(word.text) { return true }
            if let mine = owner(word), !mine { return false }
        }
        // Someone named earlier in the sentence is its subject: "the Yoder boy is the one who had
        // measles, I saw him Monday" is the boy's measles, not the writer's.
        if sentence.range.start < span.start, names.overlaps(ByteRange(sentence.range.start, span.start)) { return false }
        // A fronted phrase: "After 18 months of chemo and a stem cell transplant, I'm back at work".
        // Not past a new clause: in "one of my hygienists came back from rehab ... and I kept her
        // job", the "I" after "and" is the writer, not whose rehab.
        let after = Array(sentence.words(after: span.end, count: 10))
        for (index, word) in after.enumerated() {
            if ["and", "but", "so", "then", "y", "pero"].contains(word.text), index + 1 < after.count,
               ["i", "we", "i've", "i'm", "i'd", "yo"].contains(after[index + 1].text) { return false }
            // "filled Suboxone for my old high school bully Brent Kaminski": "my" before someone
            // named, who is neither the writer's family nor their clinician ("my oncologist Dr.
            // Ruiz rang the bell with me"), says whom the writer knows, not whose the care is.
            if WordView.firstPersonPossessives.contains(word.text),
               let named = after[(index + 1)...].prefix(5).firstIndex(where: { names.contains($0.range) }),
               !after[(index + 1)..<named].contains(where: { ConsentCoverage.relations[$0.text] != nil || WordView.providerWords.contains($0.text) }) {
                return false
            }
            if let mine = owner(word) { return mine }
        }
        return false
    }

    /// A person word other than a pronoun, or a pronoun with no one already named before it in the
    /// range: in "Dr. Kouri's research on HIV ... she still sees patients", "she" is Dr. Kouri.
    func hasPersonWord(in range: ByteRange, besides named: SortedSpans) -> Bool {
        // The earliest end of a name inside the range: a pronoun after it has someone to stand for.
        let firstNamed = named.minimumEnd(startingAtOrAfter: range.start).flatMap { $0 <= range.end ? $0 : nil }
        return words(in: range).contains { word in
            guard WordView.personWords.contains(word.text) else { return false }
            return !WordView.pronouns.contains(word.text) || !(firstNamed.map { $0 <= word.range.start } ?? false)
        }
    }

    /// Words that point at one particular person without naming them, when a determiner stands before
    /// and a qualifier after: "the guy who runs the only tow truck", "the sweet couple who drove in
    /// from Elm Hollow", "a certain someone from the Tuesday league".
    static let singledNouns: Set<String> = [
        "guy", "lady", "man", "woman", "gentleman", "boy", "girl", "kid", "teen", "teenager", "toddler", "baby", "couple", "elder", "twins",
        // People by the part they played in an event: "the bride from Saturday's wedding", "the cyclist hit on Harbor Bridge".
        "bride", "groom", "cyclist", "runner", "driver", "passenger", "hiker", "pedestrian", "swimmer", "skier", "biker", "motorcyclist", "rider",
        // And by what happened to them: "the victim of last night's crash", "la víctima del choque".
        "victim", "victims", "víctima", "víctimas",
        "family", "dude", "fella", "gal", "someone", "somebody", "mom", "dad", "grandpa", "grandma", "granny", "chica",
        "chico", "señor", "señora", "hombre", "mujer", "muchacho", "muchacha", "niño", "niña", "chamaco", "chamaca",
        "chavo", "chava", "joven", "grader", "freshman", "sophomore", "one",
    ]
    /// Offices one person holds where the reader lives: "the senator's not just resting comfortably".
    static let singleOffices: Set<String> = [
        "mayor", "governor", "senator", "sheriff", "principal", "superintendent", "pastor", "priest", "rabbi", "imam",
        "bishop", "councilman", "councilwoman", "congressman", "congresswoman", "judge", "alcalde", "alcaldesa",
    ]
    /// People counted as a few: "the 3 kids from", "the two teens injured".
    static let groupNouns: Set<String> = [
        "kids", "children", "teens", "teenagers", "boys", "girls", "men", "women", "students", "players", "brothers", "sisters",
        "siblings", "friends", "campers", "hikers", "workers", "cyclists", "runners", "passengers", "victims", "adults", "people",
        "niños", "niñas", "jóvenes", "hombres", "mujeres",
    ]
    /// Two to ten, in figures or words: a group small enough that its members are known.
    static func smallCount(_ word: String) -> Bool {
        if let value = Int(word) { return (2...10).contains(value) }
        return ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "dos", "tres", "cuatro", "cinco"].contains(word)
    }
    static let ordinals: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "primer", "segundo", "tercer"]

    /// Nouns after "the only" that are not a person: "the only hospital in the county with a NICU".
    static let notPersons: Set<String> = [
        "hospital", "hospitals", "clinic", "center", "centre", "practice", "facility", "unit", "program", "programme",
        "provider", "pharmacy", "place", "way", "time", "thing", "option", "one's", "trauma", "level", "certified",
        "accredited", "designated", "system", "service", "services", "team", "lab", "office", "school", "hospice",
        "department", "ward", "floor", "city", "town", "county", "state", "region", "area", "day", "night",
    ]
    static let fameWords: Set<String> = ["famous", "well-known", "celebrity", "beloved", "popular", "notorious", "legendary", "iconic"]
    static let relatives: Set<String> = ["son", "daughter", "wife", "husband", "kid", "child", "boy", "girl", "mother", "father", "mom", "dad", "sister", "brother", "grandson", "granddaughter"]
    static let singlingDeterminers: Set<String> = ["the", "this", "that", "certain", "el", "la", "ese", "esa", "aquel", "aquella"]
    static let qualifiers: Set<String> = ["who", "whose", "from", "with", "w", "in", "at", "that", "on", "near", "que", "de", "con", "en"]

    /// What an official does in their role: "opened", "toured", "cut the ribbon on".
    static let civicVerbs: Set<String> = [
        "opened", "opens", "toured", "tours", "dedicated", "unveiled", "announced", "funded", "cut", "spoke", "speaks",
        "joined", "welcomed", "presented", "proclaimed", "signed", "inaugurated", "launched", "visited", "honored", "honoured",
    ]

    /// Whether the words straight after a name are a civic act ("Councilman Pryor opened ...",
    /// "Mayor Diaz, who toured ...").
    func civicAct(after name: ByteRange) -> Bool {
        let next = words(in: ByteRange(name.end, min(bytes.count, name.end + 32))).prefix(3).map(\.text)
        return next.first.map(WordView.civicVerbs.contains) == true || (next.first == "who" && next.dropFirst().first.map(WordView.civicVerbs.contains) == true)
    }

    /// Whether `span` comes straight after "our office," or "at our clinic": the organisation's place.
    /// Or straight after a place's capitalised name ending in a facility noun: "Larkfield Family
    /// Clinic, 410 Foundry Rd".
    func followsOurPlace(_ span: ByteRange) -> Bool {
        // "Visit us at 1400 Harbor Blvd", "find us at", "our new urgent care opens at 88 Lakeview
        // Drive", "our donor center, 220 Main Street": the organisation's own place.
        let wider = words(in: ByteRange(max(0, span.start - 60), span.start)).suffix(6).map(\.text)
        if let at = wider.last, ["at", "on", "to"].contains(at) {
            let lead = wider.dropLast()
            if lead.last == "us" || ["opens", "open", "opening", "located", "moved", "moving", "relocated", "relocating"].contains(lead.last ?? "") && lead.contains("our") { return true }
            // "Walk in Mon–Fri 8–6 at 100 Example Way", "stop by at": where the reader is asked to come.
            if lead.contains(where: { ["walk", "walk-in", "walk-ins", "stop", "drop", "come", "swing"].contains($0) }),
               lead.contains(where: { ["in", "by", "on", "over"].contains($0) }) || lead.contains("walk-in") || lead.contains("walk-ins") { return true }
            // "Starting Jan 5 we'll be at 42 Birch Lane": where the writers will be is their place.
            if lead.last == "be", lead.dropLast().last.map({ ["we'll", "we’ll", "will", "we're", "we’re"].contains($0) }) ?? false { return true }
            if lead.last.map({ ["we're", "we’re"].contains($0) }) ?? false { return true }
        }
        if wider.contains("our"), let ourIndex = wider.lastIndex(of: "our"), wider[(ourIndex + 1)...].contains(where: { WordView.facilityNouns.contains($0) || ["center", "centre", "urgent", "site", "branch", "store", "unit"].contains($0) }),
           wider[(ourIndex + 1)...].count <= 4 { return true }
        let before = words(in: ByteRange(max(0, span.start - 40), span.start)).suffix(3)
        guard let last = before.last, span.start - last.range.end <= 4 else { return false }
        if WordView.facilityNouns.contains(last.text), bytes[last.range.start] >= 0x41, bytes[last.range.start] <= 0x5A { return true }
        // A public venue named right before it: "Greenwood Library, 1500 Oak Street", "the Lincoln High
        // School gym, 2200 W. Jefferson Blvd", "Station 3 parking lot, 45 Walnut St".
        if WordView.venueNouns.contains(last.text) { return true }
        // A venue named with its own name between: "la oficina de Bright Harbor (400 Elm St)", "the
        // Lincoln Community Center gym, 12 Oak St".
        let named = words(in: ByteRange(max(0, span.start - 60), span.start)).suffix(5)
        if let venue = named.lastIndex(where: { WordView.venueNouns.contains($0.text) || WordView.ourPlaces.contains($0.text) }),
           named[named.index(after: venue)...].allSatisfy({ ["de", "of", "del"].contains($0.text) || (bytes[$0.range.start] >= 0x41 && bytes[$0.range.start] <= 0x5A) }) { return true }
        if before.count >= 2, last.text.allSatisfy(\.isNumber), WordView.venueNouns.contains(before[before.index(before.endIndex, offsetBy: -2)].text) { return true }
        guard before.count >= 2 else { return false }
        return ["our", "the"].contains(before[before.index(before.endIndex, offsetBy: -2)].text) && WordView.ourPlaces.contains(last.text)
    }
    /// Whether an address follows a time of day or a range of hours ("Tues & Thurs 8–4, 210 Court
    /// St", "Dec 1, 10am–6pm at 210 Court St", "Wed Dec 9, 5–7pm, 400 Birch Rd"): where something
    /// is held at those hours, a venue.
    func followsSchedule(_ span: ByteRange) -> Bool {
        var before = words(in: ByteRange(max(0, span.start - 40), span.start)).suffix(2)
        guard var last = before.last else { return false }
        if ["at", "en"].contains(last.text) { before = before.dropLast(); guard let time = before.last else { return false }; last = time }
        guard span.start - last.range.end <= 8 else { return false }
        return WordView.isTimeOfDay(last.text)
    }
    /// "6pm", "10am–6pm", "8–4", "9:30", "noon", "5-7pm".
    static func isTimeOfDay(_ word: String) -> Bool {
        if ["noon", "midnight", "mediodía", "mediodia"].contains(word) { return true }
        guard word.first?.isNumber == true else { return false }
        if word.hasSuffix("am") || word.hasSuffix("pm") || word.hasSuffix("a.m") || word.hasSuffix("p.m") { return true }
        // A range of hours: "8–4", "9-5" (not a date "12/3", nor a street number).
        let parts = word.split { $0 == "–" || $0 == "-" || $0 == "—" }
        return parts.count == 2 && parts.allSatisfy { part in part.count <= 5 && part.allSatisfy { $0.isNumber || $0 == ":" } }
            || (word.contains(":") && word.split(separator: ":").count == 2 && word.allSatisfy { $0.isNumber || $0 == ":" })
    }
    static let ourPlaces: Set<String> = ["office", "offices", "clinic", "practice", "pharmacy", "center", "centre", "location", "building", "campus", "hospital"]
    /// Places open to the public, whose address is no one's home.
    static let venueNouns: Set<String> = [
        "library", "school", "gym", "chapel", "church", "hall", "station", "lot", "department", "park", "ymca", "auditorium",
        "arena", "fairgrounds", "theater", "theatre", "museum", "mall", "plaza", "gallery", "center", "centre", "clinic",
        "hospital", "pavilion", "stadium", "firehouse", "armory", "courthouse", "temple", "mosque", "synagogue", "cafeteria",
        "oficina", "clínica", "clinica", "centro", "biblioteca", "escuela", "iglesia", "parroquia", "salón", "salon", "parque",
    ]
    static let facilityNouns: Set<String> = ourPlaces.union(["health", "medical", "dental", "hospice", "pediatrics", "orthopedics", "care", "surgery", "lab", "imaging", "rehab"])

    /// Hearsay about someone: "rumors are true", "a friend on 6 West says", "the nurses say", "I
    /// heard". Health told this way comes from someone who saw the care, not from the person.
    func hasHearsay(in range: ByteRange) -> Bool {
        let list = words(in: range).map(\.text)
        for index in list.indices {
            let word = list[index]
            if WordView.hearsayWords.contains(word) { return true }
            // A teller other than the person, then what they said within a few words.
            if WordView.hearsayTellers.contains(word),
               list[(index + 1)..<min(list.count, index + 5)].contains(where: { WordView.hearsayVerbs.contains($0) }) { return true }
        }
        return false
    }

    /// Whether the person named at `span` told of their own health in public: in the name's own
    /// sentence ("Damar Hamlin has talked publicly about his own cardiac arrest", "Dario Vance, who
    /// announced today he'll have ACL surgery") or in the next, by pronoun ("As she shared at her
    /// press conference yesterday, she'll begin chemotherapy"). Not where the organisation tells
    /// ("we announced that ...") or someone else does ("his coach told reporters").
    func tellsOwnHealthPublicly(_ span: ByteRange) -> Bool {
        let sentence = sentence(containing: span)
        func publicTelling(_ candidate: Sentence, after start: Int, pronounSubject: Bool) -> Bool {
            let words = candidate.words.filter { $0.range.start >= start }.map(\.text)
            guard let verb = words.firstIndex(where: { Sentence.speakingWords.contains($0) && $0 != "story" }),
                  candidate.tellsPublicly || words.contains(where: { Combinations.publicTellingWords.contains($0) }) else { return false }
            let before = words[..<verb]
            if before.contains(where: { ["we", "our", "us", "i", "my"].contains($0) }) { return false }
            // Not a telling that did not happen: "he couldn't say his own name", "she never told anyone".
            if let last = before.last, ["not", "never", "couldn't", "couldn’t", "can't", "can’t", "cannot", "didn't", "didn’t", "unable", "wouldn't", "wouldn’t", "wasn't", "wasn’t", "isn't", "isn’t", "hasn't", "hasn’t", "doesn't", "doesn’t", "won't", "won’t"].contains(last) { return false }
            if pronounSubject { return before.contains { ["she", "he", "they"].contains($0) } }
            // No other speaker between the name and the verb ("her coach told reporters").
            return !before.contains { WordView.hearsayTellers.contains($0) || ["coach", "agent", "team", "family", "spokesperson"].contains($0) }
        }
        if publicTelling(sentence, after: span.end, pronounSubject: false) { return true }
        guard sentence.range.end + 2 < bytes.count else { return false }
        let next = self.sentence(containing: ByteRange(sentence.range.end + 1, sentence.range.end + 2))
        return next.range.start > sentence.range.start && paragraph(containing: span).contains(next.range)
            && publicTelling(next, after: next.range.start, pronounSubject: true)
    }

    /// Whether the paragraph places someone's care here: "Coach is here at St. Brigid's", "which our
    /// ICU team treated". Not "here are 5 tips", nor a service offered ("our clinic takes referrals").
    func speaksOfCareHere(in paragraph: ByteRange) -> Bool {
        let list = words(in: paragraph).map(\.text)
        return list.indices.contains { index in
            let word = list[index]
            if word == "here" || word == "aquí" {
                return !(index + 1 < list.count && ["are", "is", "'s", "’s", "were", "goes", "comes", "está", "están"].contains(list[index + 1]))
                    && !(index > 0 && ["from", "near", "around", "over", "out"].contains(list[index - 1]))
                    // "If you're ready, we're here: 555-0130": an offer to anyone, no care had here.
                    && !(index > 0 && ["we're", "we’re", "i'm", "i’m", "estamos"].contains(list[index - 1]))
                    && !(index > 1 && list[index - 2] == "we" && list[index - 1] == "are")
            }
            // "her own radiation treatment with us", "su tratamiento con nosotros": care had with us.
            if (word == "us" && index > 0 && list[index - 1] == "with") || (word == "nosotros" && index > 0 && list[index - 1] == "con") {
                return list[max(0, index - 5)..<index].contains { WordView.careHadNouns.contains($0) }
            }
            guard ["our", "we", "nuestra", "nuestro"].contains(word) else { return false }
            return list[(index + 1)..<min(list.count, index + 5)].contains { Sentence.careActs.contains($0) }
        }
    }

    static let careHadNouns: Set<String> = ["treatment", "treatments", "surgery", "chemo", "chemotherapy", "radiation", "therapy", "delivery", "stay",
                                            "procedure", "recovery", "rehab", "care", "tratamiento", "cirugía", "cirugia", "parto", "terapia"]
    static let hearsayWords: Set<String> = ["rumor", "rumors", "rumour", "rumours", "heard", "apparently", "allegedly", "supposedly", "rumores", "dicen"]
    static let hearsayTellers: Set<String> = ["friend", "friends", "source", "sources", "insider", "nurse", "nurses", "staff", "coworker", "coworkers",
                                              "cousin", "sister", "brother", "someone", "somebody", "people", "word", "everyone", "techs", "amiga", "amigo"]
    static let hearsayVerbs: Set<String> = ["says", "say", "said", "told", "tells", "texted", "is", "saw", "confirmed", "dice", "dijo"]

    /// "Guess who", "guess which": a teaser that asks readers to work out who someone is.
    func hasTeaser(in range: ByteRange) -> Bool {
        // Every teaser has one of these words, whose letters no non-ASCII letter lower-cases to (only
        // the Kelvin sign lower-cases to ASCII, to a 'k'): a text without any of them, as written in
        // any case, has no teaser, and its words need not be made (the words were 3% of an audit).
        guard mayHoldTeaserWord(in: range) else { return false }
        let list = words(in: range).map(\.text)
        // (The word lists are built once: as array literals they were built and freed for every
        // word of every post.)
        for index in list.indices.dropLast() {
            let (word, next) = (list[index], list[index + 1])
            // "Guess which local news anchor came in": readers are asked to work out who.
            if word == "guess", WordView.teaserAfterGuess.contains(next) { return true }
            // "Can't say who, but…", "not naming names": who it is, withheld on purpose, is the point.
            if WordView.teaserTelling.contains(word), WordView.teaserWithheld.contains(next), index > 0 {
                // The withholding word right before, or with "gonna", "allowed to"... between.
                var back = index - 1
                while back > 0, index - back <= 3, WordView.withholdingBridge.contains(list[back]) { back -= 1 }
                if WordView.withholding.contains(list[back]) { return true }
            }
            // "…you'll know by tomorrow", "you'd recognise him": the reader is told they can tell.
            if WordView.teaserYou.contains(word), WordView.teaserKnowing.contains(next),
               index + 2 < list.count, WordView.teaserKnown.contains(list[index + 2]) { return true }
        }
        return false
    }

    /// What a teaser's trigger words ("guess", "say", "saying", "name", "naming", "tell", "telling",
    /// "you'll", "you'd", "y'all'll") hold, in lower case, as their bytes are written.
    static let teaserWords: [[UInt8]] = ["guess", "say", "nam", "tell", "you", "y'all", "y\u{2019}all"].map { Array($0.utf8) }

    /// Whether one of `teaserWords` occurs in `range` of the text, ASCII letters in either case: one
    /// pass, each position compared only with the words starting with its letter.
    func mayHoldTeaserWord(in range: ByteRange) -> Bool {
        var start = range.start
        while start < range.end {
            let first = bytes[start] | 0x20
            if first == 0x67 || first == 0x73 || first == 0x6E || first == 0x74 || first == 0x79 { // g s n t y
                for word in WordView.teaserWords where word[0] == first && start + word.count <= range.end {
                    var offset = 1
                    while offset < word.count {
                        let byte = bytes[start + offset]
                        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        guard lower == word[offset] else { break }
                        offset += 1
                    }
                    if offset == word.count { return true }
                }
            }
            start += 1
        }
        return false
    }

    static let teaserAfterGuess = ["which", "who", "whose", "who's"]
    static let teaserTelling = ["say", "saying", "name", "naming", "tell", "telling"]
    static let teaserWithheld = ["who", "names", "whom", "much"]
    static let teaserYou = ["you'll", "you'd", "y'all'll"]
    static let teaserKnowing = ["know", "recognize", "recognise", "guess"]
    static let teaserKnown = ["who", "by", "him", "her", "them", "tomorrow"]

    /// Words before "say who" that withhold it: "can't say who", "not gonna say who".
    static let withholding: Set<String> = ["can't", "cant", "cannot", "won't", "wont", "not", "no", "without", "couldn't", "shouldn't"]
    /// Words between a withholding word and "say": "not gonna say who", "not allowed to say who".
    static let withholdingBridge: Set<String> = ["gonna", "gunna", "to", "going", "allowed", "supposed", "able"]

    /// An age used as a person noun: "the 19yo from the rugby team", "the 3-year-old who".
    private func isAgeNoun(_ list: [(text: String, range: ByteRange)], _ index: Int) -> Bool {
        let text = list[index].text
        if let first = text.first, first.isNumber, text.hasSuffix("yo") || text.hasSuffix("y/o") { return true }
        return text == "old" && index > 0 && ["year", "yr", "years"].contains(list[index - 1].text)
    }

    /// Whether the range singles out one person by description: a determiner, up to three describing
    /// words, a person noun (or an occupation the detectors found), then a qualifier ("who", "from",
    /// "with", "in"). One such pointer plus one concrete detail (a place, a time, an
    /// age, an occupation) is how a neighbour, a colleague or a teammate recognises someone.
    func singlesOutOnePerson(in range: ByteRange, occupations: SortedSpans, afterEvent: Bool = false) -> Bool {
        // An occupation that names its own business singles out its owner: "he runs the bait shop by
        // the dam", "owns the diner on Main".
        if occupations.starting(from: range.start, before: range.end).contains(where: { range.contains($0) && words(in: $0).contains { $0.text == "the" } }) { return true }
        let list = words(in: range)
        // "Guess which local news anchor came in for filler today": a teaser asks readers to know who.
        if zip(list, list.dropFirst()).contains(where: { $0.0.text == "guess" && ["which", "who", "whose"].contains($0.1.text) }) { return true }
        // "the only professional ballet dancer in Kestrel Valley": one by definition, whatever the
        // noun, unless it names a place or an institution ("the only trauma center in the county").
        for (index, word) in list.enumerated() where word.text == "only" && index > 0 && ["the", "our", "their"].contains(list[index - 1].text) {
            let described = list[(index + 1)..<min(list.count, index + 6)]
            guard let end = described.firstIndex(where: { WordView.qualifiers.contains($0.text) }), end > index + 1 else { continue }
            if !list[(index + 1)..<end].contains(where: { WordView.notPersons.contains($0.text) }) { return true }
        }
        // A rare case counted in a place: "only the third case of Alström syndrome ever diagnosed in
        // our state", "the county's first case of measles" — everyone there knows whose.
        // The ordinal may stand before the condition's name: "the second bird flu case in Kerns County".
        for (index, word) in list.enumerated() where (word.text == "case" || word.text == "patient") && index > 0 {
            for at in max(0, index - 4)..<index {
                let ordinal = list[at].text
                guard WordView.ordinals.contains(ordinal) || (ordinal.count > 2 && ordinal.first!.isNumber && ["st", "nd", "rd", "th"].contains(String(ordinal.suffix(2)))) else { continue }
                // Apart from "case", only after a determiner: "the second bird flu case", not "our
                // first aid kit, just in case".
                if at == index - 1 || (at > 0 && (["the", "our", "its", "their"].contains(list[at - 1].text) || list[at - 1].text.hasSuffix("'s"))
                    && !list[(at + 1)..<index].contains(where: { ["in", "just", "of", "for"].contains($0.text) })) { return true }
            }
        }
        // "Small town, you know who you are": the post tells one reader it means them.
        if zip(list, zip(list.dropFirst(), list.dropFirst(2))).contains(where: { $0.0.text == "know" && $0.1.0.text == "who" && ["you", "u"].contains($0.1.1.text) }) { return true }
        // "Our favorite UPS driver", "the Lincoln Elementary PE teacher", "the barista at Bean There":
        // a favourite, or a job at a named place, is one person.
        for occupation in occupations.starting(from: range.start, before: range.end) where range.contains(occupation) {
            let before = words(in: ByteRange(max(range.start, occupation.start - 60), occupation.start)).suffix(6)
            if before.suffix(4).contains(where: { ["favorite", "favourite", "fave", "beloved"].contains($0.text) }) { return true }
            // A capitalised name after "the" and before the job in lower case: its employer ("the Maple
            // Street Elementary art teacher"; "the National Firefighter Registry" is a name, not a person).
            if (0x61...0x7A).contains(bytes[occupation.start]), let the = before.lastIndex(where: { $0.text == "the" }),
               before[(the + 1)...].contains(where: { (0x41...0x5A).contains(bytes[$0.range.start]) }) { return true }
            let after = words(in: ByteRange(occupation.end, min(range.end, occupation.end + 30))).prefix(2)
            if let at = after.first, ["at", "from"].contains(at.text), let place = after.dropFirst().first,
               (0x41...0x5A).contains(bytes[place.range.start]) { return true }
        }
        // "one of the older guys from the hangar crew": one of a small group named by where they work.
        for (index, word) in list.enumerated() where word.text == "one" && index + 2 < list.count && list[index + 1].text == "of"
            && ["the", "our", "my", "those"].contains(list[index + 2].text) {
            let rest = list[(index + 3)..<min(list.count, index + 12)]
            if let from = rest.firstIndex(where: { ["from", "on", "at", "in"].contains($0.text) }), from > index + 3,
               occupations.starting(from: list[from].range.start, before: list[min(list.count - 1, from + 5)].range.end).contains(where: { range.contains($0) }) { return true }
        }
        // A few people, counted and pointed at: "the 3 kids from Saturday's tournament who got the
        // stomach bug", "the two Tessford teens injured in Friday's crash". Under eleven is a cell
        // small enough to know who (the cell-size rule public-health data suppresses below), and
        // after an event or a qualifier everyone who was there does.
        for (index, word) in list.enumerated() where WordView.groupNouns.contains(word.text) && index >= 2 {
            guard let count = (max(0, index - 3)..<index).last(where: { WordView.smallCount(list[$0].text) }), count > 0,
                  WordView.singlingDeterminers.contains(list[count - 1].text) || ["those", "these"].contains(list[count - 1].text) else { continue }
            if afterEvent { return true }
            if index + 1 < list.count, WordView.qualifiers.contains(list[index + 1].text) || list[index + 1].text == "we"
                || (list[index + 1].text.hasSuffix("ed") && list[index + 1].text.count > 4) { return true }
        }
        for (index, word) in list.enumerated() {
            let isOccupation = occupations.near(word.range, gap: 0).contains { $0.contains(word.range) || word.range.contains($0) || ($0.start < word.range.end && word.range.start < $0.end) }
            guard WordView.singledNouns.contains(word.text) || isOccupation || isAgeNoun(list, index) else { continue }
            // Up to three describing words, a hyphenated compound counting as one ("a certain
            // Sunday-night-TV country singer who").
            var start = index, described = 0
            while start > 0, described < 4 {
                start -= 1
                if !(start > 0 && list[start].range.start == list[start - 1].range.end + 1 && bytes[list[start].range.start - 1] == 0x2D) { described += 1 }
            }
            let before = list[start..<index].map(\.text)
            // A team's or a place's one holder: "the Ironwood Wildcats' goalie", "Millbrook's mayor",
            // "the Vireo Lake Vipers' starting QB", "my kid's soccer coach" (the owner is the determiner).
            if isOccupation, index > 0 {
                for owner in list[max(start, index - 3)..<index] {
                    // The word's text drops a closing apostrophe ("wildcats'"): read its last byte.
                    if owner.text.hasSuffix("'s") || bytes[owner.range.end - 1] == 0x27 || (owner.range.end >= 3 && isCurlyApostrophe(at: owner.range.end - 3)) { return true }
                }
            }
            // "my ex", "my neighbor", "my landlord": one person the writer's followers know.
            if isOccupation, before.last == "my", ["ex", "neighbor", "neighbour", "cousin", "landlord", "landlady", "boss", "coworker", "co-worker", "roommate", "teacher", "coach", "pastor", "mechanic", "barber", "hairdresser"].contains(word.text) { return true }
            // "my old high school principal": the one the writer had.
            if isOccupation, before.contains("my") || before.contains("our"), before.contains("old") || before.contains("former") { return true }
            // "one very famous local news anchor", "a well-known politician": fame makes one person of a job.
            if isOccupation, before.contains(where: WordView.fameWords.contains) { return true }
            // "the pastor's 16 y/o daughter", "the councillor's teenage son": the family of one holder.
            if !isOccupation, WordView.relatives.contains(word.text), list[start..<index].contains(where: { owner in
                owner.text.hasSuffix("'s") && occupations.near(owner.range, gap: 0).contains { owner.range.contains($0) || $0.contains(owner.range) || ($0.start < owner.range.end && owner.range.start < $0.end) }
            }) { return true }
            guard before.contains(where: WordView.singlingDeterminers.contains) else { continue }
            // "the only veterinarian in the county": one by definition.
            if isOccupation, before.suffix(2).contains("only") { return true }
            // "the mayor", "the county judge", "the school superintendent": one holder of the office.
            if isOccupation, index > 0, list[index - 1].text == "the" || (index > 1 && list[index - 2].text == "the"
                    && ["county", "city", "town", "school", "district", "state", "village", "parish", "local"].contains(list[index - 1].text)),
               WordView.singleOffices.contains(String(word.text.prefix { $0 != "'" })) { return true }
            // One person, singular, and qualified: "the guy" of every joke and "the farmers market"
            // or "the 24 nursing students" are no one in particular.
            if word.text.hasSuffix("s") && !word.text.hasSuffix("ss") { continue }
            // After an event, "the (teenage) boy" is the one it happened to.
            if afterEvent, !isOccupation, before.suffix(2).contains(where: WordView.singlingDeterminers.contains) { return true }
            if index + 1 < list.count, WordView.qualifiers.contains(list[index + 1].text) { return true }
        }
        return false
    }
}

extension ByteRange {
    func contains(_ other: ByteRange) -> Bool { start <= other.start && other.end <= end }
}
