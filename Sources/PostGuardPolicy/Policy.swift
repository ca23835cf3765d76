// Policy: what the findings mean for the document as a whole. Detectors say "this is a phone
// number"; policy says "a photo is attached", "this testimonial has no valid authorization". It
// never re-reads input: it sees a document and its findings.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import Foundation

public struct Policy: Sendable {
    public var consentGate: ConsentGate
    /// The day consent is judged on when a document has no `publish_at`.
    public var today: CalendarDate
    public var organisation: Organisation {
        didSet { own = Organisation.Own(organisation) }
    }
    /// The organisation's own details, normalised once.
    private var own: Organisation.Own
    /// Approved safe versions (replies, posts, messages); a breaching document gets one suggested.
    public var replyTemplates = ReplyTemplates()
    /// Suggestions already checked in this run.
    let suggestionChecks = CheckedSuggestions()
    /// Descriptions of the rules the policy raises (set from the rule library by `Scanner`).
    public var catalog = RuleCatalog()
    /// The name detector's lists (set by `Scanner`): the consent gate reads hashtags with them.
    public var names = NameLists()
    /// The learned second reader (set by `Scanner` from `Rules/data/disclosure-model.tsv`): it raises
    /// a document the rules pass to review when it reads like the breaches it was trained on.
    public var disclosureModel: DisclosureModel?
    /// The health lexicon, to read what a consent record's "information" names by the same terms
    /// the detectors find in the story (set by `Scanner` from its rule library).
    public var lexicon: LexiconMatcher?

    public init(consents: (any ConsentLookup)? = nil, organisation: Organisation = Organisation(),
                today: CalendarDate = CalendarDate.today()) {
        self.consentGate = ConsentGate(lookup: consents)
        self.organisation = organisation
        self.own = Organisation.Own(organisation)
        self.today = today
    }

    /// The document's findings as the policy judges them. With `passes` (a check of a candidate text
    /// as a document of the same kind, see `suggestion(for:findings:passes:)`), a breaching document
    /// also gets its suggested safe version.
    public func judge(_ document: Document, findings detected: [Finding], passes: ((String) -> Bool)? = nil) -> [Finding] {
        // The organisation's settings first, so the combinations see what the organisation decided:
        // its own contact details and staff are not patients' identifiers, a rule it switched off
        // is gone, and a rule it demoted to `info` no longer pairs with health information.
        var findings = detected.filter { !organisation.disabled.contains($0.rule) && !own.contains($0) }
        // Possible names (role `tentative`) are listed, never judged: they pair with no health term,
        // lower no other mention, name no consent subject and greet no reader.
        var tentative = findings.filter { $0.has(.tentative) }
        findings.removeAll { $0.has(.tentative) }
        organisation.applySeverities(to: &findings)
        for index in findings.indices where findings[index].rule == "phi.url" && findings[index].severity > .info
            && Policy.namesAPage(findings[index].matchedText, lists: names) {
            findings[index].conclude(.info, "A link to a page named by everyday words (\u{201C}/register\u{201D}, \u{201C}/flu-shots\u{201D}): a page, not a person's.")
        }
        // "donorcare@example.org", "disputes@example.com": a mailbox named by everyday words is a
        // desk's, not a person's (the role mailboxes the e-mail rule lists are a few of these). It
        // stays listed, as an address the organisation may want to check is its own.
        for index in findings.indices where findings[index].category == .email && findings[index].severity > .info {
            let address = findings[index].matchedText
            if let at = address.firstIndex(of: "@"), names.namesARole(mailbox: address[..<at]) {
                findings[index].conclude(.info, "A mailbox named by everyday words (\u{201C}donorcare@\u{201D}, \u{201C}disputes@\u{201D}): a desk's address, not a person's.")
            }
        }
        // "Laparoscopic Nissen fundoplication": a capitalised run holding a medical word is the name
        // of a procedure or a condition, not of a person.
        // (A term's own words, no longer than the run: not a rule's span that takes in the name, as
        // "your husband Jorge Ruiz tested positive" does.)
        let healthSpans = findings.compactMap { $0.has(.health) && $0.category == .healthInfo ? $0.span?.bytes : nil }
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            guard let span = findings[index].span?.bytes,
                  healthSpans.contains(where: { $0.start < span.end && span.start < $0.end && $0.end - $0.start <= span.end - span.start }) else { continue }
            findings[index].conclude(.info, "A capitalised phrase holding a medical word (\u{201C}Laparoscopic Nissen\u{201D}): the name of care, not of a person.")
        }
        lowerNamedAfter(&findings, document)
        let checkDate = document.publishAt.flatMap { CalendarDate(iso: $0) } ?? today
        findings = Combinations(catalog: catalog, checkYear: checkDate.year, names: names).apply(document, findings)
        findings = gateTestimonials(document, findings)
        if let raised = secondReading(document, findings) { findings.append(raised) }
        Policy.dropDatesReported(&tentative, judged: findings)
        if organisation.isFromOtherSide(document) {
            // A patient's own message in an exported chat: what they chose to tell us about
            // themselves is context for the auditor, not a disclosure by the organisation.
            for index in findings.indices where findings[index].severity > .info {
                findings[index].severity = .info
                findings[index].message = "Sent to the organisation, not by it (the sender is not one of the settings' accounts): the sender's own words, context for the replies around it. " + findings[index].message
            }
        } else {
            // Not in a patient's own message: what they tell of themselves is context (above).
            dateCare(&tentative, judged: findings, document)
            if let passes, let suggestion = suggestion(for: document, findings: findings, passes: passes) {
                findings.append(suggestion)
            }
        }
        findings += tentative
        // And again for what the policy raised (a demoted suggestion, a consent rule made review).
        organisation.applySeverities(to: &findings)
        // Reading order; findings about the whole document last.
        findings.sort { a, b in
            switch (a.span, b.span) {
            case let (x?, y?): return (x.start, x.end, a.rule) < (y.start, y.end, b.rule)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.rule < b.rule
            }
        }
        return findings
    }

    /// Every date in a text is found (`phi.date-any`, listed as `info`); its sentence decides what it
    /// is. In the sentence of a person's identifier the policy kept and a health term ("Maria Lopez,
    /// March 3: chest pain") it is the day of that person's care: `phi.date-of-care`, an identifier
    /// in reports and counts. Elsewhere (an event's, an opening's day) it stays listed. The verdict
    /// cannot move: the identifier beside it is already `review` or more.
    func dateCare(_ tentative: inout [Finding], judged findings: [Finding], _ document: Document) {
        guard !organisation.disabled.contains(PolicyRule.dateOfCare.rawValue),
              tentative.contains(where: { $0.category == .quasiIdentifier }) else { return }
        let people = findings.filter { $0.severity > .info && $0.has(.person) && $0.category.isIdentifier }.compactMap(\.span?.bytes)
        let health = findings.filter { $0.has(.health) }.compactMap(\.span?.bytes)
        guard !people.isEmpty, !health.isEmpty else { return }
        document.text.withUTF8Bytes { bytes in
            let text = WordView(bytes)
            for index in tentative.indices where tentative[index].category == .quasiIdentifier {
                // A listed detail that reads as a day (the policy asks for roles, not rule ids).
                guard let span = tentative[index].span?.bytes, CalendarDate.parse(Substring(tentative[index].matchedText)) != nil else { continue }
                let sentence = text.sentence(containing: span).range
                guard people.contains(where: { sentence.contains($0) && ($0.end <= span.start || span.end <= $0.start) }),
                      health.contains(where: { sentence.contains($0) }) else { continue }
                tentative[index] = Finding(entry: catalog.entry(.dateOfCare), span: tentative[index].span, matchedText: tentative[index].matchedText)
            }
        }
    }

    /// A day another rule already reports (a birth date, "seen on 3/14") is not listed again as a
    /// date (`phi.date-any`), whoever sent the message and whatever the settings switch off.
    static func dropDatesReported(_ tentative: inout [Finding], judged findings: [Finding]) {
        guard tentative.contains(where: { $0.category == .quasiIdentifier }) else { return }
        let dates = findings.filter { $0.category == .date }.compactMap(\.span?.bytes)
        tentative.removeAll { listed in
            guard listed.category == .quasiIdentifier, let span = listed.span?.bytes else { return false }
            return dates.contains { $0.start < span.end && span.start < $0.end }
        }
    }

    /// The disclosure model's reading of a document the rules pass: a `review` finding when it reads
    /// like a breach, `block` when it reads very like one. Never for a document under consent (the
    /// gate judged it) or one sent to the organisation rather than by it.
    func secondReading(_ document: Document, _ findings: [Finding]) -> Finding? {
        guard let disclosureModel, document.consent.isEmpty, !organisation.isFromOtherSide(document),
              !organisation.disabled.contains(PolicyRule.readsLikeDisclosure.rawValue),
              !findings.contains(where: { $0.severity > .info }),
              // The rules found the health told someone's own, told in public ("Mayor Quill told
              // reporters he is recovering well after his bypass"): judged, not missed.
              !findings.contains(where: { $0.category == .name && [Combinations.publicFigureOwnTelling, Combinations.ownPublicTelling].contains($0.message) }),
              let reading = disclosureModel.read(document.text, kind: document.kind), reading.raised else { return nil }
        let entry = catalog.entry(.readsLikeDisclosure)
        let cues = reading.cues.map { "\u{201C}\($0)\u{201D}" }
        let listed = cues.count > 1 ? cues.dropLast().joined(separator: ", ") + " and " + cues.last! : cues.first ?? ""
        let wording = cues.isEmpty ? "" : " (its wording: \(listed))"
        var finding = Finding(entry: entry, span: nil, matchedText: "",
                              message: "\(entry.message)\(wording). Read it once more as someone who knows the patient would.")
        // Very like them: documents read this high were breaches all but a few times in a thousand
        // when the model had not seen them (Rules/data/SOURCES.md).
        if reading.sure {
            finding.severity = .block
            finding.message = "\(entry.message)\(wording). It reads very like them: hold it, and rewrite it without the person or the care before it goes out."
        }
        return finding
    }

    /// Whether the testimonial is a staff member's own telling: a cue that says so ("in her own words",
    /// "her own story", or "my own story" or "said it himself" anywhere beside a first-person cue), everyone the document names one of the organisation's people (a staff title
    /// or role, or a public office, beside the name, or another mention of such a name), and one of them in that cue's
    /// paragraph: "Nurse Pat Delgado hangs up her stethoscope. In her own words: ...". A patient
    /// thanking a named doctor ("Thanks to Dr. Okafor, I can play with my grandkids again") has no
    /// such cue, and stays a testimonial.
    /// Who tells a testimonial that is their own: one of the organisation's people, or a public figure
    /// repeating what they said in public.
    enum OwnTeller { case staff, publicFigure }

    private func ownTeller(_ findings: [Finding], _ document: Document) -> OwnTeller? {
        // "Five years ago today I was diagnosed ... Today I work as a nurse on the same floor": the
        // writer, one of the organisation's people, telling their own story in the first person.
        if findings.contains(where: { $0.rule == "policy.testimonial.first-person" }), Policy.writerIsStaff(document.text) { return .staff }
        let names = findings.filter { $0.category == .name && !$0.has(.tentative) && !$0.matchedText.hasPrefix("#") }
        let roleSpans = findings.filter { $0.has(.staffRole) || $0.has(.publicRole) }.compactMap(\.span?.bytes)
        // No name the detectors are sure of, but a role tells it ("Mayor Ortega said it himself").
        guard !names.isEmpty || !roleSpans.isEmpty else { return nil }
        // Only public offices beside the teller: their public statement, repeated.
        let teller: OwnTeller = findings.contains { $0.has(.staffRole) } ? .staff : .publicFigure
        let told = document.text.withUTF8Bytes { bytes -> Bool in
            let text = WordView(bytes)
            let ownWords: Set<String> = ["own", "propias", "propia", "propio"]
            // The cue itself ("in her own words"), or the story said to be the writer's own anywhere in
            // it ("I'm sharing my own story"), beside a first-person cue.
            let all = text.words(in: ByteRange(0, bytes.count)).map(\.text)
            // "Dr. Oduya's own before/after": a possessive name works as "her".
            let toldAsOwn = zip(all, all.dropFirst()).contains { pair in
                (["my", "her", "his", "their", "mi", "su"].contains(pair.0) || pair.0.hasSuffix("'s") || pair.0.hasSuffix("\u{2019}s")) && ownWords.contains(pair.1)
            }
                || all.contains { ["himself", "herself", "themselves", "myself"].contains($0) }
            guard let cueSpan = findings.first(where: { cue in
                cue.has(.testimonial) && (toldAsOwn || cue.span.map { text.words(in: $0.bytes).contains { ownWords.contains($0.text) } } ?? false)
            })?.span?.bytes else { return false }
            if names.isEmpty {
                let paragraph = text.paragraph(containing: cueSpan)
                return toldAsOwn && roleSpans.contains { paragraph.contains($0) }
            }
            // A public figure's own public telling ("Mayor Ortega said it himself: 'I was diagnosed...'")
            // is theirs as a staff member's is.
            let roles = SortedSpans(roleSpans)
            let nameSpans = SortedSpans(names.compactMap(\.span?.bytes))
            let staff = names.filter { name in name.span.map { text.namedInRole($0.bytes, roles: roles, names: nameSpans) } ?? false }
            // Each name asked only of the staff names sharing a word with it, each way of writing it once.
            let staffNames = NameIndex(Array(Set(staff.map { SubjectMatch.tokens($0.matchedText) })))
            var known: [[String]: Bool] = [:]
            let allStaff = names.allSatisfy { name in
                let tokens = SubjectMatch.tokens(name.matchedText)
                if let answer = known[tokens] { return answer }
                let answer = staffNames.candidates(for: tokens).contains { SubjectMatch.sameName(staffNames.tokens[$0], tokens) }
                known[tokens] = answer
                return answer
            }
            let paragraph = text.paragraph(containing: cueSpan)
            return allStaff && names.contains { $0.span.map { paragraph.contains($0.bytes) } ?? false }
        }
        return told ? teller : nil
    }

    /// Whether the writer says they work here: "I work as a nurse", "I'm an ER nurse", "as a nurse here".
    static func writerIsStaff(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            let words = WordView(bytes).words(in: ByteRange(0, bytes.count)).map(\.text)
            for index in words.indices {
                let rest = words[(index + 1)...].prefix(4)
                if words[index] == "work", index > 0, words[index - 1] == "i", rest.first == "as",
                   rest.contains(where: staffNouns.contains) { return true }
                if ["i'm", "i’m"].contains(words[index]) || (words[index] == "am" && index > 0 && words[index - 1] == "i"),
                   ["a", "an"].contains(rest.first ?? ""), rest.dropFirst().prefix(2).contains(where: staffNouns.contains) { return true }
            }
            return false
        }
    }

    static let staffNouns: Set<String> = ["nurse", "doctor", "physician", "therapist", "pharmacist", "tech", "technician", "paramedic", "medic", "aide",
                                          "cna", "rn", "np", "dietitian", "counselor", "counsellor", "chaplain", "midwife", "surgeon", "resident", "hygienist"]

    static let coveredByConsent: Set<Category> = [.testimonial, .name, .photo, .age, .healthInfo, .patientRelationship]
    /// Whether a web address's path is everyday words only, none a listed name: "example.org/register",
    /// "example.com/flu-shots/2026". A person's page has a name or an id in it ("/stories/celeste",
    /// "/obituaries/robert-king-1951", "/p/8812"); a bare domain is no page of anyone.
    static func namesAPage(_ url: String, lists: NameLists) -> Bool {
        guard lists.vocabulary.isAvailable else { return false }
        var address = Substring(url.lowercased())
        if let scheme = address.range(of: "://") { address = address[scheme.upperBound...] }
        guard let slash = address.firstIndex(of: "/") else { return false }
        let path = address[address.index(after: slash)...].split(whereSeparator: { "?#=&".contains($0) }).first ?? ""
        let words = path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return !words.isEmpty && words.allSatisfy { word in
            (word.allSatisfy(\.isNumber) && word.count == 4 && word.hasPrefix("20"))
                || (lists.vocabulary.contains(word) && lists.bits(word) & (NameLists.first | NameLists.surname) == 0)
        }
    }

    /// Whether a web address's path names no one: letters only (or a year), no listed first name or
    /// surname, no id ("example.org/mammo", "example.org/annualreport"; not "/stories/celeste",
    /// "/p/8812"). Under a valid authorization such a link is the organisation's own page.
    static func isPlainPage(_ url: String, lists: NameLists) -> Bool {
        var address = Substring(url.lowercased())
        if let scheme = address.range(of: "://") { address = address[scheme.upperBound...] }
        guard let slash = address.firstIndex(of: "/") else { return true }
        let words = address[address.index(after: slash)...].split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return words.allSatisfy { word in
            (word.allSatisfy(\.isNumber) && word.count == 4 && word.hasPrefix("20"))
                || (word.allSatisfy(\.isLetter) && lists.bits(word) & (NameLists.first | NameLists.surname) == 0)
        }
    }

    /// Places a story under consent tells as part of it: the town, and where the care was given
    /// ("rang the bell at Millbrook Infusion Center").
    static let coveredPlaces: Set<String> = ["phi.place", "phi.city-of-residence", "phi.care-facility"]

    /// Whether a web address spells the name of someone the authorized story shows: the story's own
    /// page ("example.org/stories/celeste"), published with it.
    static func linksToStory(_ url: String, of people: [String]) -> Bool {
        let address = url.lowercased()
        return people.contains { person in
            SubjectMatch.tokens(person).contains { $0.count >= 3 && address.contains($0) }
        }
    }

    /// "our Hope Gala", "Keller Auditorium", "the Pruitt Naloxone Fund": a name that heads an event, a
    /// building or a fund (its next word, capitalised, or its own last word) is that thing's name.
    func lowerNamedAfter(_ findings: inout [Finding], _ document: Document) {
        document.text.withUTF8Bytes { bytes in
            let text = WordView(bytes)
            for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
                guard let span = findings[index].span?.bytes, !findings[index].matchedText.hasPrefix("#"), !findings[index].matchedText.hasPrefix("@") else { continue }
                let own = text.words(in: span).last?.text
                let next = text.words(in: ByteRange(span.end, min(bytes.count, span.end + 16))).first
                let capitalisedNext = next.map { $0.range.start - span.end <= 1 && bytes[$0.range.start] >= 0x41 && bytes[$0.range.start] <= 0x5A } ?? false
                // Not a surname ("Derek Hall", "Dana Ball").
                let head: (String) -> Bool = { Policy.namedAfterHeads.contains($0) && names.bits($0) & NameLists.surname == 0 }
                // The capitalised run after the name, through "&" and "and": "the Walter & June
                // Pemberton Auditorium", "the Margaret O'Neill Breast Health Fund".
                var headAfter = false
                if capitalisedNext {
                    var cursor = span.end
                    for _ in 0..<6 {
                        guard let word = text.words(in: ByteRange(cursor, min(bytes.count, cursor + 32))).first,
                              word.range.start - cursor <= 4, (cursor..<word.range.start).allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == UInt8(ascii: "&") }),
                              (bytes[word.range.start] >= 0x41 && bytes[word.range.start] <= 0x5A) || word.text == "and" else { break }
                        if head(word.text) { headAfter = true; break }
                        cursor = word.range.end
                    }
                }
                guard (own.map(head) ?? false) || headAfter else { continue }
                // (The name is not quoted: messages land in CI logs unmasked.)
                findings[index].conclude(.info, "The name of an event, a building or a fund (a gala, an auditorium, a fund named after someone or a word), not a person.")
            }
        }
    }
    static let namedAfterHeads: Set<String> = [
        "gala", "ball", "classic", "invitational", "luncheon", "banquet", "fundraiser", "telethon", "radiothon", "walk", "run", "5k", "10k",
        "fest", "festival", "foundation", "fund", "scholarship", "award", "awards", "auditorium", "hall", "pavilion", "library",
        "wing", "building", "tower", "institute", "lecture", "lectureship", "chair", "endowment",
        // A sporting event named after its city: "the Paris Games", "the Boston Marathon".
        "games", "olympics", "marathon", "championship", "championships", "cup", "bowl", "tournament",
    ]

    /// Whether a post says it is shared with its patient's permission: "shared with our client's written
    /// permission", "used with permission", "con su autorización".
    static func statesPermission(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            let words = WordView(bytes).words(in: ByteRange(0, bytes.count)).map(\.text)
            return words.indices.contains { index in
                permissionWords.contains(words[index]) && words[max(0, index - 5)..<index].contains { ["with", "under", "con"].contains($0) }
            }
        }
    }
    static let permissionWords: Set<String> = ["permission", "consent", "authorization", "authorisation", "permiso", "autorización", "consentimiento"]

    /// A testimonial, or any document that names a consent, passes the gate only under valid
    /// authorizations: then what they cover (the subject's name, photo, age and story) becomes
    /// `info`; otherwise each failed condition of each record is a `block` finding. Without a
    /// consent named, the gate runs only on a testimonial cue.
    private func gateTestimonials(_ document: Document, _ findings: [Finding]) -> [Finding] {
        let cue = findings.first(where: { $0.has(.testimonial) })
        guard cue != nil || !document.consent.isEmpty else { return findings }
        let checkDate = document.publishAt.flatMap { CalendarDate(iso: $0) } ?? today
        // The people the document names: names as written, with a generational suffix the name
        // detector left out ("Jamal Whitaker Jr."); a hashtag only when it spells a full name.
        var people: [(name: String, span: Span?)] = []
        document.text.withUTF8Bytes { bytes in
            // The organisation's people named in their role (a neurosurgeon beside the patient whose
            // story it is) are not people the story shows: the combinations lowered them to info.
            let roles = SortedSpans(findings.filter { $0.has(.staffRole) }.compactMap(\.span?.bytes))
            let nameSpans = SortedSpans(findings.filter { $0.category == .name }.compactMap(\.span?.bytes))
            let text = WordView(bytes)
            // A name written after a relation noun is a person, wherever the story names them again:
            // "her younger sister Nomvula ... and Nomvula got called back", "her husband Tom".
            var relatives: Set<String> = []
            for finding in findings where finding.category == .name && !finding.matchedText.contains(" ") {
                guard let span = finding.span?.bytes,
                      let before = text.words(in: ByteRange(max(0, span.start - 16), span.start)).last?.text,
                      ConsentCoverage.relations[before] != nil else { continue }
                relatives.insert(SubjectMatch.tokens(finding.matchedText).first ?? "")
            }
            // The same people named again without their role ("ED nurse Aurelia Montgomery, RN ...
            // Aurelia had the epinephrine in"): as the combinations lowered them, one of ours.
            // (Each name asked once whether it stands in a role.)
            let inRole = Set(findings.compactMap { finding -> ByteRange? in
                guard finding.category == .name, finding.severity == .info, let span = finding.span?.bytes,
                      text.namedInRole(span, roles: roles, names: nameSpans) else { return nil }
                return span
            })
            let staffNames = NameIndex(findings.compactMap { finding in
                finding.span.map { inRole.contains($0.bytes) } == true ? SubjectMatch.tokens(finding.matchedText) : nil
            })
            let nicknames = Policy.quotedNicknames(text)
            for finding in findings where finding.category == .name {
                if let span = finding.span?.bytes, inRole.contains(span) { continue }
                // "Gwendolyn 'Winnie' Pratt ... Winnie doesn't like loud noises": the nickname the story
                // gives in quotes is the same person as the full name around it.
                if !finding.matchedText.contains(" "), let full = nicknames[finding.matchedText.lowercased()] {
                    people.append((full, finding.span))
                    continue
                }
                if finding.severity == .info, !staffNames.tokens.isEmpty,
                   staffNames.firstSame(as: SubjectMatch.tokens(finding.matchedText)) != nil { continue }
                // The reader a message greets ("Hi Sam —", "Hi Brightline,") is who it is sent to, not
                // someone the story shows.
                if document.kind == .message, text.isGreeted(finding) { continue }
                if finding.matchedText.hasPrefix("#") {
                    if let person = ConsentCoverage.hashtagPerson(finding.matchedText, lists: names) { people.append((person, finding.span)) }
                    continue
                }
                // A single word no list holds as a first name, with no title before it, is a place, a
                // team or a programme the story names ("— Irene Castellanos, Pinecrest", "a Harlow
                // Hawks fan", "Riverbend's talk"), not another person it shows.
                if let span = finding.span?.bytes, !finding.matchedText.contains(" "),
                   let key = SubjectMatch.tokens(finding.matchedText).first, !relatives.contains(key),
                   !names.firstNames.contains(key), !text.titled(span) { continue }
                // The same for longer capitalised runs: one that opens on an everyday word no list
                // holds as a first name ("Heart Walk", "Queen of the frames"), or one right after "our"
                // or a place preposition ("on our Candela GentleMax Pro", "at Casa Luna"), is a
                // product, a place or an event; the gate would otherwise ask it for an authorization.
                // (A first name the lists lack is no sign: "Brody", "Nils" and "Yumi" are people.)
                if let span = finding.span?.bytes, finding.matchedText.contains(" "), !text.titled(span),
                   let key = SubjectMatch.tokens(finding.matchedText).first, !relatives.contains(key),
                   (names.commonWords.contains(key) && !names.firstNames.contains(key))
                    || text.words(in: ByteRange(max(0, span.start - 8), span.start)).last
                       .map({ span.start - $0.range.end <= 1 && Policy.thingDeterminers.contains($0.text) }) == true { continue }
                let suffix = finding.span.flatMap { $0.bytes.end <= bytes.count ? SubjectMatch.suffix(after: $0.bytes.end, in: bytes) : nil }
                people.append((finding.matchedText + (suffix.map { " " + $0 } ?? ""), finding.span))
            }
        }
        // Every person the story shows with health information, or as a patient, needs their own
        // authorization; one who only appears in it ("her daughter Kim never misses a match") is
        // named with nothing about their health.
        let healthSpans = SortedSpans(findings.filter { $0.has(.health) || $0.has(.patientReference) }.compactMap { $0.span?.bytes })
        // Per sentence, once: whether it holds health information, and where the last of it ends.
        var lastHealthEnd: [ByteRange: Int?] = [:]
        // The relatives a cited record lists in what it authorizes ("her stillborn daughter's name"):
        // the story may show them by that relation ("her daughter Lina") as part of the subject's.
        let records = document.consent.compactMap { try? consentGate.lookup?.consentRecord(id: $0) }
        let relativesAuthorized = Policy.relativesListed(in: records)
        let shown = document.text.withUTF8Bytes { bytes in
            let sentences = ConsentCoverage.Reader(bytes, names: [])
            return people.filter { person in
                // A hashtag stands outside any sentence: "#PrayForMariaLopez" shows her as someone to pray for.
                guard let span = person.span?.bytes, span.end <= bytes.count, bytes[span.start] != UInt8(ascii: "#") else { return true }
                let sentence = sentences.sentenceRange(around: span)
                if Policy.caresForSomeone(span, in: sentence, bytes) { return false }
                if !relativesAuthorized.isEmpty,
                   let relation = WordView(bytes).words(in: ByteRange(max(sentence.start, span.start - 16), span.start)).last?.text,
                   relativesAuthorized.contains(relation) { return false }
                let lastEnd: Int? = lastHealthEnd[sentence] ?? healthSpans.starting(from: sentence.start, before: sentence.end)
                    .filter { $0.end <= sentence.end }.map(\.end).max()
                lastHealthEnd[sentence] = .some(lastEnd)
                // "...after her hip replacement, and her daughter Kim never misses a match": a relative
                // introduced after the story is told appears in it without any health of her own.
                if let lastEnd, lastEnd <= span.start,
                   ConsentCoverage.relations[WordView(bytes).words(in: ByteRange(max(sentence.start, span.start - 16), span.start)).last?.text ?? ""] != nil {
                    return false
                }
                if lastEnd != nil { return true }
                // "Lorraine Vandermeer was told she'd need a walker for good. Six weeks after her total
                // knee replacement ...": the person a sentence opens on, whose health the next sentence
                // tells by pronoun, with no one else named before it there.
                let words = WordView(bytes)
                guard sentence.end < bytes.count, words.words(in: sentence).first?.range.start == span.start else { return false }
                let next = sentences.sentenceRange(around: ByteRange(sentence.end + 1, sentence.end + 1))
                guard next.start > sentence.end,
                      let health = healthSpans.starting(from: next.start, before: next.end).first(where: { $0.end <= next.end }),
                      !people.contains(where: { other in other.span.map { next.start <= $0.bytes.start && $0.bytes.end <= health.start } ?? false })
                else { return false }
                return words.words(in: ByteRange(next.start, health.end)).contains { ["her", "his", "she", "he", "she's", "he's", "she’s", "he’s"].contains($0.text) }
            }
        }
        if document.consent.isEmpty, cue != nil, let teller = ownTeller(findings, document) {
            // A staff member telling their own story ("In her own words: 'I was diagnosed in 2019...'")
            // is no patient testimonial the organisation makes: theirs to share, for review. A public
            // figure's own public statement, repeated, is theirs and already public (as the
            // combinations judge it when it is not quoted).
            return findings.map { finding in
                guard finding.has(.testimonial) else { return finding }
                var told = finding
                switch teller {
                case .staff:
                    told.conclude(.review, "One of the organisation's people, named in their role, telling their own story: confirm their written agreement to publish it (a signed authorization if it tells of care here).")
                case .publicFigure:
                    told.conclude(.info, "A public figure's own public statement about their health, repeated: theirs to share, not a record of care here.")
                }
                return told
            }
        }
        // "Patient of the week: Pickles the bearded dragon!": a story about an animal, with no person
        // in it, needs no one's authorization.
        if document.consent.isEmpty, cue != nil, findings.contains(where: { $0.has(.animal) }),
           !findings.contains(where: { $0.category == .name && $0.severity > .info }) {
            return findings.map { finding in
                guard finding.has(.testimonial) else { return finding }
                var told = finding
                told.conclude(.info, "An animal's story, with no person in it: no one's authorization is needed.")
                return told
            }
        }
        let anchorSpan = cue?.span
        let anchorText = cue?.matchedText ?? document.consent.joined(separator: ", ")
        let failures: [ConsentGate.Failure]?
        do {
            failures = try consentGate.failures(for: document, checkDate: checkDate, namedPeople: shown.map(\.name), alsoNamed: people.map(\.name), nicknames: names.nicknames)
        } catch {
            return findings + [Finding(
                entry: catalog.entry(.consentUnreadable), span: anchorSpan, matchedText: anchorText,
                message: "This reads as a patient testimonial or names a consent, and the consent registry could not be read (\(error)); it cannot be cleared.")]
        }
        // "Before & after: ... shared with our client's written permission", naming no one: the post
        // says the patient agreed but cites no record. For review (is the authorization on file?),
        // not blocked; a story that names its patient still needs the record named.
        if let failures, failures.count == 1, case .noConsentNamed = failures[0], shown.isEmpty,
           !findings.contains(where: { $0.category == .name && $0.severity > .info }), Policy.statesPermission(document.text) {
            return findings + [Finding(entry: catalog.entry(failures[0].rule), severity: .review, span: anchorSpan, matchedText: anchorText,
                                       message: "The post says the patient agreed to it but names no consent record, and names no one: confirm a signed authorization is on file and cite it (`consent:`).")]
        }
        if let failures {
            return findings + failures.map { failure in
                // An uncovered person's finding points at them.
                if case .uncoveredPerson(_, let person) = failure, let at = people.first(where: { $0.name == person }) {
                    return Finding(entry: catalog.entry(failure.rule), span: at.span, matchedText: person, message: failure.message)
                }
                return Finding(entry: catalog.entry(failure.rule), span: anchorSpan, matchedText: anchorText, message: failure.message)
            }
        }
        // Valid, but for what it describes: specially protected health it does not list is not covered.
        if let topic = ConsentGate.topicOutsideScope(findings, records: records, topicsNamed: { lexicon?.ruleIDs(in: $0) ?? [] }) {
            let failure = ConsentGate.Failure.outsideScope(document.consent.count == 1 ? document.consent[0] : "records " + document.consent.joined(separator: ", "), topic: topic)
            return findings + [Finding(entry: catalog.entry(failure.rule), span: anchorSpan, matchedText: anchorText, message: failure.message)]
        }
        // A valid authorization covers the story it was signed for: the subject's name, photo, age
        // and health information. It does not cover contact details or record numbers, nor health
        // information about someone else the story mentions (a relative): that keeps its severity
        // and is a finding of its own.
        let ids = document.consent.count == 1 ? document.consent[0] : "records " + document.consent.joined(separator: ", ")
        let nameSpans = findings.filter { $0.category == .name }.compactMap { $0.span?.bytes }
        // Who signed for the subject and is not the subject (a parent, a proxy): the record is not
        // theirs, so neither is their own health in the story.
        let representatives = findings.compactMap { finding -> ByteRange? in
            guard finding.category == .name, let span = finding.span?.bytes else { return nil }
            let person = SubjectMatch.tokens(finding.matchedText)
            let signs = records.contains { $0.signer.map { SubjectMatch.sameName(person, SubjectMatch.tokens($0)) } ?? false }
            let isSubject = records.contains { ([$0.subject] + $0.aliases).contains { SubjectMatch.sameName(person, SubjectMatch.tokens($0)) } }
            return signs && !isSubject ? span : nil
        }
        // A record that lists the subject's family history ("Name, age, family history, calcium
        // score") authorizes what the story tells of their relatives' health as part of it; so does
        // one that lists a relative by relation (`relativesAuthorized`: "her stillborn daughter's name").
        let familyHistory = records.contains { record in
            let information = record.information.lowercased()
            return ["family history", "family medical history", "family's medical history", "antecedentes familiares", "historia familiar"].contains(where: information.contains)
        }
        var others: [(relation: String, finding: Finding)] = []
        let judged = document.text.withUTF8Bytes { bytes in
            let owners = ConsentCoverage.Reader(bytes, names: nameSpans, representatives: representatives, story: true)
            let words = WordView(bytes)
            return findings.map { finding -> Finding in
                // The town in the story ("parked outside the Sweetwater trading post") is part of the
                // story authorized; a street address or a record number is not.
                guard Policy.coveredByConsent.contains(finding.category) || Policy.coveredPlaces.contains(finding.rule)
                        || (finding.category == .url && (Policy.linksToStory(finding.matchedText, of: shown.map(\.name)) || Policy.isPlainPage(finding.matchedText, lists: names)))
                else { return finding }
                // A hashtag is the campaign's ("#prenatalcare"), and prevention anyone is due for
                // ("Cancer prevention in two shots?", her mother says) is no one's condition.
                if finding.has(.health) || finding.category == .healthInfo || finding.category == .patientRelationship,
                   let span = finding.span, span.bytes.end <= bytes.count, !nameSpans.contains(span.bytes),
                   !Policy.insideHashtag(span.bytes, bytes), !words.isPrevention(finding),
                   case .other(let relation) = owners.owner(of: span.bytes, representativeMayOwn: finding.rule.hasPrefix("health.injury") || finding.rule.hasPrefix("health.condition")),
                   !((familyHistory || relativesAuthorized.contains(relation.split(separator: " ").last.map(String.init) ?? ""))
                     && ConsentCoverage.relations[relation.split(separator: " ").last.map(String.init) ?? ""] != nil) {
                    // A place of care ("el Centro Oncológico") is where the story happened, no one's
                    // health: it is not someone else's for the word before it ("cáncer de mama").
                    // A relative's death told as the subject's loss ("severe depression after his
                    // brother's death") is part of the subject's story, not the relative's care.
                    if finding.has(.health) || finding.category == .healthInfo, !finding.has(.healthSetting), !others.contains(where: { $0.relation == relation }),
                       !Combinations.deathWords.contains(finding.matchedText.lowercased()) {
                        others.append((relation, finding))
                    }
                    return finding
                }
                var covered = finding
                covered.severity = .info
                covered.message = "Covered by consent \(ids), valid on \(checkDate): " + finding.message
                return covered
            }
        }
        return judged + others.map { other in
            let failure = ConsentGate.Failure.otherPersonsHealth(ids, relation: other.relation)
            return Finding(entry: catalog.entry(failure.rule), span: other.finding.span, matchedText: other.finding.matchedText, message: failure.message)
        }
    }

    /// Words a person's name does not follow directly, a product's or a place's does: "our Candela
    /// GentleMax Pro", "at Casa Luna", "en Casa Luna". ("The" does: "the Raghavan family".)
    static let thingDeterminers: Set<String> = ["our", "at", "en", "nuestro", "nuestra"]

    /// Nicknames a story gives in quotes inside a full name: "Gwendolyn 'Winnie' Pratt", "Dolores
    /// \u{201C}Lola\u{201D} Treviño Garza". Each maps (lower-cased) to the full name around it.
    static func quotedNicknames(_ text: WordView) -> [String: String] {
        let words = text.words(in: ByteRange(0, text.bytes.count))
        guard words.count >= 3 else { return [:] }
        let quotes = CharacterSet(charactersIn: "'\"\u{2018}\u{2019}\u{201C}\u{201D}")
        func capitalised(_ range: ByteRange) -> Bool {
            ByteText.substring(text.bytes, range).trimmingCharacters(in: quotes).first?.isUppercase ?? false
        }
        // A straight quote outside the word, or a quote the word reader kept inside it (an apostrophe,
        // or curly quotes, whose bytes it reads as letters). Bytes first: most words have none.
        func quoted(_ range: ByteRange) -> Bool {
            if range.start > 0, range.end < text.bytes.count, text.bytes[range.start - 1] == 0x22, text.bytes[range.end] == 0x22 { return true }
            guard range.end - range.start > 2, [0x27, 0xE2].contains(text.bytes[range.start]) else { return false }
            let raw = ByteText.substring(text.bytes, range)
            guard let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last, raw.count > 2 else { return false }
            return quotes.contains(first) && quotes.contains(last)
        }
        var result: [String: String] = [:]
        for index in 1..<(words.count - 1) where quoted(words[index].range) {
            let before = words[index - 1], after = words[index + 1]
            guard capitalised(before.range), capitalised(after.range), capitalised(words[index].range),
                  words[index].range.start - before.range.end <= 2, after.range.start - words[index].range.end <= 2 else { continue }
            var full = ByteText.substring(text.bytes, before.range) + " " + ByteText.substring(text.bytes, after.range)
            if index + 2 < words.count, words[index + 2].range.start - after.range.end == 1, capitalised(words[index + 2].range) {
                full += " " + ByteText.substring(text.bytes, words[index + 2].range)
            }
            let nickname = ByteText.substring(text.bytes, words[index].range).trimmingCharacters(in: quotes).lowercased()
            result[nickname] = full
        }
        return result
    }

    /// The relations a record's description of what it authorizes names ("her stillborn daughter's
    /// name", "photos with her husband"), as the words `ConsentCoverage.relations` knows.
    static func relativesListed(in records: [ConsentRecord]) -> Set<String> {
        Set(records.flatMap { record in
            record.information.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init).filter { ConsentCoverage.relations[$0] != nil }
        })
    }

    /// Whether a span lies in a hashtag's body ("#prenatalcare", "#MyLupusLife"): letters and
    /// digits back to a '#'.
    static func insideHashtag(_ span: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = span.start
        while i > 0, bytes[i - 1] >= 0x80 || (bytes[i - 1] | 0x20 >= 0x61 && bytes[i - 1] | 0x20 <= 0x7A) || (0x30...0x39).contains(bytes[i - 1]) || bytes[i - 1] == 0x5F { i -= 1 }
        return i > 0 && bytes[i - 1] == UInt8(ascii: "#")
    }

    /// A person a story shows giving the care or the help, with no health of their own: the one
    /// care was "with" or "by" ("all of her rehab with Josh", "a repair by Okafor"), or the one who
    /// did something to the patient ("Jax put her through the squats", "Maya walked him to the car").
    static func caresForSomeone(_ span: ByteRange, in sentence: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = WordView(bytes)
        if let before = words.words(in: ByteRange(max(sentence.start, span.start - 8), span.start)).last,
           ["with", "by"].contains(before.text), span.start - before.range.end <= 2 { return true }
        let after = words.words(in: ByteRange(span.end, min(sentence.end, span.end + 32))).prefix(3).map(\.text)
        guard after.count == 3, ["him", "her", "them"].contains(after[1]) else { return false }
        // "her" before a noun is a possessive ("Ana gave her kidney"): only before a preposition or
        // an article is it the patient the name acted on.
        return caredPronounFollowers.contains(after[2]) && !["had", "has", "have", "is", "was"].contains(after[0])
    }
    static let caredPronounFollowers: Set<String> = [
        "through", "to", "with", "back", "up", "into", "out", "on", "for", "every", "each", "all", "the", "a", "an", "home", "in", "at", "from",
    ]
}
