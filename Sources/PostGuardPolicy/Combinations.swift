// Policy: identifiers and health information are each harmless alone and a disclosure together
// (45 CFR 160.103: individually identifiable health information). The combinations judge three
// things the detectors provide, and every finding they raise says which it saw:
//   who   a person: named, described (an age, an occupation, a place, an event, a time), in a photo,
//         the reader of a reply ("you", the reviewer's family, "this patient") or a message's third party;
//   what  health information (the lexicon, a clinical image) or, for a reply, any contact with care
//         or billing (a visit, a claim, "on file");
//   tie   the same paragraph (posts), the same sentence near the reader (replies), a third party
//         rather than the reader (messages).
// Context lowers: a name with a staff title or role is the organisation's own person; the reader
// greeted by name in a reply or a message knows their own name; a reply that only says it cannot
// discuss anyone's care confirms nothing.
//   post     who + what in one paragraph → block; a patient named → block; a described person → block
//   reply    what about the reader → block (OCR: Elite Dental 2019, New Vision Dental 2022, Manasa 2023)
//   message  a third party's health information → block; the reader's own diagnosis or result → review
// Names, handles and links with no care context at all say nothing about health: they become `info`.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent

struct Combinations {
    /// Descriptions of the findings the combinations raise.
    let catalog: RuleCatalog
    /// The year the document is judged in: health information about a person dead more than 50
    /// years is no longer protected (45 CFR 164.502(f)), so events that long ago are history.
    var checkYear: Int? = nil
    /// The name lists, to tell a surname printed in an image ("'LDR1 Alvarez'") from a label's word.
    var names = NameLists()

    func apply(_ document: Document, _ detected: [Finding]) -> [Finding] {
        var findings = detected
        var ownStories: [ByteRange] = []
        var ownStorySpans = Set<ByteRange>()
        document.text.withUTF8Bytes { bytes in
            let text = WordView(bytes)
            lowerHistory(&findings, text)
            DescribedScene.lower(&findings, text)
            ownStories = lowerOwnPeople(&findings, document.kind, text)
            ownStories += lowerSender(&findings, document.kind, text)
            if document.kind == .reply, let review = document.inReplyTo { lowerStaffTheReviewNamed(&findings, review) }
            ownStorySpans = Set(ownStories)
            // "Anyone who visited the urgent care on Main St Nov 20 between 2 and 5 pm": the date of
            // an exposure notice belongs to everyone who was there.
            for index in findings.indices where findings[index].category == .date && findings[index].severity > .info {
                if text.sentence(of: findings[index]).addressesEveryone {
                    findings[index].conclude(.info, "A date addressed to everyone who was there (an exposure or recall notice), not one person's.")
                } else if let span = findings[index].span?.bytes, Combinations.hoursFollow(span.end, text.bytes) {
                    // "Free flu shots for newly arrived families, Wednesday Dec 9, 10am–2pm": a date
                    // with opening hours is when an event is held.
                    findings[index].conclude(.info, "A date with the hours of an event held then (a clinic, a class, a drive), not one person's.")
                }
            }
            // "Ironworks Occupational Health, 410 Foundry Rd", "at our office, 22 Mill St": the address of
            // a clinic named right before it, or of our own office, is the place's, not a person's home.
            let facilities = findings.filter { $0.rule == "phi.care-facility" }.compactMap(\.span?.bytes)
            for index in findings.indices where findings[index].category == .address && findings[index].severity > .info {
                guard let span = findings[index].span?.bytes else { continue }
                // Or where something is held at the hours just given, in a sentence that names no one.
                let scheduled = text.followsSchedule(span) && !findings.contains { name in
                    name.category == .name && name.severity > .info && (name.span.map { text.sentence(containing: span).range.contains($0.bytes) } ?? false)
                }
                if facilities.contains(where: { $0.end <= span.start && span.start - $0.end <= 4 }) || text.followsOurPlace(span) || scheduled {
                    findings[index].conclude(.info, "The address of a clinic, an office or a public venue named right before it: the place's, not a person's home.")
                    // And the town that ends it: "Greenwood Library, 1500 Oak Street, Springfield".
                    for town in findings.indices where findings[town].rule == "phi.city-of-residence" && findings[town].severity > .info {
                        if let at = findings[town].span?.bytes, at.start >= span.end, at.start - span.end <= 3 {
                            findings[town].conclude(.info, "The town of a place's address, not where a person lives.")
                        }
                    }
                }
            }
            // "To: jen.ostrom@example.com" heads an e-mail: the recipient's own address, not a third party.
            if document.kind == .message {
                for index in findings.indices where findings[index].category == .email && findings[index].severity > .info {
                    if let span = findings[index].span?.bytes, text.isRecipientHeader(span) {
                        findings[index].conclude(.info, "The recipient's own address, in the message's header.")
                    }
                }
            }
            // "Please reach us at experience@example.org or 555-0152", "le invitamos a escribir a
            // oirs@example.org": the way to reach the organisation, offered to the reader, is its own
            // contact (a settings file names it for sure; this reads it from the sentence).
            let staffBefore = findings.compactMap { $0.has(.staffRole) ? $0.span?.bytes.start : nil }.min()
            var ownContacts: [ByteRange] = []
            // The organisation's own voice: a post, a reply, or a message it sends (its name heading
            // it, a reminder).
            let ownVoice = document.kind != .message || findings.contains(where: { $0.has(.sender) }) || text.hasReminderCue
            for index in findings.indices where [.email, .phone, .url].contains(findings[index].category) {
                guard let span = findings[index].span?.bytes else { continue }
                if findings[index].severity == .info { ownContacts.append(span); continue }
                let staffNamed = findings[index].category == .phone && (staffBefore.map { $0 < span.start } ?? false)
                // "Please call 555-201-3300 and ask for the office manager", "log into MyChart or call
                // 555-201-3300": our desk or our portal's alternative.
                let sentence = text.sentence(containing: span)
                let after = sentence.words(after: span.end, count: 3).map(\.text)
                let ourDesk = document.kind != .post && (after.starts(with: ["and", "ask", "for"]) || after.starts(with: ["ask", "for"])
                    || sentence.words(before: span.start, count: 10).contains { ["mychart", "portal", "app"].contains($0.text) })
                // "Questions? Call 617-555-0100", "Questions? 617-555-0100": the label asked as a
                // sentence of its own just before.
                let lead = sentence.words(before: span.start, count: 3).map(\.text)
                let labelled = (lead.isEmpty || (lead.count == 1 && WordView.Sentence.contactVerbs.contains(lead[0]))) && sentence.range.start >= 2 && {
                    let previous = text.sentence(containing: ByteRange(sentence.range.start - 2, sentence.range.start - 1))
                    return previous.words.count == 1 && WordView.Sentence.contactLabels.contains(previous.words[0].text)
                }()
                // "Please email patientrelations@example.org or call 617-555-0145": the other way to
                // reach the same desk.
                // (A role mailbox such as patientrelations@ is no finding at all: an address no rule
                // flagged counts as ours too.)
                let alternative = lead.count >= 1 && (lead.suffix(2).first.map { ["or", "o"].contains($0) } == true || ["or", "o"].contains(lead.last ?? ""))
                    && (ownContacts.contains { sentence.range.contains($0) && $0.end <= span.start }
                        // A number just before "or" that no rule flagged as anyone's ("Questions? 555-0127 or sbhc@...").
                        || (lead.last.map { ["or", "o"].contains($0) } == true && lead.dropLast().last.map { $0.count >= 4 && $0.allSatisfy(\.isNumber) } == true)
                        || (sentence.range.start..<span.start).contains { at in
                            text.bytes[at] == UInt8(ascii: "@") && !findings.contains { $0.category == .email && $0.severity > .info && ($0.span.map { $0.bytes.start <= at && at < $0.bytes.end } ?? false) }
                        })
                // "Hi team, this is Rob from Acme Medical Supply (rob@example.com)": the writer's own
                // address, given as they introduce themselves; never a patient's.
                let writersOwn = document.kind == .message && sentence.writerIntroduces(before: span)
                if ourDesk || labelled || alternative || writersOwn
                    || sentence.invitesContact(at: span, staffNamed: staffNamed, writerOffers: document.kind != .post)
                    || (findings[index].category == .phone && sentence.callsForService(at: span))
                    || (findings[index].category == .phone && ownVoice && sentence.bareCall(at: span)) {
                    findings[index].conclude(.info, writersOwn ? "The writer's own contact, given as they introduce themselves: not a patient's."
                                                               : "Offered to the reader as the way to reach the organisation: its own contact, not a person's.")
                    ownContacts.append(span)
                }
            }
            // "Volunteers needed! ... Call Dee at 555-0120", "ask for Marisol at the front desk": the
            // person a reader is told to contact, with the way to reach them, is the organisation's.
            let contacts = findings.filter { [.email, .phone].contains($0.category) }.compactMap(\.span?.bytes)
            let healthSpans = SortedSpans(findings.filter { $0.has(.health) }.compactMap(\.span?.bytes))
            for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
                guard let span = findings[index].span?.bytes else { continue }
                let sentence = text.sentence(containing: span)
                // Not when the sentence tells of someone's health: "call Maria at 555-0142 and tell her
                // the biopsy came back" is about the patient.
                guard !healthSpans.any(inside: sentence.range) else { continue }
                guard let verb = sentence.words(before: span.start, count: 2).last,
                      WordView.Sentence.contactVerbs.contains(verb.text) || (verb.text == "for" && sentence.words(before: span.start, count: 2).first?.text == "ask"),
                      verb.range.end < span.start, span.start - verb.range.end <= 2 else { continue }
                let after = sentence.words(after: span.end, count: 3)
                let reachable = after.first.map { ["at", "on", "by", "via"].contains($0.text) } ?? false
                guard reachable || contacts.contains(where: { $0.start >= span.end && $0.start - span.end <= 6 }) else { continue }
                // Unless the line given is itself a person's ("Call Kevin at 617-555-0142": a
                // personal number, so Kevin is a person too).
                let flaggedAfter = findings.contains { f in
                    [.email, .phone].contains(f.category) && f.severity > .info && (f.span.map { $0.bytes.start >= span.end && $0.bytes.start - span.end <= 12 } ?? false)
                }
                let numberAfter = after.dropFirst().first.map { $0.text.first?.isNumber == true || $0.text.contains("@") } ?? false
                if !flaggedAfter, numberAfter || contacts.contains(where: { $0.start >= span.end && $0.start - span.end <= 12 })
                    || after.contains(where: { ["desk", "office", "front", "reception"].contains($0.text) }) {
                    findings[index].conclude(.info, "The person the reader is told to contact, with the way to reach them: one of the organisation's people.")
                }
            }
            let senders = findings.filter { $0.has(.sender) }.compactMap(\.span?.bytes)
            // "Sunny Pediatrics here!": a health word in the sender's name is no one's condition; nor
            // is a unit named as where staff work.
            let staffRoles = RangeIndex(findings.filter { $0.has(.staffRole) }.compactMap(\.span?.bytes))
            // A vet is an animal's doctor: the care a paragraph sends to one ("Bella's amoxicillin
            // from Dr. Ruiz at the vet is ready 🐶") is an animal's.
            let veterinary = Combinations.veterinaryParagraphs(findings, text)
            let health = findings.filter { term in
                term.has(.health) && !(term.span.map { span in senders.contains { $0.contains(span.bytes) } } ?? false)
                    && !Combinations.isWorkplace(term, staffRoles: staffRoles, text) && !text.isTally(term)
                    && !(term.span.map { span in veterinary.contains { $0.contains(span.bytes) } } ?? false)
            }
            // A person the organisation did not demote to `info`. An attachment we cannot see is for
            // review on its own (role `attachment`, not `person`): it does not make a flu flyer with
            // the word "flu" a disclosure. Alt-text findings (a name in the alt text) do pair. A staff
            // member or public figure telling their own story is for review, not paired.
            let people = findings.filter { person in
                person.has(.person) && person.severity > .info && !(person.span.map { ownStorySpans.contains($0.bytes) } ?? false)
            }
            let patientReferences = findings.filter { $0.has(.patientReference) }
            // The writer's own health ("I tested positive, can't come in") is theirs to tell; it does
            // not pair with a colleague named beside it.
            let nameSpans = findings.filter { $0.category == .name }.compactMap(\.span?.bytes)
            // A simulation's sentence acts a condition out: "students who volunteered as 'victims'
            // with moulage burns and fake fractures" are no one's injuries.
            // A case the text says is invented ("Case of the Week (fictional!)") is one all through its paragraph.
            let simulated = findings.compactMap { finding -> ByteRange? in
                guard finding.has(.simulation), let span = finding.span?.bytes else { return nil }
                return finding.rule == "policy.fictional-case" ? text.paragraph(containing: span) : text.sentence(containing: span).range
            }
            let real = health.filter { term in term.span.map { span in !simulated.contains { $0.contains(span.bytes) } } ?? true }
            let names = RangeIndex(nameSpans)
            // An obituary or a death announcement, as the family or a fire department published it
            // ("the line-of-duty death of Lieutenant Ray Delacroix"; "passed peacefully after a long
            // illness", shared with the family's permission): the death is theirs to announce. Only the
            // death: a diagnosis told in it still pairs.
            let obituary = findings.contains { $0.rule == "policy.obituary" }
            let othersHealth = real.filter { term in
                !(obituary && Combinations.deathWords.contains(term.matchedText.lowercased()))
                    && (term.span.map { !text.speakerOwns($0.bytes, names: names) } ?? true)
            }
            // Details that describe an animal ("a 9-yr-old lab") describe no person.
            let animals = findings.compactMap { $0.has(.animal) ? $0.span?.bytes : nil }
            // The organisation's own animal ("our beloved therapy dog"), which a story can be about.
            let ourAnimals = findings.compactMap { finding -> ByteRange? in
                guard finding.has(.animal), let first = finding.matchedText.split(separator: " ").first?.lowercased() else { return nil }
                return ["our", "nuestro", "nuestra"].contains(first) ? finding.span?.bytes : nil
            }
            // An age or a time told of one of our own people, named in their role ("Dr. Harold Benning,
            // 91, who served as chief of surgery ... He died peacefully at home on Sunday"): in their
            // sentence, or the next one told of "he" or "she", it is theirs and describes no patient.
            let staffNames = RangeIndex(findings.filter { name in
                name.category == .name && name.severity == .info && (name.span.map { span in
                    findings.contains { $0.has(.staffRole) && ($0.span.map { text.adjacent($0.bytes, span.bytes) } ?? false) }
                } ?? false)
            }.compactMap(\.span?.bytes))
            let quasi = findings.filter { detail in
                guard detail.entry.roles.contains(where: \.isQuasiIdentifier), let span = detail.span?.bytes else { return false }
                if animals.contains(where: { $0.contains(span) }) { return false }
                // "the Sallow Creek Farmers Market": a capitalised job inside a capitalised name is the
                // name's word, no one's occupation.
                if detail.has(.quasiOccupation), Combinations.insideCapitalisedName(span, text) { return false }
                // "You'll need a driver", "bring an interpreter": a role the reader is asked to find,
                // no one's job described.
                if detail.has(.quasiOccupation), let previous = text.words(in: ByteRange(max(0, span.start - 24), span.start)).suffix(2).first,
                   Combinations.requestVerbs.contains(previous.text) { return false }
                // "our Department of Pediatrics": a department read as a place is no one's town.
                if detail.has(.quasiPlace), findings.contains(where: { $0.has(.healthSetting) && ($0.span.map { $0.bytes.start < span.end && span.start < $0.bytes.end } ?? false) }) { return false }
                guard detail.has(.quasiAge) || detail.has(.quasiTime), !staffNames.isEmpty else { return true }
                let sentence = text.sentence(containing: span)
                if staffNames.overlaps(sentence.range), !sentence.words.contains(where: { WordView.singledNouns.contains($0.text) || Combinations.otherPersonNouns.contains($0.text) }) { return false }
                if let first = sentence.words.first, ["he", "she"].contains(first.text), sentence.range.start > 1 {
                    let previous = text.sentence(containing: ByteRange(sentence.range.start - 2, sentence.range.start - 1))
                    if staffNames.overlaps(previous.range) { return false }
                }
                return true
            }
            switch document.kind {
            case .post:
                if let pair = firstPair(othersHealth, people, sameParagraphIn: text) {
                    findings.append(disclosure(health: pair.0, person: pair.1, tie: "in the same paragraph", highlySensitive: health.contains(where: isHighlySensitive)))
                } else if let pair = firstPair(patientReferences, people, sameParagraphIn: text) {
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: called a patient or resident, or cared for here. That a person receives care here is itself protected health information."))
                } else if let pair = namedOwner(of: ownedCareContacts(findings, text), among: people, text) {
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: their care here (\u{201C}\(pair.0.matchedText)\u{201D}). Tie: in the same sentence. That a person receives care here is itself protected health information."))
                } else if let (term, details) = describedPerson(real, quasi, text, named: nameSpans, animals: ourAnimals) {
                    // No name, but an age, an occupation, a place, an event or a time together narrow
                    // the case to one person a reader may know ("a 34-year-old teacher from Millbrook").
                    let kinds = Set(details.flatMap { $0.entry.roles.filter(\.isQuasiIdentifier).map { $0.rawValue.replacingOccurrences(of: "quasi:", with: "") } }).sorted()
                    findings.append(Finding(
                        entry: catalog.entry(.quasiIdentifiers), span: term.span, matchedText: term.matchedText,
                        message: "Who: a person described, not named (\(kinds.joined(separator: ", "))). What: \(describe(term)). Together these can identify the person to anyone who knows them."))
                } else if let arrival = teased(patientReferences, othersHealth, text) {
                    // "Guess which reality star just checked into the VIP floor", "can't say who, but
                    // pray for his head injury": readers are asked to work out who came in for care.
                    var finding = Finding(
                        entry: catalog.entry(.patientEncounter), span: arrival.span, matchedText: arrival.matchedText,
                        message: "Who: someone readers are asked to guess. What: \(arrival.has(.health) ? describe(arrival) : "came in for care"). A teaser about who came in invites everyone who knows them to find out they are a patient.")
                    // With a clue that narrows the guess ("the singer from last year's halftime show",
                    // "he plays for the Rivercats"), readers can name the person: a disclosure.
                    let paragraph = arrival.span.map { text.paragraph(containing: $0.bytes) }
                    if let paragraph, quasi.contains(where: { detail in
                        (detail.has(.quasiOccupation) || detail.has(.quasiEvent)) && (detail.span.map { paragraph.contains($0.bytes) } ?? false)
                    }) {
                        finding.severity = .block
                        finding.message += " The clue beside it (an occupation, a team, an event) points at one person."
                    }
                    findings.append(finding)
                } else if let role = describedPatient(patientReferences, quasi, text) {
                    // "One of our patients, a well-known local councillor, waited 9 hours on a trolley".
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: role.span, matchedText: role.matchedText,
                        message: "Who: a patient described by their occupation or public role. What: a patient here. Everyone who knows them learns they received care."))
                } else if let (term, pointer) = recountedEncounter(health, patientReferences, text) {
                    findings.append(Finding(
                        entry: catalog.entry(.patientEncounter), span: term.span, matchedText: term.matchedText,
                        message: "Who: one patient, pointed at (\"the patient\", \"my pt\"). What: \(describe(term)). A post about one patient's visit can be recognised by the patient, their family and colleagues."))
                }
            case .reply:
                // "Is it safe to have a VBAC after two c-sections?", "Do ER docs judge people who come
                // in drunk?": a comment that asks in general, telling nothing of the writer's own care,
                // is answered to anyone who asks; "your next visit" in the answer is anyone's.
                // Not when the answer greets the writer by name ("Hi Dana! The swelling after your
                // rhinoplasty..."): then it speaks to one person about their own question.
                let askedInGeneral = Combinations.asksInGeneral(document.inReplyTo)
                    && !findings.contains { $0.category == .name && text.isGreeted($0) }
                if askedInGeneral {
                    for index in findings.indices where Combinations.secondPersonReplyRules.contains(findings[index].rule) && findings[index].severity > .info {
                        findings[index].conclude(.info, findings[index].message + " The comment answered asks in general and tells nothing of the writer's own care: \"you\" here is anyone who asks.")
                    }
                }
                if let (term, reader) = replyAboutReader(findings, patientReferences, text, reviewer: document.inReplyToAuthor, askedInGeneral: askedInGeneral) {
                    findings.append(Finding(
                        entry: catalog.entry(.replyDiscussesCare), span: term.span, matchedText: term.matchedText,
                        message: "Who: the reviewer (\(reader)). What: \(describe(term)). A reply that speaks of the reviewer's care, visits or bills confirms they are a patient, even without a name."))
                } else if let pair = firstPair(health, people, sameParagraphIn: text) {
                    findings.append(disclosure(health: pair.0, person: pair.1, tie: "in the same paragraph of a public reply", highlySensitive: health.contains(where: isHighlySensitive)))
                } else if let pair = firstPair(patientReferences, people, sameParagraphIn: text) {
                    // "Frank was a joy to care for": the reviewer's relative, named as cared for here.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: called a patient, or cared for here. A public reply that says who was cared for confirms a patient relationship."))
                } else if let pointer = patientReferences.first(where: { pointsAtOnePatient($0, text) }) {
                    findings.append(Finding(
                        entry: catalog.entry(.replyDiscussesCare), span: pointer.span, matchedText: pointer.matchedText,
                        message: "Who: one person, pointed at (\"this patient\"). What: called a patient. A reply to a review that speaks of \"this patient\" confirms that the reviewer, or the person they wrote about, received care here."))
                } else if let (term, _) = recountedEncounter(health, patientReferences, text) {
                    // "delayed by an emergency with another patient — a teenager who had to be
                    // restrained": someone else's care, told to the public.
                    findings.append(Finding(
                        entry: catalog.entry(.patientEncounter), span: term.span, matchedText: term.matchedText,
                        message: "Who: one patient, pointed at (\"another patient\", \"the patient\"). What: \(describe(term)). A public reply that tells of another patient's care discloses it to everyone who knows them, and confirms the reviewer's own visit."))
                } else if let asked = Combinations.asksAboutSomeone(document.inReplyTo),
                          let answer = Combinations.answersAbout(findings, text) {
                    // The comment: "Was that the mayor's son they brought in after the crash?"; the
                    // reply: "Yes it was! He's off CPAP already." An answer about the person a comment
                    // asks after confirms their care, whoever they are.
                    findings.append(Finding(
                        entry: catalog.entry(.replyDiscussesCare), span: answer.term?.span, matchedText: answer.word,
                        message: "Who: the person the comment asks about (\(asked)). What: \(answer.term.map(describe) ?? "how they are (\u{201C}\(answer.word)\u{201D})"). A public reply that answers a question about someone's care confirms it, to everyone who reads the question."))
                } else if let (relation, givenName) = Combinations.relativeReviewedFor(document.inReplyTo),
                          let named = people.first(where: { person in
                              guard person.category == .name, let span = person.span?.bytes else { return false }
                              // The review's own name for them, when it gave one ("my husband Ron").
                              if let givenName, !SubjectMatch.tokens(person.matchedText).contains(givenName) { return false }
                              // Not the reader thanked by name ("Thank you for your kind words, Linda."),
                              // nor someone the reader is told to call ("our director of nursing, Gina
                              // Alvarez, at 555-0127").
                              let sentence = text.sentence(containing: span)
                              let vocative = span.start >= 2 && text.bytes[span.start - 2] == UInt8(ascii: ",")
                                  && (span.end == text.bytes.count || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(text.bytes[span.end]))
                              return !vocative && !sentence.words.contains { WordView.Sentence.contactVerbs.contains($0.text) }
                          }) {
                    // The review: "the nurses on the eating disorder unit were wonderful to my
                    // daughter"; the reply: "so glad Emma is back at school". Naming the person the
                    // review is about says who was cared for.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: named.span, matchedText: named.matchedText,
                        message: "Who: \(describe(named)), the reviewer's \(relation) the review speaks of. What: the care the review is about. A public reply that names the person a review was written about confirms they were a patient."))
                }
            case .message:
                // In the care team's own chat a bed or room number is how a shift coordinates care
                // ("Bed 9 needs a sitter tonight"): treatment, for review, not a leak; what else the
                // message says about the person is still judged below. Not beside specially protected
                // information ("the meth guy in 9"), which no coordination needs in a group chat.
                // Nor beside a public figure or someone described by their job ("the mayor is in Bay 3,
                // if anyone wants to say hi"): no one coordinates care by a patient's fame.
                if let channel = document.channel?.lowercased(), Combinations.staffChatChannels.contains(channel),
                   !health.contains(where: isHighlySensitive), !findings.contains(where: { $0.has(.publicRole) || $0.has(.quasiOccupation) }) {
                    for index in findings.indices where findings[index].category == .locationDetail && findings[index].severity == .block {
                        findings[index].conclude(.review, findings[index].message + " In the care team's own chat this can be care coordination: check everyone in the chat cares for this patient.")
                    }
                }
                let before = findings.count
                defer {
                    // "To: Dr. Ines Marquez, Marrow Bay Cardiology. Referral for ...", "To: County CPS
                    // intake": a provider, a health plan or an authority the law sends reports to may
                    // receive what a relative may not (treatment, payment, 45 CFR 164.506; required by
                    // law, 164.512). Still for review: the minimum necessary, a secure channel.
                    // Substance use, mental health, HIV notes need the patient's own consent even
                    // for a provider or a plan (42 CFR part 2, state law); a mandated report does not.
                    if let recipient = text.coveredRecipient(),
                       recipient == .authority || !health.contains(where: isHighlySensitive) {
                        for index in before..<findings.count where findings[index].severity == .block {
                            findings[index].severity = .review
                            findings[index].message += " It is addressed to \(recipient.described), who may receive it for treatment, payment or as the law requires: check it is the minimum necessary and goes by a secure channel."
                        }
                    }
                }
                // The person greeted ("Hi Maria, your results...") is the reader; anyone else named next
                // to health information is a third party, even in a message that says "your".
                // So is the patient its reader speaks for ("This message is for Nora Quinn's
                // parent/guardian", "you're listed as Ana's support person"): a personal
                // representative is treated as the patient (45 CFR 164.502(g)).
                let represented = findings.compactMap { $0.rule == "policy.personal-representative" ? $0.span?.bytes : nil }
                // "Sunny Pediatrics: Liam's 4-year vaccines are due. Call to schedule.": the practice
                // reminding a family of their child's care, the child named by the possessive that
                // heads it. Sent to the family, who bring the child (45 CFR 164.502(g), 164.506).
                let familyReminder = findings.contains { $0.has(.sender) } && text.hasReminderCue
                // "Hi Ms. Ortega, Mateo's post-op check is Dec 9", "Estimada Sra. Flores: el formulario
                // de vacunas de su hija Ana": a parent greeted by title, told of their own child (a
                // first name alone, theirs by "your son" or a possessive), is the child's personal
                // representative (45 CFR 164.502(g)). Not a note excusing the child to a school.
                let titledReader = findings.contains { name in
                    name.category == .name && text.isGreeted(name) && (name.span.map { text.titled($0.bytes) } ?? false || Combinations.opensWithHonorific(name.matchedText))
                }
                // Only in the organisation's own voice (a sender, a clinician, a reminder), about care
                // a parent may know of (not what a minor consents to alone, not a secret), and not a
                // family called to an emergency (for review as such, below).
                let organisationSpeaks = findings.contains { $0.has(.sender) || $0.has(.staffRole) } || text.hasReminderCue || text.remindsReader
                let parentMayKnow = organisationSpeaks && !text.excusesFromWorkOrSchool && !health.contains(where: isHighlySensitive)
                    && !text.asksToKeepSecret && !findings.contains { $0.rule == "policy.patient-incapacity" }
                // Or greeted by first name in a message that names its sender ("Hi Jenna, this is Ruby
                // Flat Clinic. Owen's strep test came back negative"): the practice writing to the family
                // it knows. Not when the reader is asked to pass it on ("have her call us back", "can
                // you let him know"): someone the practice could tell directly is no child in their care.
                let familyGreeted = findings.contains { $0.has(.sender) } && !text.asksReaderToRelay
                    && findings.contains { $0.category == .name && text.isGreeted($0) }
                let parentGreeted = parentMayKnow && (titledReader || familyGreeted)
                let readers = findings.filter { name in
                    guard name.category == .name else { return false }
                    if text.isGreeted(name) { return true }
                    guard let span = name.span?.bytes else { return false }
                    // A given name alone, told to a reader greeted by title ("Hi Ms. Carter, Noah came to the
                    // health office", "Hola Sra. Gómez, la cita de Daniel"): their child, as the name's
                    // owner ("Noah's"), the one a visit is of ("de Daniel", "for Noah") or the subject
                    // opening a sentence.
                    if parentGreeted, !name.matchedText.contains(" "), !text.saysAdult(near: span),
                       text.isPossessive(span)
                        || text.words(in: ByteRange(max(0, span.start - 6), span.start)).last.map({ ["de", "of", "for", "para"].contains($0.text) }) == true
                        || text.sentence(containing: span).words.first?.range.start == span.start
                        || Combinations.opensAfterGreeting(span, text) { return true }
                    // "su hija Ana", "Hola, mamá de Sebastián": the reader's own child, said so.
                    if parentMayKnow, text.isReadersChild(span), !text.saysAdult(near: span) { return true }
                    // Or as the one something is due for: "Sofia needs an updated asthma action plan".
                    if familyReminder, text.isPossessive(span) || text.isDueFor(span) { return true }
                    return represented.contains { $0.contains(span) || text.adjacent($0, span) }
                }.map { SubjectMatch.tokens($0.matchedText) }
                let thirdParties = people.filter { person in
                    !readers.contains { SubjectMatch.sameName($0, SubjectMatch.tokens(person.matchedText)) }
                }
                let permissions = findings.filter { $0.has(.permission) }
                // The care team's own chat is no reminder to a patient: it talks about them.
                let staffChat = document.channel.map { Combinations.staffChatChannels.contains($0.lowercased()) } ?? false
                let toGroup = text.opensWithGroupHeader
                if toGroup || text.saysMisdirected, findings.contains(where: { $0.category == .name && text.isGreeted($0) }),
                   let term = health.first(where: { term in
                       !text.isPrevention(term) && !isTopic(term, text)
                           && term.span.map { text.sentence(of: term).readerWord(near: $0.bytes, within: 6) != nil } ?? false
                   }) {
                    // "[Group: Oak St Book Club] Hi Debra, ... your mammogram showed a spot": what is
                    // said to one person in a message to a group is told to everyone in it.
                    findings.append(Finding(
                        entry: catalog.entry(.identifiableHealthInfo), span: term.span, matchedText: term.matchedText,
                        message: toGroup
                            ? "Who: the person greeted by name, in a message to a group. What: \(describe(term)). Tie: said to them where everyone in the group reads it."
                            : "Who: the person greeted by name. What: \(describe(term)). Tie: the message says it reached someone else (a wrong number or recipient), who now has it."))
                } else if !staffChat, isRoutineReminder(findings, health, text) {
                    // "Reminder: Mateo's checkup is Friday. Please bring his shot record." A visit
                    // with nothing clinical, sent to its reader, is a reminder to the patient or the
                    // family who bring them (treatment communication, 45 CFR 164.506).
                    for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
                        findings[index].conclude(.info, "The person a routine visit reminder is about, sent to them or to the family that brings them.")
                    }
                    // Its date is the appointment's, told to the person who keeps it.
                    for index in findings.indices where findings[index].category == .date && findings[index].severity > .info {
                        findings[index].conclude(.info, "The date of the visit a routine reminder is about, sent to the person who keeps it.")
                    }
                } else if let pair = firstPair(othersHealth, thirdParties.filter { $0.category == .name || $0.has(.patientReference) }, sameParagraphIn: text)
                            ?? firstPair(othersHealth, thirdParties, sameParagraphIn: text).flatMap({ text.sentence(of: $0.0).containsReaderWord ? nil : $0 }) {
                    // A name or a patient pointed at is a third party wherever the reader is spoken
                    // to; a handle or a detail only where the sentence does not speak to the reader.
                    // (The name first: "@coaching-staff FYI the Ortiz girl's ... relapse".)
                    var finding = disclosure(health: pair.0, person: pair.1, tie: "someone other than the reader", highlySensitive: health.contains(where: isHighlySensitive))
                    if let permission = permissions.first(where: { p in p.span.map { text.paragraph(containing: pair.0.span?.bytes ?? $0.bytes).contains($0.bytes) } ?? false }) {
                        // The patient asked for the reader to be told, or cannot agree and needs
                        // their family: involvement the rule allows (45 CFR 164.510(b)), if on record.
                        finding.severity = .review
                        finding.message += permission.rule == "policy.patient-incapacity"
                            ? " The patient cannot agree and the reader is asked to come: tell family only what they need to help (45 CFR 164.510(b)(3))."
                            : " The message says the patient asked for this: send it only if that request is documented."
                    } else if staffChat, text.declaresCareTeamChannel, !health.contains(where: isHighlySensitive),
                              !findings.contains(where: { $0.has(.publicRole) || $0.has(.quasiOccupation) || $0.category == .derogatory }) {
                        // "Secure care-team chat, 4N: Handoff rm 418 - Dale Forsberg, 71M, POD2 R hip": a
                        // handoff in the care team's own secure channel is treatment (45 CFR 164.506),
                        // for review: is everyone in the chat on this patient's care? Not specially
                        // protected care, a public figure, an occupation or mockery, which no handoff needs.
                        finding.severity = .review
                        finding.message += " It says it is a handoff or the care team's secure chat: treatment, if everyone in the chat cares for this patient (45 CFR 164.506)."
                    }
                    findings.append(finding)
                } else if let (term, relation) = relativesHealth(health + findings.filter { $0.has(.patientReference) }, names: nameSpans, bytes,
                                                                 senderSpeaks: findings.contains { $0.has(.sender) || $0.has(.staffRole) } || text.hasReminderCue || text.remindsReader,
                                                                 readerIsParent: text.greetsParent) {
                    // "ur cousin's wife was in the ED tonight ... a really bad panic attack": someone's
                    // relative, not the reader, and not the sender's own family ("my mom").
                    // "Your wife asked us to text you an update": family involvement the patient asked
                    // for is allowed (45 CFR 164.510(b)); the permission finding stays in the report.
                    let permitted = permissions.contains { p in p.span.map { text.paragraph(containing: term.span?.bytes ?? $0.bytes).contains($0.bytes) } ?? false }
                    if !permitted {
                        findings.append(Finding(
                            entry: catalog.entry(.identifiableHealthInfo), span: term.span, matchedText: term.matchedText,
                            message: "Who: someone other than the reader (\(relation)). What: \(describe(term)). Tie: passed on to the reader. Telling a patient's family or friends needs the patient's agreement (45 CFR 164.510(b))."))
                    }
                } else if let (term, details) = describedPerson(real.filter { term in
                    // "your colonoscopy is Friday... you'll need a driver": the reader's own care. Only
                    // "you" is the reader here: "she's in exam 3" is the person described.
                    term.span.map { text.sentence(of: term).readerWord(near: $0.bytes, within: 6, secondPersonOnly: true) == nil } ?? true
                }, quasi, text) {
                    let kinds = Set(details.flatMap { $0.entry.roles.filter(\.isQuasiIdentifier).map { $0.rawValue.replacingOccurrences(of: "quasi:", with: "") } }).sorted()
                    var finding = Finding(
                        entry: catalog.entry(.quasiIdentifiers), span: term.span, matchedText: term.matchedText,
                        message: "Who: a person described, not named (\(kinds.joined(separator: ", "))). What: \(describe(term)). Tie: passed on to someone else. Together these can identify the person to anyone who knows them.")
                    // "61M, septic, family meeting at 10am": a handoff in the care team's own chat
                    // describes its patient by age and time to coordinate care (45 CFR 164.506).
                    // Not an occupation or an event, which no handoff needs ("the mayor's son").
                    if staffChat, !health.contains(where: isHighlySensitive),
                       !details.contains(where: { $0.has(.quasiOccupation) || $0.has(.quasiEvent) }) {
                        finding.severity = .review
                        finding.message += " In the care team's own chat this can be care coordination: check everyone in the chat cares for this patient."
                    }
                    findings.append(finding)
                } else if let pair = namedWithCare(findings.filter { $0.has(.careContact) || $0.has(.patientReference) },
                                                   among: thirdParties.filter { $0.category == .name }, text) {
                    // "Mr. Delgado is a patient here", "Ellen Marsh checked in at 2", "pull Dolores
                    // Vega's chart": someone named as a patient, told to someone else. In the care
                    // team's own chat that can be coordination: for review there.
                    var finding = Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: a patient here (\u{201C}\(pair.0.matchedText)\u{201D}). Tie: in the same sentence, passed on to someone else. That a person is a patient here is protected health information.")
                    if staffChat {
                        finding.severity = .review
                        finding.message += " In the care team's own chat this can be care coordination: check everyone in the chat cares for this patient."
                    } else if permissions.contains(where: { $0.rule == "policy.patient-permission" }) {
                        // "At the request of our patient, Kevin Marsh, please excuse his absence": a
                        // note the patient asked for says they were seen; what it adds is for review.
                        finding.severity = .review
                        finding.message += " The message says the patient asked for it: send it only if that request is documented, and say no more than it covers."
                    }
                    findings.append(finding)
                } else if let pair = namedOwner(of: ownedCareContacts(findings, text), among: thirdParties, text) {
                    // "yes, your ex-wife Carla had her procedure with us on Friday": someone else's
                    // care here, told to the reader.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: their care here (\u{201C}\(pair.0.matchedText)\u{201D}). Tie: passed on to someone else. That a person is a patient here is protected health information."))
                } else if let sensitive = findings.first(where: { term in term.has(.healthHighSensitivity) && term.has(.health) && (term.span.map { span in
                              findings.contains { $0.has(.sender) && ($0.span.map { $0.bytes.contains(span.bytes) } ?? false) } } ?? false) }),
                          findings.contains(where: { $0.has(.careContact) }), !staffChat,
                          let person = thirdParties.first(where: { $0.category == .name }) {
                    // "Is this Joanne's sister? This is Pinecrest Counseling. She missed her
                    // appointment": the sender's own name says what kind of care the named person has.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: person.span, matchedText: person.matchedText,
                        message: "Who: \(describe(person)). What: a patient of \(sensitive.matchedText), a specially protected kind of care (the sender's own name says so). Tie: passed on to someone else."))
                } else if let pair = firstPair(patientReferences.filter { $0.rule == "policy.arrival-here" }, thirdParties.filter { $0.category == .name }, sameParagraphIn: text) {
                    // "guess who came into our ID clinic today... Coach Brantley": who came in, told to
                    // someone else.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: came in to the clinic or hospital. Tie: passed on to someone else. That a person is a patient here is protected health information."))
                } else if let teased = teased(patientReferences, othersHealth, text) {
                    // "OMG guess who's doing IVF with us — the weather presenter!": the same teaser as
                    // in a post, told to a colleague or a friend.
                    findings.append(Finding(
                        entry: catalog.entry(.patientEncounter), span: teased.span, matchedText: teased.matchedText,
                        message: "Who: someone the reader is asked to guess. What: \(teased.has(.health) ? describe(teased) : "came in for care"). Tie: passed on to someone else. A teaser about who came in tells the reader that person is a patient."))
                } else if let role = describedPatient(patientReferences, quasi, text, inSentenceEitherOrder: true) {
                    // "the Channel 7 weatherman is checked in under an alias in 302": a patient described
                    // by their job or public role, passed on.
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: role.span, matchedText: role.matchedText,
                        message: "Who: a patient described by their occupation or public role. What: a patient here. Tie: passed on to someone else. Everyone who knows them learns they received care."))
                } else if let pair = firstPair(patientReferences.filter { $0.category == .photo }, thirdParties.filter { $0.category == .photo }, sameParagraphIn: text) {
                    // A photo of a patient, with what identifies them (a name plate, a wristband, a
                    // tattoo), sent on: "[video: resident in a bib, name plate on the door]".
                    findings.append(Finding(
                        entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText,
                        message: "Who: \(describe(pair.1)). What: a patient shown in care. A photo of a patient with what identifies them, sent on, tells everyone who sees it that they are a patient here."))
                } else if let result = health.first(where: { term in
                    // The reader's own result or diagnosis: "your biopsy came back", "you tested
                    // positive". A colleague asked for advice ("what's your go-to for a teen with
                    // migraines?") is not the reader's condition: the reader word must stand close.
                    // Not what to watch for ("call us if you have a fever"): a sign told to anyone. Nor
                    // the writer's own family's ("My mom's having her gallbladder out, I'll need Tue off").
                    term.has(.healthClinical) && !text.isPrevention(term) && !text.isBareResult(term) && !isTopic(term, text)
                        && !Combinations.writersFamilyOwns(term, text, names: names)
                        && !(term.span.map { text.sentence(of: term).hypothetical(before: $0.bytes, within: 5) } ?? false)
                        && term.span.map { text.sentence(of: term).readerWord(near: $0.bytes, within: 6) != nil } ?? false
                        // "your prescription for amoxicillin is ready", "your refill of metformin has been
                        // sent": the reader's own medicine, told to them, is their care, not a result or
                        // a diagnosis over chat (those stay for review, as does anything specially
                        // protected: an HIV drug, a psychiatric one).
                        && !(Combinations.isOwnMedicineNotice(term, text) && !term.has(.healthHighSensitivity))
                }) {
                    // "Hi Ms. Pérez, Dr. Abara reviewed your cholesterol panel: your LDL is 142": the
                    // reader's own result, told to them in the organisation's voice (a sender, a
                    // clinician, a reminder) with no one else in the message, is their care reaching
                    // them, as every set's labellers read it. A specially protected result, or one
                    // in the care team's own chat, stays for review.
                    // Not to a group ("[Group: Oak St Book Club]"), nor in a thread that says it reached
                    // the wrong person ("Pretty sure you want a different Marcus").
                    let opening = text.words(in: ByteRange(0, min(text.bytes.count, 200))).prefix(12)
                    // A diagnosis ("your biopsy showed melanoma") stays for review: the minimum necessary
                    // over chat is that a result is ready.
                    // Only by text or e-mail, to the patient's own number or address: a consumer
                    // messaging app (WhatsApp, Messenger) is no channel for results ("not the secure
                    // portal"), as the team's own fixtures and the sets' labellers agree.
                    let consumerApp = document.channel.map { Combinations.consumerMessagingChannels.contains($0.lowercased()) } ?? false
                    let toTheReader = organisationSpeaks && !staffChat && !consumerApp && thirdParties.isEmpty && !result.has(.healthHighSensitivity)
                        // A condition tested for and found absent ("your COVID-19 test result is
                        // NEGATIVE") is a result, not a diagnosis.
                        && (!result.rule.contains("condition") || text.sentence(of: result).words.contains { word in
                            Combinations.absentResultWords.contains(word.text) && word.range.start >= (result.span?.bytes.end ?? 0)
                        })
                        && !text.sentence(of: result).words.contains { ConsentCoverage.relations[$0.text] != nil }
                        && !opening.contains { WordView.groupWords.contains($0.text) }
                        && !text.words(in: ByteRange(0, text.bytes.count)).contains { Combinations.misdirectionWords.contains($0.text) }
                    findings.append(Finding(
                        entry: catalog.entry(.messageClinicalDetail), severity: toTheReader ? .info : nil, span: result.span, matchedText: result.matchedText,
                        message: toTheReader
                            ? "Who: the reader. What: \(describe(result)), their own, told to them by the organisation: their care reaching them."
                            : "Who: the reader. What: \(describe(result)). A diagnosis or a result over chat is more than the minimum necessary: ask the person to call or use the patient portal."))
                }
            }
        }

        // "Statement released at the request of the family of State Senator Fairchild: ... remains in
        // fair condition": a post the patient's family asked for speaks for their personal
        // representative. Held for review (is the request on record?), not blocked.
        if document.kind == .post, findings.contains(where: { $0.rule == "policy.family-statement" }) {
            let disclosures: Set<String> = [PolicyRule.identifiableHealthInfo.rawValue, PolicyRule.quasiIdentifiers.rawValue, PolicyRule.namedPatient.rawValue]
            for index in findings.indices where findings[index].severity == .block && disclosures.contains(findings[index].rule) {
                findings[index].severity = .review
                findings[index].message += " The post says the patient's family asked for it: publish it only if that request is on record, and no more than they released."
            }
        }
        // "[photo: newborns in bassinets, crib cards readable: 'Baby Boy VASQUEZ 7lb 2oz']", "door name
        // cards 'GARZA', 'BELL' visible": a name the image shows printed on a card, label, board or
        // screen, quoted in its description, names the patient as plainly as the text would.
        let photos = findings.filter { $0.rule == "phi.described-photo" }.compactMap(\.span?.bytes)
        if !photos.isEmpty {
            let names = findings.filter { $0.category == .name }.compactMap(\.span?.bytes)
            document.text.withUTF8Bytes { bytes in
                for index in findings.indices where findings[index].rule == "visual.printed-identifier" && findings[index].severity == .review {
                    guard let printed = findings[index].span?.bytes, let photo = photos.first(where: { $0.contains(printed) }), photo.end <= bytes.count,
                          // The quote may open before the identifier: "shows 'OLAWALE, INES  DOB 11/18/2026'".
                          Combinations.quotesName(in: photo, bytes, names: names, lists: self.names) else { continue }
                    findings[index].conclude(.block, "The image described shows a name printed on a card, label, board or screen (quoted in its description): it names the patient as plainly as the text would.")
                }
            }
            // "[image: X-ray with his name and DOB in the corner]": a clinical image that shows whose
            // it is discloses their health, whatever the name reads.
            for index in findings.indices where findings[index].rule == "visual.printed-identifier" && findings[index].severity == .review {
                guard let printed = findings[index].span?.bytes, let photo = photos.first(where: { $0.contains(printed) }),
                      findings.contains(where: { $0.rule == "visual.clinical-image" && ($0.span.map { photo.contains($0.bytes) } ?? false) }) else { continue }
                findings[index].conclude(.block, "The image described is a clinical one (an x-ray, a scan, a chart) and shows whose it is: it discloses that person's health.")
            }
        }
        // "Thank you to everyone who came out, staff AND patients [photo: about 20 people around the
        // tree, all faces visible]", "one of our teen clients sat with him [photo: ... the boy's face
        // fully visible]": faces the image shows, in a post that says patients or clients were there,
        // and no staff named in the image, show who receives care here.
        if document.kind == .post, !photos.isEmpty, findings.contains(where: { $0.rule == "visual.person-in-frame" && $0.severity == .review }) {
            document.text.withUTF8Bytes { bytes in
                let text = WordView(bytes)
                let words = text.words(in: ByteRange(0, text.bytes.count))
                let inCareSaid = words.indices.contains { index in
                    let word = words[index]
                    guard Combinations.inCareWords.contains(word.text), !photos.contains(where: { $0.contains(word.range) }) else { return false }
                    return index + 1 >= words.count || !Combinations.patientServiceNouns.contains(words[index + 1].text)
                }
                if inCareSaid {
                    for index in findings.indices where findings[index].rule == "visual.person-in-frame" && findings[index].severity == .review {
                        guard let span = findings[index].span?.bytes, let photo = photos.first(where: { $0.contains(span) }) else { continue }
                        let shown = text.words(in: photo).map(\.text)
                        guard shown.contains(where: { ["face", "faces", "face's"].contains($0) }),
                              !shown.contains(where: { Combinations.staffInPhotoWords.contains($0) }) else { continue }
                        findings[index].conclude(.block, "The image shows faces, and the post says patients or clients were there: everyone who knows them learns they receive care here.")
                    }
                }
            }
        }
        // No care context at all: a name, a handle or a link is not a disclosure of health information
        // (Safe Harbor needs an identifier *and* health information). A name held for review as its
        // owner's own story keeps its review: that judgement already saw the health words.
        let judged = findings.contains { $0.severity == .block && !$0.has(.health) && !$0.has(.contextual) }
            || findings.contains { $0.has(.careContext) && $0.severity > .info }
        if !judged {
            for index in findings.indices where findings[index].has(.contextual)
                && !(findings[index].span.map { ownStorySpans.contains($0.bytes) } ?? false) {
                findings[index].severity = .info
            }
        }
        return findings
    }

    // MARK: - Who

    /// The organisation's own people and the reader are not the people a disclosure is about: a name
    /// right beside a staff title or role becomes `info`, and so does the reader greeted by name in a
    /// reply or a message (they know their own name).
    /// "I still think about nurse Callie" → "We'll make sure Callie sees this!": a name the review
    /// gives a staff title ("nurse Callie", "Dr. Ibarra", "PA Lindahl") is one of ours in the reply.
    private func lowerStaffTheReviewNamed(_ findings: inout [Finding], _ review: String) {
        let words = review.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
        var staff = Set<String>()
        for index in words.indices.dropLast() where Combinations.reviewStaffTitles.contains(words[index]) {
            staff.insert(words[index + 1])
        }
        guard !staff.isEmpty else { return }
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            if SubjectMatch.tokens(findings[index].matchedText).contains(where: staff.contains) {
                findings[index].conclude(.info, "One of the organisation's people, named with their title in the review answered: not a patient.")
            }
        }
    }
    static let reviewStaffTitles: Set<String> = [
        "nurse", "dr", "doctor", "pa", "np", "rn", "therapist", "hygienist", "tech", "technician", "receptionist", "midwife",
        "dentist", "pharmacist", "physio", "counselor", "counsellor", "surgeon", "doctora", "enfermera", "enfermero",
    ]

    /// Names of people in a role of their own, lowered; returns the spans of those whose own health
    /// the text gives (for review, never paired as a patient's disclosure).
    @discardableResult
    private func lowerOwnPeople(_ findings: inout [Finding], _ kind: DocumentKind, _ text: WordView) -> [ByteRange] {
        // Everything down to the message's dates judges a name (or a person's @handle) or something
        // beside one: a text with none skips the fifteen span lists built for them, which were a
        // twentieth of a social-post audit.
        guard findings.contains(where: { $0.category == .name || ($0.matchedText.hasPrefix("@") && $0.has(.person)) }) else {
            lowerReadersOwnDates(&findings, kind, text)
            return []
        }
        let roles = SortedSpans(findings.compactMap { $0.has(.staffRole) ? $0.span?.bytes : nil })
        let publicRoles = SortedSpans(findings.compactMap { $0.has(.publicRole) ? $0.span?.bytes : nil })
        let animals = SortedSpans(findings.compactMap { $0.has(.animal) ? $0.span?.bytes : nil })
        // "Meet Ziggy, the 9-year-old beagle who had his cruciate ligament repaired": a pet's name.
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            guard let span = findings[index].span?.bytes, animals.near(span).contains(where: { text.adjacent($0, span) }) else { continue }
            findings[index].conclude(.info, "An animal's name (a pet, a therapy dog, a veterinary patient): animals have no protected health information.")
        }
        // "Get well soon, Maple! Our therapy golden retriever had her TPLO surgery at Quillan Bay Vet":
        // a single name in a paragraph that sends its care to a vet is the animal's (a person's has a
        // title or a surname).
        let veterinary = Combinations.veterinaryParagraphs(findings, text)
        if !veterinary.isEmpty {
            for index in findings.indices where findings[index].category == .name && findings[index].severity > .info && !findings[index].matchedText.contains(" ") {
                guard let span = findings[index].span?.bytes, veterinary.contains(where: { $0.contains(span) }), !text.titled(span) else { continue }
                findings[index].conclude(.info, "A single name in a paragraph about a visit to a vet: the animal's (or its owner's), and animals have no protected health information.")
            }
        }
        // "'Baby Hal', our high-fidelity mannequin", "our receptionist playing the patient 'Jane Sample'".
        // "Case study (fictional): Maria, 34, ...": every name in the paragraph is a character's.
        let fictional = findings.compactMap { $0.rule == "policy.fictional-case" ? $0.span?.bytes : nil }
        if !fictional.isEmpty {
            for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
                guard let span = findings[index].span?.bytes else { continue }
                let paragraph = text.paragraph(containing: span)
                guard fictional.contains(where: { paragraph.contains($0) }) else { continue }
                findings[index].conclude(.info, "A character of a case the text says is invented, for teaching: no patient.")
            }
        }
        let simulations = SortedSpans(findings.compactMap { $0.has(.simulation) ? $0.span?.bytes : nil })
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            guard let span = findings[index].span?.bytes, simulations.near(span).contains(where: { text.adjacent($0, span) || $0.contains(span) }) else { continue }
            findings[index].conclude(.info, "A simulation's patient (a manikin, a standardized or role-played patient): a character, not a person's care.")
        }
        let staffRoles = RangeIndex(findings.filter { $0.has(.staffRole) }.compactMap(\.span?.bytes))
        let health = SortedSpans(findings.filter { $0.has(.health) && !Combinations.isWorkplace($0, staffRoles: staffRoles, text) }.compactMap(\.span?.bytes))
        // Care given here makes anyone a patient: "we were honored to care for Councilwoman Pruitt",
        // "rang the bell after her last round of chemo here".
        // Not in a sentence that declines to say ("We don't comment on whether any individual is or
        // was a patient").
        let careHere = SortedSpans(findings.filter { $0.has(.patientReference) || $0.has(.careContact) }.compactMap(\.span?.bytes)
            .filter { !text.sentence(containing: $0).disclaims($0) })
        let patientNames = SortedSpans(findings.filter { $0.has(.patientReference) }.compactMap(\.span?.bytes))
        // A specially protected unit someone was admitted to ("admitted to inpatient psych") is their
        // care, as a diagnosis is; the unit alone is where staff work.
        let admittedTo = Set(findings.compactMap { term -> ByteRange? in
            guard term.has(.healthSetting), let span = term.span?.bytes,
                  text.words(in: ByteRange(max(0, span.start - 30), span.start)).suffix(3).contains(where: { Combinations.admissionWords.contains($0.text) }) else { return nil }
            return span
        })
        let clinical: (Finding) -> Bool = { !$0.has(.healthSetting) || ($0.span.map { admittedTo.contains($0.bytes) } ?? false) }
        let topical = SortedSpans(findings.filter { $0.has(.health) && !isTopic($0, text) && clinical($0) }.compactMap(\.span?.bytes))
        let topics = SortedSpans(findings.filter { $0.has(.health) && isTopic($0, text) }.compactMap(\.span?.bytes))
        let highlySensitiveSpans = SortedSpans(findings.filter { $0.has(.healthHighSensitivity) && clinical($0) }.compactMap(\.span?.bytes))
        var ownStories: [ByteRange] = []
        let nameSpans = SortedSpans(findings.filter { $0.category == .name && !$0.has(.tentative) }.compactMap(\.span?.bytes))
        let nameStarts = nameSpans.spans.map(\.start)
        let colons = roles.spans.isEmpty ? [] : text.bytes.indices.filter { text.bytes[$0] == UInt8(ascii: ":") }
        // Asked of each health word once, not once per name in its sentence.
        var possessive: [ByteRange: Bool] = [:], treatedHereIn: [ByteRange: Bool] = [:], teaserIn: [ByteRange: Bool] = [:]
        var lastStaff: ByteRange?
        // Said once for the text, not once per name: where it says someone was cared for here.
        let treatedHereSpans = SortedSpans(findings.filter { $0.rule == "policy.treated-here" }.compactMap(\.span?.bytes))
        // "Can anyone cover the Sat crisis line shift? Jess is out sick with the flu", "la promotora
        // Beatriz se torció el tobillo y no viene; Carmen cubre sus visitas": in a message asking
        // for cover, who is out is a colleague, and why is theirs (for review; specially protected
        // health told of them is judged below).
        let coverAsked = kind == .message && text.asksForCover
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            guard let span = findings[index].span?.bytes else { continue }
            let sentence = text.sentence(containing: span)
            // Not the writer out ("I'll be out Friday for my MRI, Jess is covering"), nor the one who covers.
            let writerOut = coverAsked && sentence.words.contains { WordView.firstPerson.contains($0.text) || ["i'll", "i’ll", "i'm", "i’m"].contains($0.text) }
            let covers = coverAsked && text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 20))).prefix(3).contains { ["covering", "cover", "covers", "cubre", "cubrirá"].contains($0.text) }
            // "Carmen cubre sus visitas", "Jess is covering my patients": who covers is a colleague.
            if covers {
                findings[index].conclude(.info, "A colleague who covers a shift or visits, in a message arranging cover: one of the organisation's people, not a patient.")
                continue
            }
            if coverAsked, !writerOut, sentence.words.contains(where: { Combinations.absenceWords.contains($0.text) }),
               health.any(inside: text.paragraph(containing: span)), !highlySensitiveSpans.any(inside: text.paragraph(containing: span)),
               !text.namedInRole(span, roles: roles, names: nameSpans) {
                findings[index].conclude(.review, "A colleague out of a shift, in a message asking for cover: their own health, not a patient's. Say only that they are out.")
                ownStories.append(span)
                continue
            }
            // "our volunteer hygienists Carla, Mo and Tess": the names listed after a staff name are staff too.
            let listedAfterStaff = lastStaff.map { text.listed($0, then: span) } ?? false
            // "Reposted from one of our nurses: 'my favorite patient Marcus ...'": a name called a
            // patient right before it is a patient, whatever role heads the line.
            let calledPatient = patientNames.near(span).contains { reference in
                reference.end <= span.start && span.start - reference.end <= 2
                    && (reference.end..<span.start).allSatisfy { text.bytes[$0] == 0x20 || text.bytes[$0] == UInt8(ascii: ",") }
            }
            // "Happy holidays from Sophie, Jenna, Rico and the whole crew!": the names listed before a
            // team of ours ("and the whole crew", "& our staff") are that team's.
            let listedBeforeTeam: Bool = {
                var last = span
                var next = WordView.count(of: nameStarts, below: span.end)
                while next < nameSpans.spans.count, text.listed(last, then: nameSpans.spans[next]) {
                    last = nameSpans.spans[next]
                    next += 1
                }
                return roles.near(last).contains { role in
                    role.start >= last.end && text.adjacent(last, role)
                        && (text.bytes[role.start] == UInt8(ascii: "&") || text.words(in: role).first?.text == "and")
                }
            }()
            // Nor one the sentence says came here as a patient ("first came to us as a patient"): asked
            // last, of a name a role would otherwise claim.
            let staff = !calledPatient && (text.namedInRole(span, roles: roles, names: nameSpans) || listedAfterRole(span, roles, colons, text)
                || listedAfterStaff || listedBeforeTeam) && !text.saysWasPatient(after: span, in: sentence)
            // Only a plural role heads a list ("our hygienists Carla, Mo and Tess"); after one titled
            // name ("Dr. Kim, Tom Reyes and Ana Ruiz") the others may be anyone.
            let afterPluralRole = staff && roles.near(span).contains { role in
                text.adjacent(role, span) && role.end <= span.start
                    && ({ () -> Bool in
                        // "donors like Ravi and Anita Patel": the plural before "like" heads the list.
                        let words = text.words(in: role).map(\.text).filter { !["like", "including", "such", "as"].contains($0) }
                        // "our team (hi Marisol & Dev!)": a greeting to the team heads a list too.
                        return words.last.map { ($0.hasSuffix("s") && !$0.hasSuffix("ss")) || ["to", "hi", "hey", "hello"].contains($0) } ?? false
                    })()
            }
            lastStaff = afterPluralRole || listedAfterStaff ? span : nil
            let publicFigure = !staff && publicRoles.near(span).contains { text.adjacent($0, span) && !text.headsLaterLine($0, after: span) }
            // "our housekeeper Rosie's grandson": the name points at her relative, who is no staff.
            guard staff || publicFigure, !text.namesRelative(after: span) else { continue }
            // Their own: the possessive follows them with no one else named between ("Dr. Aiko Ito ...
            // after her own ACL reconstruction"; not "Bernard talks about his surgery with Dr. Venn").
            // Terms starting after the name and before the end of the next name after it.
            let nextName = nameSpans.minimumEnd(startingAtOrAfter: span.end) ?? Int.max
            // Someone else's story told before the clinician's name ("Keisha Donaldson was told ...
            // After a myomectomy with Dr. Farrow last year, she's expecting", "Hannah ... Dr. Kaur
            // and our surgical team timed her thyroidectomy"): "she" and "her" after the clinician
            // are that person's, unless the text says "her own".
            // (The four nearest names before it are asked, so many names cost no more each.)
            let storyBefore = !publicFigure && !sentence.words.contains(where: { $0.text == "own" }) && {
                let paragraph = text.paragraph(containing: span)
                let before = nameSpans.spans[..<WordView.count(of: nameStarts, below: span.start)].suffix(4)
                return before.contains { other in
                    other.end <= span.start && paragraph.contains(other) && !text.namedInRole(other, roles: roles, names: nameSpans)
                        // Not the same person named again ("Welcome Ingrid Brandt! Ingrid joins us ... after her hip surgery").
                        && !SubjectMatch.sameName(SubjectMatch.tokens(ByteText.substring(text.bytes, other)), SubjectMatch.tokens(findings[index].matchedText))
                }
            }()
            // A topic is no one's care: "her diabetes prescribing qualification".
            let ownCare = !storyBefore && health.starting(from: span.end, before: min(nextName, sentence.range.end)).contains { term in
                guard sentence.range.contains(term), !topics.any(inside: term) else { return false }
                // "Dr. Osei would like to adjust one of her evening medications": what a clinician
                // does to someone's care is that someone's.
                if text.words(in: ByteRange(span.end, term.start)).contains(where: { Combinations.careActionWords.contains($0.text) }) { return false }
                if Combinations.rescues(term, after: span, text) { return false }
                if let known = possessive[term] { return known }
                let mine = sentence.possessive(before: term, within: 4)
                possessive[term] = mine
                return mine
            }
            let treatedHere = treatedHereIn[sentence.range] ?? health.starting(from: sentence.range.start, before: sentence.range.end).contains { term in
                sentence.range.contains(term) && sentence.here(after: term, within: 3)
            }
            treatedHereIn[sentence.range] = treatedHere
            if publicFigure {
                // "Guess who came into our ID clinic today... Coach Brantley": a teaser asks readers
                // to know who the patient is; the role names them, it does not make them public.
                let paragraph = text.paragraph(containing: span)
                let teased = teaserIn[paragraph] ?? text.hasTeaser(in: paragraph)
                teaserIn[paragraph] = teased
                if teased { continue }
                // "Singer Lyra Vance was brought in last night — friend on 6 West says it was an
                // overdose": their health as someone else tells it is no public telling of their own.
                if health.any(inside: paragraph), text.hasHearsay(in: paragraph) { continue }
                // A public figure can be a patient: care given here, or their health reported by the
                // organisation ("Coach Pike asked us to pass on that chemo is going well"), pairs as
                // anyone's would. Only their own telling, in their public role, is for review.
                // A visit to the organisation's own clinic or pharmacy is care here too; staff work
                // there, so for them only "here" counts.
                // "Councilman Pryor opened our new STD clinic": a civic act in their role names the
                // clinic they opened, not care they received.
                // "Coach Vernell Hayes! Coach is here at St. Brigid's and doing well after his cardiac
                // procedure": care placed here anywhere in the paragraph.
                // "Senator Delgado shared that she has breast cancer. She is being treated at our
                // hospital.": care here told of them by pronoun in the paragraph's next sentences.
                let careHereByPronoun = careHere.starting(from: sentence.range.end, before: paragraph.end).contains { care in
                    text.sentence(containing: care).words.first.map { ["he", "she", "they", "él", "ella"].contains($0.text) } ?? false
                }
                if treatedHere || careHere.any(inside: sentence.range) || careHereByPronoun || (ownCare && sentence.receivesCareFromUs)
                    || (health.any(inside: paragraph) && text.speaksOfCareHere(in: paragraph))
                    || (sentence.namesOurCarePlace && health.any(inside: sentence.range) && !text.civicAct(after: span)) { continue }
                // Health only before their sentence, none told of "he" or "she": "Flu shots Sunday after
                // Mass! Gracias a Father Ignacio for the coffee" thanks a guest; it tells of no one's care.
                // (Health after it may go on about them: "Welcome back Pastor Little! Glaucoma check went great".)
                let healthByPronoun = topical.starting(from: paragraph.start, before: paragraph.end).contains { term in
                    text.sentence(containing: term).hasThirdPersonPronoun
                }
                let healthFromHere = topical.starting(from: sentence.range.start, before: paragraph.end).contains { paragraph.contains($0) }
                // "Mayor Ortiz encouraged everyone to get a flu shot", "Coach Reilly reminded parents that
                // concussions are serious": health they urge on others is the others' concern, not theirs.
                let adviceFrom = sentence.urgesOthers(after: span.end)
                let onlyAdvice = adviceFrom.map { from in
                    !topical.starting(from: paragraph.start, before: paragraph.end).contains { term in !(sentence.range.contains(term) && term.start >= from) }
                } ?? false
                if !topical.any(inside: paragraph) || (!healthFromHere && !healthByPronoun) || onlyAdvice {
                    findings[index].conclude(.info, "A public figure named in their public role (an official, an athlete, a news anchor): not a patient.")
                } else if sentence.speaksForThemselves {
                    // Their own telling, in public ("opened the summit by talking about her bypass"):
                    // what they chose to say is not a record the organisation holds.
                    findings[index].conclude(.info, Combinations.publicFigureOwnTelling)
                } else if ownCare {
                    findings[index].conclude(.review, "A public figure named in their public role, with their own health: confirm they made it public themselves and that it does not come from care here.")
                    ownStories.append(span)
                }
                continue
            }
            // A colleague's specially protected health told by someone else: "Dr. Behr's been out?
            // heard from the lab he's HIV+", "Prayers for Dr. K, he just started treatment for HIV".
            // Not theirs to tell, and often from the organisation's own records (45 CFR 160.103).
            if health.starting(from: span.end, before: min(nextName, text.paragraph(containing: span).end)).contains(where: { term in
                highlySensitiveSpans.any(inside: term) && topical.any(inside: term) && text.pronounOwns(term, after: span, relativeClause: true, pronounsAreOthers: storyBefore)
            }) {
                findings[index].conclude(.block, "One of the organisation's people, with specially protected health information of their own told by someone else (\"he's\", \"she has\"): a colleague's diagnosis is not anyone else's to share.")
                ownStories.append(span)
                continue
            }
            // "the new volunteer Jason R. is on our methadone clinic list", "Martín Leyva, our
            // facilities supervisor, who returned after completing our treatment program for alcohol
            // use disorder": one of our people in care for specially protected health, the care told
            // after their name in the same sentence. Not where they work ("Dr. Ruiz runs our
            // methadone clinic", "Jo volunteers in our detox unit").
            if health.starting(from: span.end, before: min(nextName, sentence.range.end)).contains(where: { term in
                   guard highlySensitiveSpans.any(inside: term), topical.any(inside: term) else { return false }
                   let between = text.words(in: ByteRange(span.end, term.start))
                   // Not others' care between ("presented our review of 900 adults treated for depression").
                   return !between.contains { Combinations.peopleNouns.contains($0.text) }
                       && (between.contains { Combinations.careReceiptWords.contains($0.text) }
                           // "on our methadone clinic list": the receipt word right after the term.
                           || sentence.words(after: term.end, count: 1).contains { Combinations.careReceiptWords.contains($0.text) })
               }), !sentence.words.contains(where: { Combinations.workVerbs.contains($0.text) }),
               // Their own telling: "will share his own story", "I was in treatment myself".
               !sentence.words.contains(where: { $0.text == "own" || (Combinations.firstPersonWords.contains($0.text) && $0.range.start >= span.end) }) {
                findings[index].conclude(.block, "One of the organisation's people, in care for specially protected health (on a clinic's list, through a treatment program): a colleague's care is not anyone else's to share.")
                ownStories.append(span)
                continue
            }
            // "After three months on medical leave for burnout and depression, our pharmacy manager
            // Kristof is back": a colleague's absence for specially protected health, told before
            // their name in the same sentence.
            if sentence.words.contains(where: { ["leave", "back", "returns", "returning", "returned", "recovering", "absence"].contains($0.text) }),
               health.starting(from: sentence.range.start, before: span.start).contains(where: { term in
                   highlySensitiveSpans.any(inside: term) && topical.any(inside: term) && sentence.range.contains(term)
                       && !nameSpans.spans.contains { $0.start >= term.end && $0.end <= span.start }
               }) {
                findings[index].conclude(.block, "One of the organisation's people, with specially protected health information of their own told by someone else: a colleague's diagnosis is not anyone else's to share.")
                ownStories.append(span)
                continue
            }
            // A role phrase that holds specially protected health ("Our HIV-positive volunteer Jim
            // Cole"): the colleague's diagnosis, told by someone else.
            // Not a specialty: "our addiction medicine specialist", "our HIV nurse navigator".
            if roles.near(span).contains(where: { role in
                text.adjacent(role, span) && highlySensitiveSpans.starting(from: role.start, before: role.end).contains { term in
                    // Nor a term that is itself the job ("our genetic counselor, Mira Koh").
                    role.contains(term) && !(text.words(in: ByteRange(term.end, min(role.end, term.end + 24))).first.map { Combinations.specialtyNouns.contains($0.text) } ?? false)
                        && !(text.words(in: term).last.map { Combinations.specialtyNouns.contains($0.text) } ?? false)
                }
            }) {
                findings[index].conclude(.block, "One of the organisation's people, with specially protected health information of their own in how they are introduced: a colleague's diagnosis is not anyone else's to share.")
                ownStories.append(span)
                continue
            }
            // A colleague cared for here ("Tanya Ruiz, RN, was admitted to our ICU last night after a
            // stroke"): a patient like anyone, unless the text says they asked for it to be shared.
            let treatedHereSaid = treatedHereSpans.starting(from: span.end, before: sentence.range.end).contains { sentence.range.contains($0) }
            // (Not a department "here": "practised pediatrics here for 30 years" is their work.)
            if !ownCare, treatedHereSaid || admittedTo.contains(where: { sentence.range.contains($0) }),
               health.any(inside: sentence.range),
               !text.words(in: text.paragraph(containing: span)).contains(where: { Combinations.permissionNouns.contains($0.text) }) {
                findings[index].conclude(.block, "One of the organisation's people, cared for here: that a colleague is our patient, and what for, is protected health information like anyone's.")
                ownStories.append(span)
                continue
            }
            // Any other health of a colleague's, told by someone else ("Please pray for our own Jenna
            // Rourke ... took a bullet ... She's out of surgery on 4 North"): for review, as theirs to
            // agree to, not a pass because a role stands beside the name.
            if !ownCare, health.starting(from: span.end, before: min(nextName, text.paragraph(containing: span).end)).contains(where: { term in
                // Not a rescue they began ("started CPR").
                // Not when someone else stands between ("this is Nurse Oduya. Your husband asked me
                // to let you know he's out of surgery": he is the husband).
                // "Please keep Nurse Tamara Wells in your thoughts — she was diagnosed" is still hers.
                // Or of them as the subject of care: "Dr. Patel from peds got admitted last night with
                // kidney stones", "Nurse Kim was rushed to the ICU".
                !Combinations.rescues(term, after: span, text) && topical.any(inside: term) && (text.pronounOwns(term, after: span, pronounsAreOthers: storyBefore) || (sentence.range.contains(term) && {
                    let between = text.words(in: ByteRange(span.end, term.start)).map(\.text)
                    // Passive, of them: "got admitted", "was rushed" (not "Dr. Patel admitted three patients").
                    return between.count <= 7 && between.indices.contains { index in
                        index > 0 && Combinations.undergoingVerbs.contains(between[index])
                            && ["was", "got", "been", "is", "were", "being", "fue", "está", "esta", "ha", "sido"].contains(between[index - 1])
                    }
                        // Nothing they did to the care, and no "with" before its last word ("was admitted
                        // with Dr. Lee's patients to ...").
                        && !between.contains(where: { Combinations.careActionWords.contains($0) || (["with", "con"].contains($0) && between.last != $0) })
                }())) && {
                    let between = text.words(in: ByteRange(span.end, term.start))
                    return !between.indices.contains { index in
                        ConsentCoverage.relations[between[index].text] != nil
                            || (between[index].text == "your" && !(index + 1 < between.count && ["thoughts", "prayers", "hearts"].contains(between[index + 1].text)))
                    }
                }()
            }) {
                findings[index].conclude(.review, "One of the organisation's people, with health information of their own told by someone else (\"she's\", \"he had\"): confirm they agreed to share it.")
                ownStories.append(span)
                continue
            }
            // Staff are people too: "our CFO ... his own story of recovery from addiction" is theirs to
            // share (review: did they agree?); "her last round of chemo here" is a patient's record.
            // So is their own care from us: "who rang the bell in our infusion center after her
            // last round of chemo".
            if ownCare && (treatedHere || sentence.receivesCareFromUs) { continue }
            if ownCare {
                findings[index].conclude(.review, "One of the organisation's people named in their role, with their own health: confirm they agreed to share it (their written authorization if it comes from care here).")
                ownStories.append(span)
            } else {
                findings[index].conclude(.info, "A staff member or one of the organisation's professionals, named in their role: not a patient.")
            }
        }
        let ownStorySpans = Set(ownStories)
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info
            && !(findings[index].span.map { ownStorySpans.contains($0.bytes) } ?? false) {
            if kind != .post, text.isGreeted(findings[index]) {
                findings[index].conclude(.info, "The reader, greeted by name: a name alone tells them nothing they do not know.")
            } else if let span = findings[index].span?.bytes, let invitation = text.hostsInvited(span),
                      // Not someone whose own health the invitation tells ("Join Maria, who beat breast cancer, for a talk").
                      !health.starting(from: invitation.start, before: invitation.end).contains(where: { $0.end <= invitation.end }) {
                findings[index].conclude(.info, "A host of an event the text invites readers to (\"Join Chef Ana and dietitian Ben for a cooking class\"): one of the people running it, not a patient.")
            } else if kind == .message, let span = findings[index].span?.bytes, text.speaksLine(span) {
                findings[index].conclude(.info, "The speaker of a chat line, writing for the organisation (\"we\"): one of its people, not a patient.")
            } else if kind == .post, let span = findings[index].span?.bytes, text.tellsOwnHealthPublicly(span),
                      !careHere.any(inside: text.paragraph(containing: span)), !text.speaksOfCareHere(in: text.paragraph(containing: span)) {
                // "Damar Hamlin has talked publicly about his own cardiac arrest", "wishing Gov. Linda
                // Marchetti a full recovery. As she shared at her press conference, ...": their own
                // telling, in public; no record of care here.
                findings[index].conclude(.info, Combinations.ownPublicTelling)
            }
        }
        // "@DrOkoro's grand rounds", "@NurseJen_RN": a title in the handle is a clinician's own account.
        for index in findings.indices where findings[index].matchedText.hasPrefix("@") && findings[index].severity > .info && findings[index].has(.person) {
            let body = findings[index].matchedText.dropFirst()
            if let title = ["Dr", "Dra", "Doc", "Nurse", "RN", "NP", "Prof"].first(where: { body.hasPrefix($0) }) {
                let next = body.dropFirst(title.count).first
                if next.map({ $0.isUppercase || $0 == "_" || $0 == "." }) == true {
                    findings[index].conclude(.info, "A clinician's own account, by the title in its handle: not a patient.")
                }
            }
        }
        // One person, one judgement: once a name is lowered as staff, the reader or a volunteer, its
        // other mentions ("Inés Vega, RN ... Inés has precepted") and an age given beside it ("Walt,
        // 92, our volunteer") are that person too.
        let lowered = findings.filter { $0.category == .name && $0.severity == .info }
        // Each finding takes the judgement of the first lowered person it matches. A later person
        // written the same way as an earlier one is never that first one, so is left out of the index.
        var distinct: [[String]: Int] = [:]
        for (order, person) in lowered.enumerated() where distinct[SubjectMatch.tokens(person.matchedText)] == nil {
            distinct[SubjectMatch.tokens(person.matchedText)] = order
        }
        let people = distinct.sorted { $0.value < $1.value }
        let sameAs = NameIndex(people.map(\.key))
        let loweredSpans = SortedSpans(lowered.compactMap(\.span?.bytes))
        for index in findings.indices where findings[index].severity > .info {
            if findings[index].category == .name {
                let tokens = SubjectMatch.tokens(findings[index].matchedText)
                if let person = sameAs.candidates(for: tokens).first(where: { SubjectMatch.sameName(sameAs.tokens[$0], tokens) }) {
                    findings[index].conclude(.info, lowered[people[person].value].message)
                } else if tokens.count == 1, let person = people.first(where: { Combinations.isShortForm(tokens[0], of: $0.key.first ?? "") }) {
                    // "nurse Bernadette \"Bernie\" Okafor ... Bernie has held the hands of thousands":
                    // the short form of a lowered person's first name is them.
                    findings[index].conclude(.info, lowered[person.value].message)
                }
            } else if findings[index].category == .age, let age = findings[index].span?.bytes,
                      loweredSpans.near(age).contains(where: { text.adjacent(age, $0) }) {
                findings[index].conclude(.info, "The age of a person named in their role here, not a patient.")
            }
        }
        // "Dr. Helen Ostrowski, who practised here for 41 years, died Nov 20": a date in the sentence of
        // one of the organisation's people, with no one else in it, is theirs.
        let unlowered = SortedSpans(findings.filter { $0.has(.person) && $0.severity > .info && $0.category != .date && $0.category != .age }.compactMap(\.span?.bytes))
        // So is an age: "our longtime volunteer Betty Owens, who passed away peacefully at 94".
        for index in findings.indices where [.date, .age].contains(findings[index].category) && findings[index].severity > .info {
            guard let span = findings[index].span?.bytes else { continue }
            let sentence = text.sentence(containing: span).range
            guard loweredSpans.any(inside: sentence), !unlowered.any(inside: sentence) else { continue }
            // Not when someone else is in the sentence: "Our aide Rosa has visited the same client ...
            // who turns 101 next week".
            if findings[index].category == .age, text.words(in: sentence).contains(where: { Combinations.otherPersonNouns.contains($0.text) }) { continue }
            findings[index].conclude(.info, findings[index].category == .date ? "A date of a person named in their role here, not of a patient." : "The age of a person named in their role here, not of a patient.")
        }
        // Their other mentions ("Senator Ruth Adebayo ... Ruth") tell the same own story.
        // A story written the same way as an earlier one finds the same mentions, which the earlier
        // one already gave its message (its own person among them): it changes nothing.
        var firstWithSpan: [ByteRange: Int] = [:]
        var nameIndices: [Int] = [], nameTokens: [[String]] = []
        for index in findings.indices {
            if let span = findings[index].span?.bytes, firstWithSpan[span] == nil { firstWithSpan[span] = index }
            if findings[index].category == .name {
                nameIndices.append(index)
                nameTokens.append(SubjectMatch.tokens(findings[index].matchedText))
            }
        }
        let mentions = NameIndex(nameTokens)
        var toldStories = Set<[String]>(), storySpans = Set(ownStories)
        for story in ownStories {
            guard let at = firstWithSpan[story] else { continue }
            let person = findings[at]
            let tokens = SubjectMatch.tokens(person.matchedText)
            guard toldStories.insert(tokens).inserted else { continue }
            for candidate in mentions.candidates(for: tokens) {
                let index = nameIndices[candidate]
                guard findings[index].severity > .info, SubjectMatch.sameName(tokens, mentions.tokens[candidate]) else { continue }
                findings[index].conclude(person.severity, person.message)
                if let span = findings[index].span?.bytes, storySpans.insert(span).inserted { ownStories.append(span) }
            }
        }
        lowerReadersOwnDates(&findings, kind, text)
        return ownStories
    }

    /// A message telling its reader the date of their own appointment tells them nothing new.
    private func lowerReadersOwnDates(_ findings: inout [Finding], _ kind: DocumentKind, _ text: WordView) {
        guard kind == .message else { return }
        for index in findings.indices where findings[index].category == .date && findings[index].severity > .info
            && text.sentence(of: findings[index]).containsReaderWord {
            findings[index].conclude(.info, "A date in a message to its reader about their own care: not a disclosure to anyone else.")
        }
    }

    /// A sentence dated more than fifty years before the check ("On July 4, 1939, Lou Gehrig told a
    /// packed Yankee Stadium...") tells history: the people it names, their other mentions and the
    /// date itself are `info` (45 CFR 164.502(f) protects a decedent's information for 50 years).
    private func lowerHistory(_ findings: inout [Finding], _ text: WordView) {
        guard let checkYear else { return }
        let historical = RangeIndex(findings.compactMap { finding -> ByteRange? in
            guard finding.category == .date, let span = finding.span?.bytes else { return nil }
            let years = text.words(in: span).compactMap { $0.text.count == 4 ? Int($0.text) : nil }
            guard let year = years.first, year >= 1000, year <= checkYear - 50 else { return nil }
            // A birth date of a living patient ("her mom (DOB 03/14/1951) is home") is no history.
            let sentence = text.sentence(containing: span)
            if sentence.words.contains(where: { Combinations.birthWords.contains($0.text) }) { return nil }
            return sentence.range
        })
        guard !historical.isEmpty else { return }
        let message = "A person or a date of history, more than fifty years ago: 45 CFR 164.502(f) protects a decedent's health information for fifty years."
        var people = Set<[String]>()
        for index in findings.indices where findings[index].severity > .info {
            guard let span = findings[index].span?.bytes, historical.contains(span) else { continue }
            guard findings[index].category == .name || findings[index].category == .date else { continue }
            if findings[index].category == .name { people.insert(SubjectMatch.tokens(findings[index].matchedText)) }
            findings[index].conclude(.info, message)
        }
        // Their other mentions: asked only of the historical names sharing a word with them.
        let historicalPeople = NameIndex(Array(people))
        for index in findings.indices where findings[index].category == .name && findings[index].severity > .info {
            let tokens = SubjectMatch.tokens(findings[index].matchedText)
            if historicalPeople.candidates(for: tokens).contains(where: { SubjectMatch.sameName(historicalPeople.tokens[$0], tokens) }) {
                findings[index].conclude(.info, message)
            }
        }
    }

    /// Whether a comment asks a question in general: a question, with no word of the writer's own
    /// (I, my, we, our) and no relative of theirs.
    static func asksInGeneral(_ comment: String?) -> Bool {
        // A review given stars ("★★★☆☆ nurses were lovely but ... who schedules construction next to
        // newborns??") rates a stay of the writer's own, whatever it asks.
        guard let comment, comment.contains("?"), !comment.contains("★"), !comment.contains("☆") else { return false }
        return comment.withUTF8Bytes { bytes in
            !WordView(bytes).words(in: ByteRange(0, bytes.count)).contains { word in
                firstPersonWords.contains(word.text) || ownWords.contains(word.text)
            }
        }
    }
    /// "We", "our", "us" of a commenter (a family), beside `firstPersonWords`.
    static let ownWords: Set<String> = ["we", "we're", "we’re", "we've", "we’ve", "our", "us", "ours", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras", "im", "ive"]
    /// Reply rules that read the reviewer's care from "you" and "your".
    static let secondPersonReplyRules: Set<String> = [
        "policy.reply.visit", "policy.reply.care-details", "policy.reply.billing", "policy.reply.thanks-patient",
        "policy.reply.records", "policy.reply.implied-condition", "policy.reply.es-confirms-care",
    ]
    /// A comment that asks after someone's care: a question with a person in the third person (he,
    /// she, the guy, my neighbor, a name's possessive) and a place or event of care ("in your ICU",
    /// "brought in", "after the crash"). Returns the words that name the person.
    static func asksAboutSomeone(_ comment: String?) -> String? {
        guard let comment, comment.contains("?") else { return nil }
        return comment.withUTF8Bytes { bytes -> String? in
            let words = WordView(bytes).words(in: ByteRange(0, bytes.count)).map(\.text)
            guard words.contains(where: askedCareWords.contains) else { return nil }
            if let person = words.first(where: { WordView.Sentence.thirdPersonWords.contains($0) || askedPersonWords.contains($0) }) { return "\u{201C}\(person)\u{201D}" }
            if let relative = words.firstIndex(where: { ConsentCoverage.relations[$0] != nil }), relative > 0,
               ["my", "mi", "our", "the", "that", "el", "la"].contains(words[relative - 1]) { return "\u{201C}\(words[relative - 1]) \(words[relative])\u{201D}" }
            return nil
        }
    }
    static let askedCareWords: Set<String> = [
        "icu", "er", "ed", "hospital", "admitted", "patient", "room", "surgery", "crash", "accident", "hurt", "injured", "treated",
        "brought", "ambulance", "unit", "floor", "trauma", "there", "ok", "okay", "alive", "stable", "discharged", "condition",
        "hospitalizado", "hospitalizada", "hospital", "urgencias", "accidente", "herido", "herida", "internado", "internada",
        "doing", "how's", "home", "nicu", "rehab", "heart", "attack", "recovering", "better", "injury", "broke", "burned", "fire",
        "storm", "shooting", "discharge", "cómo", "sigue", "salió",
    ]
    static let answerStatusWords: Set<String> = ["doing", "fine", "home", "stable", "recovering", "discharge", "discharged", "better", "awake", "hands", "cpap", "pt", "healing", "improving"]
    static let askedPersonWords: Set<String> = ["guy", "man", "woman", "lady", "kid", "boy", "girl", "driver", "coach", "son", "daughter", "teen",
                                                "player", "victim", "él", "ella", "twins", "baby", "babies", "lineman", "qb", "pharmacist", "señor", "señora",
                                                "friend", "neighbor", "neighbour", "they", "vecino", "vecina"]

    /// The reply's answer: it opens by saying yes ("Yes it was! Off CPAP already", "sí") beside a
    /// health word or a place of care, or tells one of "he" or "she".
    static func answersAbout(_ findings: [Finding], _ text: WordView) -> (term: Finding?, word: String)? {
        let opening = text.words(in: ByteRange(0, min(text.bytes.count, 24))).prefix(2).map(\.text)
        if let first = opening.first, ["yes", "yeah", "yep", "yup", "sí", "si", "correct", "indeed"].contains(first),
           let term = findings.first(where: { $0.has(.health) || $0.has(.careContact) }) {
            return (term, term.matchedText)
        }
        if let term = findings.first(where: { term in
            (term.has(.health) || term.has(.careContact)) && (term.span.map { text.sentence(containing: $0.bytes).hasThirdPersonPronoun } ?? false)
        }) { return (term, term.matchedText) }
        // "He's doing great and should be home this weekend", "they're off CPAP": a status told of
        // "he" or "they" (the first status word stands for the answer).
        for word in text.words(in: ByteRange(0, text.bytes.count)) where answerStatusWords.contains(word.text) {
            let sentence = text.sentence(containing: word.range)
            guard sentence.words.contains(where: { ["he", "he's", "she", "she's", "they", "they're", "him", "her"].contains($0.text) }) else { continue }
            return (nil, word.text)
        }
        return nil
    }
    /// "Ms. Ortega", "Sra. Flores": a name written with its honorific.
    static func opensWithHonorific(_ name: String) -> Bool {
        guard let first = name.split(whereSeparator: { $0 == " " || $0 == "." }).first else { return false }
        return NameDetector.honorifics.contains(first.lowercased())
    }
    static let firstPersonWords: Set<String> = ["i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "my", "me", "mine", "myself", "yo", "mi", "mis",
                                                // Portuguese, French, Italian: "vou fazer minha cirurgia", "mon opération", "il mio intervento".
                                                "eu", "minha", "meu", "minhas", "meus", "je", "j'ai", "mon", "moi", "io", "mia", "mio"]

    static let birthWords: Set<String> = ["dob", "d.o.b", "born", "birth", "birthday", "birthdate", "nacimiento", "nació", "nacida", "nacido", "age", "aged", "turns", "turned"]

    /// What lies in the sender's own introduction or signature is the sender: a clinic's name is
    /// `info`; an author's name ("- Dana") is theirs to sign and, beside health words, their own
    /// story (for review, not paired). Returns the spans of such author names.
    private func lowerSender(_ findings: inout [Finding], _ kind: DocumentKind, _ text: WordView) -> [ByteRange] {
        let senders = findings.filter { $0.has(.sender) }.compactMap(\.span?.bytes)
        guard !senders.isEmpty else { return [] }
        let hasHealth = findings.contains { $0.has(.health) }
        // Their own story is told in the first person ("my", "I"); "MRI 2 is down until 2pm — reroute
        // slots to MRI 1. –Dana" is a colleague signing a work message.
        let firstPerson = text.words(in: ByteRange(0, text.bytes.count)).contains { Combinations.firstPersonWords.contains($0.text) }
        var authors: [ByteRange] = []
        for index in findings.indices where findings[index].severity > .info && !findings[index].has(.sender) {
            guard let span = findings[index].span?.bytes, let sender = senders.first(where: { $0.contains(span) }) else { continue }
            // "this is Carmen from Bramblewood Family Medicine" speaks for the practice; "— Dr. Fenn"
            // or "— Ada Fenn, RN" signs as its clinician.
            let titled = text.words(in: sender).contains { Combinations.clinicianTitles.contains($0.text) }
            // "Halden ER: Reminder for...": a name in the organisation's own header is the organisation's.
            let organisation = text.words(in: sender).contains { NameDetector.placeWords.contains($0.text) || Combinations.senderUnits.contains($0.text) }
            let speaksForPractice = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 8))).first.map { ["from", "de", "with", "w", "at"].contains($0.text) } ?? false
                || titled || organisation
            // "this is Kelsey, a 911 dispatcher who's been getting migraines ... She said 'finally'":
            // someone introduced and told of in the third person, not the writer. Judged as anyone.
            if findings[index].category == .name, !firstPerson, !speaksForPractice,
               text.words(in: ByteRange(span.end, text.paragraph(containing: span).end)).contains(where: { WordView.Sentence.thirdPersonWords.contains($0.text) }) {
                continue
            }
            // A colleague signing a message to colleagues ("I have my OWN colonoscopy that Friday lol,
            // can anyone swap? — Meg") tells their own news to people they chose: not a publication.
            if findings[index].category == .name && hasHealth && firstPerson && !speaksForPractice && kind != .message {
                findings[index].conclude(.review, "The author signing their own post beside health words: if it is their own story, confirm they agreed to its publication by the organisation.")
                authors.append(span)
            } else {
                findings[index].conclude(.info, "The sender, as the document introduces or signs itself: not someone it is about.")
            }
        }
        return authors
    }

    /// A name in a list a staff role introduces: "our 2026 Nurses of the Year: Keshia Brown (ICU),
    /// Tomás Duarte (ED) and Lin Yu (Oncology)".
    private func listedAfterRole(_ name: ByteRange, _ roles: SortedSpans, _ colons: [Int], _ text: WordView) -> Bool {
        let sentence = text.sentence(containing: name)
        // A role in the sentence ending at or before the last colon before the name.
        let before = WordView.count(of: colons, below: name.start)
        guard before > 0 else { return false }
        let colon = colons[before - 1]
        return roles.any(inside: ByteRange(sentence.range.start, min(sentence.range.end, colon)))
    }

    /// In a reply the reader is the reviewer. A health or care-contact finding about them — a reader
    /// word ("you", "ur", "your father", "she", "this patient", their name) near it in its sentence —
    /// confirms they are a patient. A sentence that only says the organisation cannot discuss anyone's
    /// care confirms nothing.
    private func replyAboutReader(_ findings: [Finding], _ patientReferences: [Finding], _ text: WordView,
                                  reviewer: String?, askedInGeneral: Bool = false) -> (Finding, String)? {
        // The reviewer's display name, known from the platform's export, names them in the reply even
        // where the name detector would not know it for a name ("glad Zyx's crown fits").
        let reviewerWords = Set((reviewer ?? "").lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 })
        let named = reviewerWords.isEmpty ? [] : text.words(in: ByteRange(0, text.bytes.count))
            .filter { word in reviewerWords.contains(word.text.hasSuffix("'s") ? String(word.text.dropLast(2)) : word.text) }.map(\.range)
        // A staff member named in their role ("Dr. Shah performs vasectomies") is not the reader.
        let roles = findings.compactMap { $0.has(.staffRole) ? $0.span?.bytes : nil }
        let readerNames = findings.filter { $0.category == .name }.compactMap(\.span?.bytes)
            .filter { name in !roles.contains { text.adjacent($0, name) } } + named
        let roleIndex = RangeIndex(roles)
        let animals = findings.compactMap { $0.has(.animal) ? $0.span?.bytes : nil }.sorted { $0.start < $1.start }
        // "As one of our regular patients, you know...", "you're a valued patient": the reader
        // called a patient. One of them, or a patient in the singular; "all our patients" is everyone.
        for reference in patientReferences where reference.category == .patientRelationship {
            guard let span = reference.span?.bytes else { continue }
            let sentence = text.sentence(containing: span)
            if sentence.disclaims(span) || sentence.hypothetical(before: span, within: 4) { continue }
            let words = text.words(in: span).map(\.text)
            let oneOf = sentence.words(before: span.start, count: 2).map(\.text) == ["one", "of"]
            guard oneOf || words.last.map({ ["patient", "client", "resident"].contains($0) }) == true else { continue }
            if let word = sentence.readerWord(near: span, within: 4, secondPersonOnly: true) { return (reference, "\"\(word)\"") }
        }
        for term in findings where term.has(.health) || term.has(.careContact) {
            guard let span = term.span?.bytes else { continue }
            let sentence = text.sentence(containing: span)
            if sentence.disclaims(span) { continue }
            // "We'll pass your kind words on to our emergency department team": the team a message
            // goes to is where staff work, not where the reviewer was treated.
            if sentence.hasWord(of: Combinations.passOnWords, before: span, within: 8),
               Combinations.isWorkplace(term, staffRoles: roleIndex, text)
                || (text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 12))).first.map { Combinations.workNouns.contains($0.text) } ?? false) { continue }
            // "Kelly has worked in our oncology unit for 12 years": where someone works, not a stay.
            // "Our infusion nurses are the best": the kind of care our people give.
            if Combinations.isWorkplace(term, staffRoles: roleIndex, text) { continue }
            // "You're welcome to book a consultation": an offer, not a visit that happened.
            // So is "we hope you visit our health fair"; not "we hope your visit went well".
            let owned = sentence.words(before: span.start, count: 1).last.map { ["your", "ur", "his", "her", "their", "su", "tu"].contains($0.text) } ?? false
            // Not a return ("we'd welcome a second visit", "hope to see you again"): that says there was a first.
            let returning = text.words(in: span).contains { ["second", "next", "again", "back", "return"].contains($0.text) }
            if !term.has(.health), !owned, !returning, sentence.hasWord(of: ["book", "schedule", "welcome", "invite", "invites", "hope", "join"], before: span, within: 4) { continue }
            // "You can also request an appointment online": how anyone asks for one (not "we have no
            // request on file from you").
            if !term.has(.health), !owned, sentence.hasWord(of: ["request"], before: span, within: 4),
               sentence.words(before: span.start, count: 6).contains(where: { ["can", "may", "to", "please"].contains($0.text) }) { continue }
            // "Your dog Max's bloodwork came back normal": an animal's care, told to its owner, is no
            // person's health.
            if animals.contains(where: { sentence.range.contains($0) }) { continue }
            // "Call to book your first appointment", "escríbenos para agendar tu cita": one to be made.
            if !term.has(.health), owned, sentence.words(before: span.start, count: 2).first.map({ Combinations.bookingVerbs.contains($0.text) }) == true { continue }
            // "Our online check-in can save you time", "our telehealth visits": a service of ours
            // offered to anyone, not the reader's visit.
            // Not the reader's own ("your December 3rd telehealth appointment"), nor one offered
            // them once ("we offered you video visits in September").
            if !term.has(.health), let previous = sentence.words(before: span.start, count: 1).last,
               Combinations.serviceModifiers.contains(previous.text),
               !sentence.words(before: span.start, count: 5).contains(where: { ["your", "ur", "su", "tu"].contains($0.text) }),
               sentence.words.contains(where: { ["can", "lets", "available", "anytime", "offer", "offers"].contains($0.text) }) { continue }
            // "especially in flu season": a topic, no one's care.
            if term.has(.health), !term.has(.healthSetting), isTopic(term, text) { continue }
            // "We want every visit to feel respectful": every visit, no one's.
            if !term.has(.health), let previous = sentence.words(before: span.start, count: 1).last,
               Combinations.everyWords.contains(previous.text) { continue }
            // "Call us before your appointment", "if you need a visit", "if you'd like a follow-up": an
            // instruction or an offer to anyone.
            if !term.has(.health), sentence.hypothetical(before: span, within: 4) { continue }
            // "We'd welcome a second visit", "come back in": a return to us, in a reply, is the reviewer's.
            // Not a condition or anyone's ("if symptoms get worse, please come back", "we want families to come back").
            if returning, !term.has(.health) {
                if askedInGeneral || sentence.words.contains(where: { Combinations.notOneVisitWords.contains($0.text) }) { continue }
                return (term, "asked back")
            }
            if let word = sentence.readerWord(near: span, within: 6), !(askedInGeneral && !WordView.Sentence.thirdPersonWords.contains(word)) {
                // "That's Biscuit, our certified therapy dog. He visits Tuesdays only": "he" is the
                // animal introduced before it, with no person named between.
                if WordView.Sentence.thirdPersonWords.contains(word), let animal = animals.last(where: { $0.end <= span.start }),
                   text.paragraph(containing: span).contains(animal), !readerNames.contains(where: { $0.start > animal.end && $0.end <= span.start }) { continue }
                return (term, "\"\(word)\"")
            }
            // "Su hijo necesitaba dos coronas y una pulpotomía", "You were so brave while we numbed
            // the tooth": a sentence whose subject is the reader's relative, or the reader in what
            // happened, is about them however far the care word stands from its opening.
            // Not an invitation to anyone's prevention ("Your son is always welcome at our flu shot clinic").
            if !askedInGeneral, term.has(.health), !term.has(.healthSetting), !isTopic(term, text), !text.isPrevention(term),
               !sentence.hypothetical(before: span, within: 8),
               Combinations.opensAboutReader(sentence.words.prefix(2).map(\.text)) || Combinations.clauseAboutReader(sentence, before: span.start),
               !sentence.words.contains(where: { ["welcome", "invite", "invited", "bienvenido", "bienvenida"].contains($0.text) }) {
                return (term, "the one the sentence is about")
            }
            // "Going from an A1c of 11 to 7.2 in one year is HUGE": a reading reported in a reply to
            // one reader, greeted by name or spoken to, is theirs; a target anyone aims at ("keep
            // your A1c under 7") is advice.
            if !askedInGeneral, term.rule == "health.result", !sentence.hypothetical(before: span, within: 8),
               !readerNames.isEmpty || sentence.words.contains(where: { Combinations.secondPersonWords.contains($0.text) }),
               !sentence.words.contains(where: { Combinations.targetWords.contains($0.text) }) {
                return (term, "a reading of theirs")
            }
            // "your baby's peak of 19.2 was treated promptly with phototherapy": the reviewer's
            // relative, owning what the sentence goes on to tell, however far the care word is.
            if !askedInGeneral, term.has(.health), !term.has(.healthSetting), !sentence.hypothetical(before: span, within: 6),
               sentence.words.indices.contains(where: { index in
                   let words = sentence.words
                   guard index + 1 < words.count, ["your", "ur", "su", "tu"].contains(words[index].text), words[index + 1].range.end <= span.start else { return false }
                   let relative = words[index + 1].text
                   return relative.hasSuffix("'s") || relative.hasSuffix("’s")
                       ? ConsentCoverage.relations[String(relative.dropLast(2))] != nil : false
               }) {
                return (term, "their relative's")
            }
            // "The implant was placed exactly per the plan you signed": care told with "the", in a
            // sentence spoken to the reviewer, is theirs.
            if !askedInGeneral, term.has(.health), !term.has(.healthSetting), sentence.words(before: span.start, count: 1).last?.text == "the",
               !sentence.hypothetical(before: span, within: 6),
               sentence.words.contains(where: { Combinations.secondPersonWords.contains($0.text) }) {
                return (term, "the one spoken to")
            }
            // "The x-rays showed six cavities", "the c-section was done because the heart rate
            // dropped": care told with "the" in a sentence of what happened, in a reply, is the
            // reviewer's own visit told back. Not how care goes for anyone ("the flu shot takes a
            // minute"), nor any counted or general occasion ("the flu cases rose across the county").
            if !askedInGeneral, term.has(.health), !term.has(.healthSetting), sentence.words(before: span.start, count: 1).last?.text == "the",
               !sentence.hypothetical(before: span, within: 6), sentence.tellsPast(after: span),
               !sentence.words.contains(where: { Combinations.generalOccasionWords.contains($0.text) || Combinations.everyWords.contains($0.text) }) {
                return (term, "what happened, told back")
            }
            // "Glad the stitches came out cleanly last week!": health at a particular past time, in a
            // reply, is the reviewer's own visit.
            // Not a count or a season ("flu cases rose last month across the county").
            if term.has(.health), !term.has(.healthSetting),
               sentence.tellsPastOccasion || sentence.pointsBackAtOccasion && sentence.words.contains(where: { Combinations.secondPersonWords.contains($0.text) }),
               !sentence.words.contains(where: { Combinations.generalOccasionWords.contains($0.text) }) {
                return (term, "a particular time")
            }
            // "Hard to believe it's been a year since that emergency C-section!": time counted since
            // one particular occasion of care, in a reply, is the reviewer's.
            if term.has(.health), !term.has(.healthSetting),
               let since = sentence.words(before: span.start, count: 4).lastIndex(where: { ["since", "desde"].contains($0.text) }),
               sentence.words(before: span.start, count: 4)[(since + 1)...].first.map({ ["that", "your", "ur", "su", "tu", "aquella", "aquel"].contains($0.text) }) == true {
                return (term, "a particular time")
            }
            // "Glad the root canal went smoothly!": gladness at how a procedure went is the reviewer's own.
            if term.has(.health), !term.has(.healthSetting), sentence.gladOutcome(of: span) { return (term, "how their care went") }
            // "Congrats on getting through that second C-section!": the reviewer congratulated on their own care.
            if term.has(.health) || term.has(.careContact), sentence.congratulatesOn(span) { return (term, "congratulated on it") }
            // "the MRI we ordered came back normal": what we did in someone's care, told to the reviewer.
            if term.has(.health), !term.has(.healthSetting), sentence.ourCareAct(near: span, within: 5) { return (term, "what we did in their care") }
            // An imperative speaks to the reader without naming them: "Come see me Thursday".
            if term.has(.careContact), let first = sentence.words.first, first.range.start == span.start,
               WordView.imperatives.contains(first.text) { return (term, "asked to come in") }
            if patientReferences.contains(where: { $0.span.map { sentence.range.contains($0.bytes) } ?? false }) {
                return (term, "called a patient")
            }
            if readerNames.contains(where: { sentence.range.contains($0) }) { return (term, "named") }
        }
        return nil
    }

    /// A person's own telling of their health in public, as the combinations conclude it: the rules
    /// have judged that health theirs to share, and the second reader does not read it again.
    static let publicFigureOwnTelling = "A public figure named in their public role, telling of their own health in public: theirs to share, not a record of care here."
    static let ownPublicTelling = "Someone who told of their own health in public (an announcement, an interview): theirs to share, not a record of care here."

    /// Words that make a return anyone's, or an event's rather than a visit's: "if symptoms get worse,
    /// come back", "we want families to come back", "see you back at the fair".
    static let notOneVisitWords: Set<String> = ["if", "si", "whenever", "anytime", "families", "everyone", "anyone", "patients", "people", "parents",
                                                "fair", "event", "booth", "5k", "walk", "gala", "party", "post", "page", "festival", "class",
                                                "seminar", "webinar", "tour", "open", "house", "lunch", "dinner", "meeting"]
    /// Words that say the person asked for, or agreed to, their news being shared.
    static let permissionNouns: Set<String> = ["request", "permission", "blessing", "consent", "ok'd", "okayed", "asked", "wishes", "permiso", "autorización"]
    /// Words between a person and a specially protected term that put them in its care: "on our
    /// methadone clinic list", "completing our treatment program for".
    static let careReceiptWords: Set<String> = ["list", "roster", "treatment", "program", "programme", "completing", "completed", "diagnosed",
                                                "enrolled", "admitted", "detox", "rehab", "treated", "seen", "tratamiento", "programa", "lista"]
    /// Plural people whose care a sentence may tell after someone's name: "our review of 900 adults treated for".
    static let peopleNouns: Set<String> = ["adults", "patients", "people", "children", "kids", "teens", "veterans", "clients", "members",
                                           "families", "women", "men", "residents", "students", "participants", "survivors", "others", "pacientes", "personas"]
    /// Verbs of someone's work at a place of care: "runs our methadone clinic", "volunteers in detox".
    static let workVerbs: Set<String> = ["works", "worked", "working", "runs", "ran", "leads", "led", "directs", "directed", "manages", "managed",
                                         "staffs", "coordinates", "oversees", "teaches", "taught", "volunteers", "volunteered", "joined", "joins",
                                         "specializes", "specialises", "offers", "provides", "prescribes", "treats", "counsels", "founded", "heads",
                                         "supervises", "launched", "started", "built", "opened", "trabaja", "dirige", "coordina",
                                         // What they are honoured for: "for building our medication-assisted treatment program".
                                         "building", "founding", "launching", "creating", "created", "developing", "developed",
                                         "establishing", "established", "expanding", "expanded", "leading", "running", "designing", "designed",
                                         // An interpreter's or a chaplain's work: "has interpreted in oncology and psychiatry for 8 years".
                                         "interprets", "interpreted", "interpreting", "translates", "translated", "serves", "served", "serving"]

    /// Whether a name opens what follows the greeting ("Hi Ms. Carter, Noah came…"): a comma right
    /// before it, and before that a greeting word or a title within four words.
    static func opensAfterGreeting(_ span: ByteRange, _ text: WordView) -> Bool {
        var at = span.start
        while at > 0, text.bytes[at - 1] == 0x20 { at -= 1 }
        guard at > 0, text.bytes[at - 1] == UInt8(ascii: ",") else { return false }
        let before = text.words(in: ByteRange(max(0, at - 40), at)).suffix(4)
        return before.contains { WordView.greetings.contains($0.text) || NameDetector.honorifics.contains($0.text) }
    }

    /// Words that make a reading a target or a range rather than someone's value.
    static let targetWords: Set<String> = ["goal", "goals", "target", "targets", "aim", "under", "below", "above", "less", "more",
                                           "should", "range", "recommended", "ideal", "meta", "menos", "debajo"]

    /// Whether a sentence opens on the reader's relative ("your son", "su hijo", "your mom's") or on
    /// the reader in what happened ("you were", "you had", "you needed").
    static func opensAboutReader(_ words: [String]) -> Bool {
        guard words.count >= 2 else { return false }
        if ["your", "ur", "su", "tu"].contains(words[0]) {
            let relative = words[1].hasSuffix("'s") || words[1].hasSuffix("’s") ? String(words[1].dropLast(2)) : words[1]
            return ConsentCoverage.relations[relative] != nil
        }
        return ["you", "u", "usted"].contains(words[0]) && Combinations.readerPastVerbs.contains(words[1])
    }

    /// A clause inside the sentence, before the term, that opens on the reader in what happened:
    /// "Dr. Brandt documented that you had a difficult airway and needed intubation".
    static func clauseAboutReader(_ sentence: WordView.Sentence, before offset: Int) -> Bool {
        let words = sentence.words.prefix { $0.range.end <= offset }.map(\.text)
        guard words.count >= 3 else { return false }
        return (0..<(words.count - 2)).contains { i in
            clauseOpeners.contains(words[i]) && opensAboutReader(Array(words[(i + 1)...(i + 2)]))
        }
    }
    static let clauseOpeners: Set<String> = ["that", "because", "since", "when", "as", "que", "porque", "cuando"]

    /// Past verbs after "you" that tell what happened to the reader.
    static let readerPastVerbs: Set<String> = ["were", "had", "got", "needed", "came", "went", "left", "received", "underwent",
                                               "tested", "arrived", "asked", "requested", "declined", "refused", "chose", "necesitó", "tuvo", "llegó", "recibió"]

    static let secondPersonWords: Set<String> = ["you", "your", "u", "ur", "you're", "youre", "you've", "you'd", "you'll", "usted", "tu", "su"]
    /// Verbs that make an appointment still to come: "book your first appointment", "agendar tu cita".
    static let bookingVerbs: Set<String> = ["book", "schedule", "make", "request", "plan", "agendar", "programar", "reservar", "pedir", "solicitar", "sacar", "hacer"]

    /// A clinician's post, whose "of" names their field: "chief of surgery".
    static let postWords: Set<String> = ["chief", "chair", "head", "department", "director", "professor", "division", "dean", "service", "school"]
    /// What a class does with a term: "Learn hands-only CPR".
    static let learningWords: Set<String> = ["learn", "learning", "practice", "practise"]
    /// Words that put someone in a unit as its patient: "admitted to inpatient psych".
    static let admissionWords: Set<String> = ["admitted", "committed", "transferred", "placed"]
    /// Career words before a department: "20 years in Radiology".
    static let careerWords: Set<String> = ["years", "yrs", "decades", "anniversary"]
    static let careerPrepositions: Set<String> = ["in", "at", "on", "with"]
    /// Words that make a reply's past occasion everyone's: "flu cases rose last month across the county".
    static let generalOccasionWords: Set<String> = ["cases", "rates", "season", "patients", "everyone", "many", "outbreak", "county", "community", "numbers", "people", "families", "kids", "children"]
    /// Quantifiers that make a visit anyone's: "every visit".
    static let everyWords: Set<String> = ["every", "each", "any", "all"]

    /// Someone besides the staff member a sentence tells of: their age or time is not the staff member's.
    static let otherPersonNouns: Set<String> = [
        "client", "clients", "patient", "patients", "pt", "resident", "residents", "customer", "veteran", "man", "woman", "lady",
        "gentleman", "guy", "boy", "girl", "kid", "baby", "child", "son", "daughter", "mother", "father", "mom", "dad", "grandmother", "grandfather",
    ]

    /// Units a sender's header may end in beside the place words: "Halden ER:", "Pine County EMS:".
    static let senderUnits: Set<String> = ["er", "ed", "ems", "lab", "labs", "imaging", "fertility", "therapy", "rehab", "hospice", "vision", "surgery", "hearing", "nicu", "icu", "picu"]

    /// Whether opening hours follow a date: ", 10am–2pm", " from 9 to 11 a.m.", " 6-8 pm".
    static func hoursFollow(_ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end < bytes.count else { return false }
        let after = ByteText.substring(bytes, ByteRange(end, min(bytes.count, end + 32)))
        return after.firstMatch(of: Combinations.hoursPattern) != nil
    }
    nonisolated(unsafe) static let hoursPattern = /^[,:]?\s*(?:from\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:–|-|to)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)/.ignoresCase()

    /// Care only ever given to someone else: whoever starts it is the rescuer ("nurses Hattie Crum and
    /// Luis Ortega started CPR").
    static let rescueTerms: Set<String> = ["cpr", "chest compressions", "compressions", "rescue breaths", "the heimlich", "heimlich"]
    /// (Who began it is told by the words consent stories already read as aid given: "started",
    /// "began", "gave", "performed", "did".)
    static func rescues(_ term: ByteRange, after name: ByteRange, _ text: WordView) -> Bool {
        term.start >= name.end && rescueTerms.contains(ByteText.substring(text.bytes, term).lowercased())
            && text.words(in: ByteRange(name.end, term.start)).contains { ConsentCoverage.Reader.aidVerbs.contains($0.text) }
    }
    /// What a clinician does to a patient's care: after them, "her medications" is the patient's.
    static let careActionWords: Set<String> = [
        "performed", "perform", "performs", "performing", "administered", "administer", "administers", "administering",
        "adjust", "adjusted", "adjusting", "change", "changed", "changing", "increase", "increased", "decrease", "decreased",
        "stop", "stopped", "prescribe", "prescribed", "prescribing", "review", "reviewed", "reviewing", "order", "ordered",
        "refill", "refilled", "renew", "renewed", "discuss", "discussed", "explain", "explained", "check", "checked",
        "manage", "managed", "monitor", "monitored", "filled", "fill", "dispensed", "taper", "tapered", "update", "updated",
    ]

    /// Words that make someone's own telling a public one: where it was told, or that it was told to all.
    static let publicTellingWords: Set<String> = [
        "own", "publicly", "announced", "revealed", "newspaper", "essay", "memoir", "op-ed", "podcast", "interview",
        "television", "tv", "broadcast", "documentary", "instagram", "press", "conference", "reporters", "statement",
        "públicamente", "publicamente", "entrevista", "documental", "televisión", "television", "radio", "libro", "columna",
    ]

    /// A health term whose paragraph describes one person (a person word: he, she, the man, a
    /// toddler, an age) with two kinds of detail (age, occupation, place, event, time). Two kinds, not
    /// one: "a 40-year-old with asthma" alone describes thousands; "a 40-year-old teacher from
    /// Millbrook" or "the bus driver hurt in this morning's pileup" describes someone. The bar falls
    /// with the harm: for specially protected information (an STI, an eating disorder, a pregnancy
    /// loss) one detail beside a person word is enough ("the cashier at the Kroger ... lost her
    /// baby"), as those who know her need no more.
    /// Whether health is the writer's own family's, said so: "My mom's having her gallbladder out"
    /// (not "my client", who is a patient).
    static func writersFamilyOwns(_ term: Finding, _ text: WordView, names: RangeIndex) -> Bool {
        guard let span = term.span?.bytes, text.speakerOwns(span, names: names) else { return false }
        let words = text.sentence(of: term).words.map { $0.text.replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "") }
        return words.indices.dropLast().contains { index in
            ["my", "mi", "our"].contains(words[index]) && ConsentCoverage.relations[words[index + 1]] != nil
        }
    }

    /// Messaging apps of social platforms, which carry a patient's results outside the organisation's own channels.
    static let consumerMessagingChannels: Set<String> = ["whatsapp", "facebook", "messenger", "instagram", "x", "telegram", "signal", "snapchat", "tiktok", "linkedin"]

    /// Verbs that ask the reader to find someone for a role: "you'll need a driver".
    static let requestVerbs: Set<String> = ["need", "needs", "bring", "arrange", "hire", "find", "call", "have", "want", "request", "necesita", "traiga"]

    /// Words that hint a message went astray or is taken back ("please ignore", "my mistake"): enough
    /// to keep a result for review. `WordView.saysMisdirected` is the plain statement that blocks.
    static let misdirectionWords: Set<String> = ["wrong", "different", "ignore", "mistake", "misdirected", "equivocado", "equivocada", "equivocación"]

    /// Words in a quoted label that are no one's name ("'Baby Boy VASQUEZ'", "'Happy Nurses Week'").
    static let labelWords: Set<String> = ["baby", "boy", "girl", "happy", "welcome", "the", "our", "room", "bed", "rm", "dob", "mrn",
                                          "patient", "name", "week", "day", "unit", "and", "for", "with", "nurses", "team", "thank", "you",
                                          "npo", "dnr", "icu", "nicu", "picu", "exam", "lab", "fall", "risk", "isolation"]

    /// Whether a quoted stretch of `bytes[range]` holds a name: one of `names`; a word in capitals of
    /// three or more letters that is no label word ("'GARZA'"); or a capitalised first name or
    /// surname of the lists that is no everyday word ("'LDR1 Alvarez'", not "'Exam Room'"). A
    /// straight or curly single quote opens after a non-letter and closes before one (so "Tony's"
    /// is no quote).
    static func quotesName(in range: ByteRange, _ bytes: UnsafeBufferPointer<UInt8>, names: [ByteRange], lists: NameLists) -> Bool {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
        // Quote marks at each position: (length, can open, can close).
        func quote(at i: Int) -> (length: Int, opens: Bool, closes: Bool)? {
            let before = i > range.start ? bytes[i - 1] : 0x20
            if bytes[i] == 0x22 { return (1, true, true) }
            if bytes[i] == 0x27 {
                let after = i + 1 < range.end ? bytes[i + 1] : 0x20
                return (1, !isLetter(before), !isLetter(after))
            }
            guard i + 2 < range.end, bytes[i] == 0xE2, bytes[i + 1] == 0x80 else { return nil }
            switch bytes[i + 2] {
            case 0x9C, 0x98: return (3, true, false)
            case 0x9D: return (3, false, true)
            case 0x99:
                let after = i + 3 < range.end ? bytes[i + 3] : 0x20
                return (3, false, !isLetter(after))
            default: return nil
            }
        }
        var i = range.start, open: Int?
        while i < range.end {
            guard let mark = quote(at: i) else { i += 1; continue }
            if let start = open, mark.closes {
                let inside = ByteRange(start, i)
                if names.contains(where: { inside.contains($0) }) { return true }
                var word = inside.start
                while word < inside.end {
                    while word < inside.end, !isLetter(bytes[word]) { word += 1 }
                    var end = word
                    while end < inside.end, isLetter(bytes[end]) { end += 1 }
                    if end - word >= 3, bytes[word] >= 0x41, bytes[word] <= 0x5A, end == inside.end || !(0x30...0x39).contains(bytes[end]) {
                        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[word..<end]), as: UTF8.self).lowercased()
                        let allCaps = bytes[(word + 1)..<end].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
                        let bits = lists.bits(key)
                        if !labelWords.contains(key),
                           allCaps || (bits & (NameLists.first | NameLists.surname) != 0 && bits & NameLists.common == 0) { return true }
                    }
                    word = end
                }
                open = nil
            } else if mark.opens {
                open = i + mark.length
            }
            i += mark.length
        }
        return false
    }

    /// Whether `span` starts with a capital and stands between capitalised words ("Sallow Creek
    /// Farmers Market"), as a word of a proper name does.
    static func insideCapitalisedName(_ span: ByteRange, _ text: WordView) -> Bool {
        let bytes = text.bytes
        guard span.start < bytes.count, (0x41...0x5A).contains(bytes[span.start]) else { return false }
        func capitalised(_ word: (text: String, range: ByteRange)?) -> Bool { word.map { (0x41...0x5A).contains(bytes[$0.range.start]) } ?? false }
        let before = text.words(in: ByteRange(max(0, span.start - 24), span.start)).last
        let after = text.words(in: ByteRange(span.end, min(bytes.count, span.end + 24))).first { $0.range.start > span.end || $0.text.count > 2 }
        return capitalised(before) && before.map({ span.start - $0.range.end <= 1 }) == true
            && capitalised(after) && after.map({ $0.range.start - span.end <= 3 }) == true
    }

    /// The paragraphs that send their care to a vet (`policy.animal.vet`).
    static func veterinaryParagraphs(_ findings: [Finding], _ text: WordView) -> [ByteRange] {
        findings.compactMap { $0.rule == "policy.animal.vet" ? $0.span.map { text.paragraph(containing: $0.bytes) } : nil }
    }

    private func describedPerson(_ health: [Finding], _ quasi: [Finding], _ text: WordView, named: [ByteRange] = [], animals: [ByteRange] = []) -> (Finding, [Finding])? {
        let occupations = SortedSpans(quasi.filter { $0.has(.quasiOccupation) }.compactMap(\.span?.bytes))
        let named = SortedSpans(named)
        // The details of each scope, found among those sorted by start.
        // A person described where they tell of their own health in public ("a famous actress wrote
        // in a newspaper about her BRCA1 result") describes no patient, in that sentence or beside it.
        let details = quasi.compactMap { detail in detail.span.map { (start: $0.bytes.start, end: $0.bytes.end, detail: detail) } }
            .filter { detail in
                // The described person is who tells: before the telling verb ("the mpox case the county
                // announced is the bartender at ..." is the county telling).
                guard detail.detail.has(.quasiOccupation) else { return true }
                let sentence = text.sentence(containing: ByteRange(detail.start, detail.end))
                guard !sentence.namesOurCarePlace,
                      sentence.tellsPublicly || sentence.words.contains(where: { Combinations.publicTellingWords.contains($0.text) }),
                      let verb = sentence.words.first(where: { WordView.Sentence.speakingWords.contains($0.text) || $0.text == "public" })
                else { return true }
                return verb.range.start < detail.end
            }
            .sorted { $0.start < $1.start }
        let detailStarts = details.map(\.start)
        var nearby: [ByteRange: (details: [Finding], kinds: Set<Role>)] = [:]
        // Asked once per paragraph (or sentence), not once per health term in it.
        var singled: [ByteRange: Bool] = [:], personWords: [ByteRange: Bool] = [:]
        for term in health {
            guard let span = term.span?.bytes else { continue }
            // A unit or clinic is about a person only in that person's own sentence ("our new
            // behavioral health unit" at a ribbon-cutting is nobody's condition).
            // Unless a person is in it: "she's been on our psych unit since monday".
            let sentence = text.sentence(containing: span)
            // "if a dog bites you, wash the wound": what could happen to anyone.
            if sentence.hypothetical(before: span, within: 4), sentence.readerWord(near: span, within: 2, secondPersonOnly: true) != nil { continue }
            // "no, I can't diagnose that influencer with NPD from a clip": a diagnosis refused is none.
            if sentence.refusesDiagnosis { continue }
            // "a well-known singer shared her own kidney transplant story": their own public telling,
            // not a record of care here.
            // "the governor, for going public about her colonoscopy", "a famous actress wrote in a
            // newspaper about her BRCA1 result": the same, in public.
            // Not an authority's announcement ("the mpox case the county announced is the bartender at
            // the Rusty Anchor"): that tells of someone else.
            if sentence.tellsPublicly || (sentence.speaksForThemselves && sentence.words.contains(where: { Combinations.publicTellingWords.contains($0.text) })),
               !sentence.namesOurCarePlace, !sentence.here(after: span, within: 4), !sentence.authorityTells { continue }
            let scope = term.has(.healthSetting) && !sentence.hasThirdPersonPronoun ? sentence.range : text.paragraph(containing: span)
            let (near, kinds) = nearby[scope] ?? {
                var found: [Finding] = []
                var index = WordView.count(of: detailStarts, below: scope.start)
                while index < details.count, details[index].start < scope.end {
                    if details[index].end <= scope.end { found.append(details[index].detail) }
                    index += 1
                }
                WorkMeter.current?.count(found.count)
                // One of our own people ("one of the charge nurses") counts only with their own care, below.
                return (found, Set(found.filter { $0.rule != "policy.quasi.colleague" }.flatMap { $0.entry.roles.filter(\.isQuasiIdentifier) }))
            }()
            nearby[scope] = (near, kinds)
            guard !kinds.isEmpty || near.contains(where: { $0.rule == "policy.quasi.colleague" }) else { continue }
            // "Get well soon, Biscuit! Our therapy dog had knee surgery on Monday": an animal's story,
            // with no person described by age or job, describes no person.
            // (Not a person described beside their dog: "the older gentleman who walks his dachshund".)
            if animals.contains(where: { scope.contains($0) }), !kinds.contains(.quasiAge), !kinds.contains(.quasiOccupation),
               !text.words(in: scope).contains(where: { WordView.singledNouns.contains($0.text) }) { continue }
            let personWord = personWords[scope] ?? text.hasPersonWord(in: scope, besides: named)
            personWords[scope] = personWord
            // One detail is enough when the text points at one particular person ("the guy who runs
            // the only tow truck in Milbury Falls"), or when the harm is high and a person is meant.
            // A flu shot is the least of what a description can reveal: one detail is not enough for it.
            // (The scope holds the term's sentence, so a pointer there is found in it.)
            if !kinds.isEmpty, !text.isPrevention(term) {
                // After a named event, "the teenage boy" needs no "who" or "from": he is the one it
                // happened to ("the fireworks accident at the county fair: the teenage boy is in surgery").
                let one = singled[scope] ?? text.singlesOutOnePerson(in: scope, occupations: occupations, afterEvent: kinds.contains(.quasiEvent))
                singled[scope] = one
                if one { return (term, near) }
            }
            if kinds.count == 1, isHighlySensitive(term), personWord { return (term, near) }
            // "One of the charge nurses on our unit got admitted": one of a known few.
            // Their own care (admitted, a specially protected condition), not a subject they work on.
            if !text.isPrevention(term), !isTopic(term, text), isHighlySensitive(term) || term.rule.hasPrefix("health.care-event"),
               near.contains(where: { $0.rule == "policy.quasi.colleague" }) { return (term, near) }
            // A jersey or a bib number is one person already: "Bib #4471 went down with chest pain".
            if near.contains(where: { $0.rule == "policy.quasi.jersey" }), !text.isPrevention(term) { return (term, near) }
            // A street is part of an address (45 CFR 164.514(b)(2)(i)(B)): "my lady on Larch Street
            // hides her insulin" points at one household, as a town does not.
            if kinds == [.quasiPlace], personWord, !text.isPrevention(term), near.contains(where: Self.isStreet) { return (term, near) }
            guard kinds.count >= 2 else { continue }
            if kinds.contains(.quasiAge) || kinds.contains(.quasiOccupation) || personWord { return (term, near) }
        }
        return nil
    }

    /// Health information whose owner is a relative named by a relation noun ("her husband", "ur
    /// cousin's wife"), not the sender's own family ("my mom", "our son").
    private func relativesHealth(_ health: [Finding], names: [ByteRange], _ bytes: UnsafeBufferPointer<UInt8>, senderSpeaks: Bool = false,
                                 readerIsParent: Bool = false) -> (Finding, String)? {
        let reader = ConsentCoverage.Reader(bytes, names: names)
        let text = WordView(bytes)
        let keptSecret = text.asksToKeepSecret
        for term in health {
            guard let span = term.span?.bytes,
                  case .other(let relation) = reader.owner(of: span) else { continue }
            // A place of care is someone's only when they are placed in it ("saw your dad at the
            // cardiology clinic today", "your mom was in the ER"), not where they work.
            if term.has(.healthSetting) {
                let sentence = text.sentence(containing: span)
                guard ["your", "ur", "tu", "su"].contains(relation.split(separator: " ").first.map(String.init) ?? ""),
                      sentence.words(before: span.start, count: 3).contains(where: { ["at", "in", "into", "to", "en", "a"].contains($0.text) }),
                      !sentence.words.contains(where: { Combinations.workVerbs.contains($0.text) || ["work", "job", "shift", "trabajo"].contains($0.text) }) else { continue }
            }
            let first = relation.split(separator: " ").first.map(String.init) ?? ""
            if ["my", "our", "mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras"].contains(first) { continue }
            // "this is Nurse Paula at Lincoln Elementary ... your child's inhaler expires next month":
            // the parent told of their own minor child, whose care they speak for (45 CFR 164.502(g)).
            // Not care a minor may consent to alone (sexual health, pregnancy, mental health, substance
            // use: the parent is not their representative for it, 45 CFR 164.502(g)(3)), nor a child
            // whose age says adult ("your son Aaron (he's 26)"), nor one the reader is asked to keep
            // it from ("don't tell him we told you").
            let parentMayKnow = !term.has(.healthHighSensitivity) && !text.saysAdult(near: span) && !keptSecret
            if ["your", "tu", "su"].contains(first), let noun = relation.split(separator: " ").last,
               Combinations.minorRelations.contains(String(noun)), senderSpeaks, parentMayKnow { continue }
            // "Hola, mamá de Sebastián! ... el checkup de Sebastián": the greeting says the reader is the child's parent.
            if readerIsParent, parentMayKnow, let noun = relation.split(separator: " ").last, Combinations.minorRelations.contains(String(noun)) { continue }
            // "Bring a friend in recovery", "anyone else's kid have strep rn??": anyone's, no one in particular.
            if ["a", "an", "any", "every", "un", "una", "cualquier"].contains(first) { continue }
            let lead = text.words(in: ByteRange(max(0, span.start - 60), span.start)).map(\.text)
            if let at = lead.lastIndex(of: relation.split(separator: " ").last.map(String.init) ?? relation), at > 0,
               ["anyone's", "anybody's", "everyone's", "someone's", "somebody's", "else's"].contains(lead[at - 1]) { continue }
            // "a warm welcome to child psychiatrist Dr. Singh": the relation names whom the job treats.
            if let last = text.words(in: span).last, Combinations.professionNouns.contains(last.text),
               let before = text.words(in: ByteRange(max(0, span.start - 16), span.start)).last,
               relation.hasSuffix(before.text), span.start - before.range.end <= 1 { continue }
            return (term, relation)
        }
        return nil
    }

    /// The relative a review is written about ("wonderful to my daughter", "mi hijo estuvo en su
    /// programa"): "my" or "mi" then a relation noun, with the name the review gives them if it
    /// does ("my husband Ron"), lower-cased as `SubjectMatch.tokens` gives it.
    static func relativeReviewedFor(_ review: String?) -> (relation: String, name: String?)? {
        guard var text = review, !text.isEmpty else { return nil }
        return text.withUTF8 { bytes -> (String, String?)? in
            let words = WordView(bytes).words(in: ByteRange(0, bytes.count))
            for index in words.indices.dropLast() where ["my", "mi", "our"].contains(words[index].text) {
                let relative = words[index + 1].text
                guard ConsentCoverage.relations[relative] != nil, !["friend", "friends", "neighbor", "neighbour"].contains(relative) else { continue }
                let next = index + 2 < words.count ? words[index + 2] : nil
                let named = next.flatMap { word in (0x41...0x5A).contains(bytes[word.range.start]) ? SubjectMatch.tokens(word.text).first : nil }
                return (relative, named)
            }
            return nil
        }
    }

    /// Words that make a visit a service offered: "online check-in", "telehealth visits".
    static let serviceModifiers: Set<String> = ["online", "virtual", "telehealth", "video", "same-day", "walk-in", "express", "mobile", "self"]

    static let professionNouns: Set<String> = ["psychiatrist", "psychiatrists", "psychologist", "psychologists", "therapist", "therapists",
                                              "pediatrician", "doctor", "doctors", "nurse", "nurses", "counselor", "counsellor", "counselors",
                                              "specialist", "specialists", "dentist", "physician", "psiquiatra", "psicólogo", "psicóloga"]
    static let minorRelations: Set<String> = ["child", "son", "daughter", "kid", "baby", "toddler", "teen", "student", "hijo", "hija", "niño", "niña", "bebé"]
    static let recordRequestWords: Set<String> = ["pull", "print", "fax", "forward", "scan", "copy", "screenshot", "pic", "photo", "pásame", "pasame", "mándame", "mandame"]
    /// Verbs of a visit its subject had: "had an appointment", "missed a checkup".
    static let hadVerbs: Set<String> = ["had", "finished", "completed", "missed", "tuvo"]
    static let pastVisitVerbs: Set<String> = ["had", "did", "finished", "completed", "missed", "tuvo", "terminó"]

    /// A message about a visit and nothing clinical (a checkup, an appointment, the clinic's name),
    /// addressed to its reader: every health finding is a care contact, a care setting or a
    /// preventive service, none specially protected.
    private func isRoutineReminder(_ findings: [Finding], _ health: [Finding], _ text: WordView) -> Bool {
        let contacts = findings.filter { $0.has(.careContact) }.compactMap(\.span?.bytes)
        // A visit with no health word at all ("Eli has an appointment with Dr. Park on Dec 4. Reply C
        // to confirm.") is the plainest reminder.
        guard !contacts.isEmpty else { return false }
        // A reminder is of a visit to come, told to the person who keeps it: "guess who came into
        // our clinic today" is neither.
        if text.hasTeaser(in: ByteRange(0, text.bytes.count)) { return false }
        if findings.contains(where: { $0.rule == "policy.arrival-here" }) { return false }
        // Nor a report that someone was in, or is a patient: "phil was in this morning for the treadmill thing".
        if findings.contains(where: { $0.rule == "policy.patient-reference" }) { return false }
        // Nor a request for someone's record: "can you pull Dolores Vega's chart and text me a pic?".
        if contacts.contains(where: { contact in
            text.sentence(containing: contact).words.contains { Combinations.recordRequestWords.contains($0.text) }
        }) { return false }
        // Nor one the reader is asked to pass on to someone outside the family: "can you tell your
        // roommate Jake his crown is ready". A family brings its own (45 CFR 164.510(b)); a
        // roommate, a coworker or a neighbour learns of someone else's care.
        if text.asksToTellNonFamily { return false }
        // Nor one told to an employer or a school: a note for work is not a reminder to the family.
        if text.excusesFromWorkOrSchool { return false }
        // Nor one sent to a group: "[sent to group text 'Tran Family'] Hi Angela, confirming your
        // colposcopy follow-up" tells everyone in the group.
        if text.words(in: ByteRange(0, text.bytes.count)).prefix(12).contains(where: { WordView.groupWords.contains($0.text) }) { return false }
        // Nor of one already had: "your ex-wife Carla had her procedure with us on Friday".
        // (Past a possessive or an article: "she missed her appointment with us again today".)
        if contacts.contains(where: { contact in
            let before = text.words(in: ByteRange(max(0, contact.start - 20), contact.start)).map(\.text)
            let verb = before.last.map { ["her", "his", "their", "the", "a", "an", "su", "sus"].contains($0) } == true ? before.dropLast().last : before.last
            return verb.map { Combinations.pastVisitVerbs.contains($0) } ?? false
        }) { return false }
        // Nor news of care that has happened: "Amber went home last night, her surgery went fine".
        if health.contains(where: { term in term.span.map { text.sentence(containing: $0.bytes).tellsPastOccasion } ?? false }) { return false }
        let routine = health.allSatisfy { term in
            guard !term.has(.healthHighSensitivity), let span = term.span?.bytes else { return false }
            // "Amara's asthma follow-up", "his diabetes check": a condition that names the visit
            // it is reminded of, as the family booked it.
            if contacts.contains(where: { $0.start >= span.end && $0.start - span.end <= 1 }) { return true }
            guard !term.has(.healthClinical) else { return false }
            return term.has(.healthSetting) || text.isPrevention(term) || contacts.contains { $0.start < span.end && span.start < $0.end }
        }
        guard routine else { return false }
        let words = text.words(in: ByteRange(0, text.bytes.count)).map(\.text)
        // Sent to someone: spoken to ("you", "please reply"), or a reminder greeting them by name.
        let greeted = findings.contains { $0.category == .name && text.isGreeted($0) }
        return words.contains { WordView.Sentence.readerWords.contains($0) || ["please", "reply", "confirm", "reschedule"].contains($0) }
            || greeted && words.contains { ["reminder", "recordatorio", "reminding", "recordamos", "recuerda"].contains($0) }
    }

    /// Health information in the sentence of a pointer at one patient ("the pt", "my patient",
    /// "this resident"): a post recounting one visit. "A patient" is anyone, and "patients" everyone.
    /// "client update", "pt update": the heading of news about one person in care.
    static func isUpdateOnOne(_ words: [String]) -> Bool {
        words.count >= 2 && words[words.count - 1] == "update" && ["client", "patient", "pt"].contains(words[words.count - 2])
    }

    private func recountedEncounter(_ health: [Finding], _ references: [Finding], _ text: WordView) -> (Finding, Finding)? {
        let pointers = references.filter { reference in
            guard let span = reference.span?.bytes else { return false }
            let words = text.words(in: span).map(\.text)
            // "my 10am": a slot in the day is one patient too.
            guard let first = words.first, let last = words.last else { return false }
            // "client update 🙏 S. is at Wrenfield now, 6cm": the update heads news of one person.
            if Combinations.isUpdateOnOne(words) { return true }
            guard ["patient", "pt", "resident", "client"].contains(last) || Combinations.isTimeSlot(words.dropFirst()) else { return false }
            // "Just had a patient tell me…", "saw a pt today who…": one particular patient met.
            let met = first == "a" && text.words(in: ByteRange(max(0, span.start - 16), span.start)).last.map { Combinations.encounterVerbs.contains($0.text) } == true
            // "another patient ... a teenager who had to be restrained": one other patient.
            guard ["the", "my", "this", "that", "our", "another"].contains(first) || met else { return false }
            let next = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 24))).first?.text ?? ""
            return !Combinations.patientCompounds.contains(next)
        }
        guard !pointers.isEmpty else { return nil }
        // The pointer's sentence, and the next when it goes on about the same person ("She's 34 and on
        // home oxygen.").
        let scopes: [(ByteRange, Finding)] = pointers.flatMap { pointer -> [(ByteRange, Finding)] in
            guard let span = pointer.span?.bytes else { return [] }
            // An update's news runs to the end of its paragraph.
            if Combinations.isUpdateOnOne(text.words(in: span).map(\.text)) { return [(text.paragraph(containing: span), pointer)] }
            let sentence = text.sentence(containing: span).range
            var scopes = [(sentence, pointer)]
            if sentence.end + 1 < text.bytes.count {
                let next = text.sentence(containing: ByteRange(sentence.end + 1, sentence.end + 1)).range
                if let first = text.words(in: next).first?.text, Combinations.continuingPronouns.contains(first) { scopes.append((next, pointer)) }
            }
            return scopes
        }
        for term in health where !term.has(.healthSetting) {
            guard let span = term.span?.bytes else { continue }
            if let (_, pointer) = scopes.first(where: { $0.0.contains(span) }) { return (term, pointer) }
        }
        return nil
    }

    /// "this patient", "that resident": a demonstrative points at one person, who in a reply to a
    /// review can only be the reviewer or the person they wrote about. "Our patient advocate" is a
    /// job, and a sentence declining to discuss anyone confirms nothing.
    private func pointsAtOnePatient(_ reference: Finding, _ text: WordView) -> Bool {
        guard let span = reference.span?.bytes else { return false }
        let words = text.words(in: span).map(\.text)
        guard let first = words.first, ["this", "that"].contains(first), let last = words.last,
              ["patient", "resident", "client"].contains(last) else { return false }
        let next = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 24))).first?.text ?? ""
        if Combinations.patientCompounds.contains(next) { return false }
        return !text.sentence(containing: span).disclaims(span)
    }

    /// A unit named as where staff work, not anyone's care: inside a staff role ("Kim has ICU", "our
    /// oncology nurse") or before a word of work ("on the ICU night shift", "our ER team"). Never a
    /// condition, and never specially protected health.
    /// Whether `short` is how people shorten the first name `first`: its start ("Chris" for
    /// Christine) or its start made a pet name ("Bernie" for Bernadette, "Katie" for Katherine).
    static func isShortForm(_ short: String, of first: String) -> Bool {
        guard short.count >= 3, first.count > short.count - 1, short != first else { return false }
        if first.count > short.count, first.hasPrefix(short) { return true }
        for ending in ["ie", "y", "i"] where short.hasSuffix(ending) {
            let stem = short.dropLast(ending.count)
            if stem.count >= 3, first.count > stem.count + 1, first.hasPrefix(stem) { return true }
        }
        return false
    }

    static func isWorkplace(_ term: Finding, staffRoles: RangeIndex, _ text: WordView) -> Bool {
        if isOrganisationName(term, text) { return true }
        // "Our infusion nurses are the best", "nuestro equipo": a kind of care naming our own people
        // who give it ("our chemo nurses", "our dialysis team") is where they work, no one's care.
        if let span = term.span?.bytes, !term.has(.healthHighSensitivity),
           text.words(in: ByteRange(max(0, span.start - 12), span.start)).last.map({ ["our", "nuestro", "nuestra", "nuestros", "nuestras"].contains($0.text) }) == true,
           text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 20))).first.map({ workNouns.contains($0.text) || ["techs", "technicians", "therapists", "doctors", "physicians", "specialists", "providers", "volunteers"].contains($0.text) }) == true {
            return true
        }
        guard term.has(.healthSetting), !term.has(.healthHighSensitivity), let span = term.span?.bytes else { return false }
        // "Shauna's 20 years in Radiology", "ten years on our ICU": a career, not a stay.
        let before = text.words(in: ByteRange(max(0, span.start - 30), span.start)).suffix(3).map(\.text)
        let at = careerPrepositions
        if before.count >= 2, at.contains(before.last!), before.dropLast().contains(where: careerWords.contains)
            || (before.count == 3 && careerWords.contains(before[0]) && at.contains(before[1]) && (before[2] == "our" || before[2] == "the")) { return true }
        if staffRoles.contains(span) || text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 20))).prefix(2).contains(where: { workNouns.contains($0.text) }) {
            return true
        }
        // "Kelly has worked in our oncology unit for 12 years", "her work on our cardiac ICU": where
        // someone works.
        let lead4 = text.words(in: ByteRange(max(0, span.start - 40), span.start)).suffix(4).map(\.text)
        if lead4.contains(where: { ["worked", "works", "working", "work", "served", "serves", "volunteered", "volunteers", "trabaja", "trabajó"].contains($0) }),
           lead4.last.map({ ["our", "the", "nuestra", "nuestro", "la", "el"].contains($0) }) == true { return true }
        // "it's Dana from L&D ... need to call out", "Thanks to Kofi in the ICU for covering my
        // shift": a capitalised name, then "from" or "in" the unit, in a sentence about work.
        let lead = text.words(in: ByteRange(max(0, span.start - 24), span.start)).suffix(3)
        guard let preposition = lead.last(where: { ["from", "in", "on"].contains($0.text) }),
              let name = lead.last(where: { $0.range.end <= preposition.range.start }),
              (0x41...0x5A).contains(text.bytes[name.range.start]), preposition.range.start - name.range.end <= 2 else { return false }
        let words = text.sentence(containing: span).words.map(\.text)
        return words.contains { shiftWords.contains($0) || careerEventWords.contains($0) }
            || zip(words, words.dropFirst()).contains { ["call", "calling", "called"].contains($0.0) && $0.1 == "out" }
    }

    /// A working life's events: "Tessa Moore in cardiology is retiring Friday", "the new hire in
    /// radiology starts Monday". (Not "welcome home" or a birthday, which a patient has too.)
    static let careerEventWords: Set<String> = ["retiring", "retires", "retirement", "retired", "starts", "hire", "hired", "joins", "joined",
                                                "joining", "promoted", "promotion", "anniversary", "onboarding", "jubilación", "contratada", "contratado"]

    /// Words of working a shift: "covering my shift", "need to call out", "picked up nights".
    static let shiftWords: Set<String> = ["shift", "shifts", "covering", "callout", "call-out", "precepting", "orientation",
                                          "float", "floated", "charge", "kudos", "catching", "caught", "huddle", "rounding", "staffing"]

    /// A health word that ends a practice's or an organisation's capitalised name: "the Riverbend
    /// Counseling team", "at Harlow State Counseling Center", "Sprout Fertility's new clinic". The name
    /// is a place of work, not anyone's care: a capitalised word (not a sentence's first) right before
    /// it, and an organisation's noun, a possessive or the end of the clause after it.
    static func isOrganisationName(_ term: Finding, _ text: WordView) -> Bool {
        // Written as a word of a name: a capital, then lower case ("Counseling"); an acronym is the
        // condition itself ("the Pinecrest VA PTSD residential program ... as you start treatment").
        guard let span = term.span?.bytes, span.start > 1, span.end <= text.bytes.count, span.end - span.start > 1,
              (0x41...0x5A).contains(text.bytes[span.start]), (0x61...0x7A).contains(text.bytes[span.start + 1]) else { return false }
        // The word before: capitalised, joined by one space, not opening a sentence.
        guard text.bytes[span.start - 1] == 0x20 else { return false }
        let before = text.words(in: ByteRange(max(0, span.start - 40), span.start - 1))
        guard let previous = before.last, previous.range.end == span.start - 1,
              (0x41...0x5A).contains(text.bytes[previous.range.start]) else { return false }
        var gapStart = previous.range.start - 1
        while gapStart >= 0, text.bytes[gapStart] == 0x20 { gapStart -= 1 }
        if gapStart < 0 || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"), UInt8(ascii: ":")].contains(text.bytes[gapStart]) { return false }
        let following = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 40))).prefix(3)
        if span.end < text.bytes.count, text.bytes[span.end] == UInt8(ascii: "'") || text.bytes[span.end] == 0xE2 { return true }
        guard !following.isEmpty else { return true }
        // The noun may come a few words on: "the Northfield Orthopaedics sports medicine team".
        return following.contains { organisationNouns.contains($0.text) || workNouns.contains($0.text) }
    }
    static let organisationNouns: Set<String> = [
        "center", "centre", "centers", "clinic", "clinics", "practice", "group", "associates", "services", "office", "offices",
        "institute", "program", "programme", "partners", "specialists", "network", "foundation", "department", "inc", "llc", "pc",
    ]

    /// Words that say a test found nothing.
    static let absentResultWords: Set<String> = ["negative", "normal", "clear", "undetected", "negativo", "negativa", "normales"]

    /// Nouns after a unit that make it a workplace: "the ICU night shift", "our ER team".
    static let workNouns: Set<String> = ["shift", "shifts", "rotation", "team", "staff", "nurses", "nursing", "schedule", "rounds", "crew", "charge"]

    /// Words that say people in care were there: "staff AND patients", "one of our teen clients".
    static let inCareWords: Set<String> = ["patient", "patients", "client", "clients", "paciente", "pacientes", "clientes"]
    /// What follows "patient" when it names a service, not people: "patient portal", "client services".
    static let patientServiceNouns: Set<String> = ["portal", "app", "lounge", "handbook", "survey", "experience", "education", "entrance", "parking",
                                            "advocate", "advocates", "registration", "forms", "form", "resources", "services", "handouts", "guide",
                                            "care", "safety", "satisfaction", "navigator", "navigators", "access", "financial", "relations"]
    /// An image of our own people: "[photo: five nurses smiling, faces visible]".
    static let staffInPhotoWords: Set<String> = ["nurse", "nurses", "doctor", "doctors", "staff", "team", "volunteer", "volunteers", "residents",
                                                 "students", "employees", "therapists", "physicians", "surgeons", "techs", "aides", "crew", "dr"]
    /// What an obituary says of a death, and nothing more.
    static let deathWords: Set<String> = [
        "death", "died", "has died", "passed away", "illness", "long illness", "a long illness", "line-of-duty death", "passing",
        "pronounced dead",
    ]

    /// What a teaser is about, when the text withholds who ("guess who…", "can't say who, but…"):
    /// someone's arrival here, or else the first of others' health that is not a setting or prevention.
    private func teased(_ patientReferences: [Finding], _ othersHealth: [Finding], _ text: WordView) -> Finding? {
        guard text.hasTeaser(in: ByteRange(0, text.bytes.count)) else { return nil }
        return patientReferences.first(where: { $0.rule == "policy.arrival-here" })
            ?? othersHealth.first(where: { !$0.has(.healthSetting) && !text.isPrevention($0) })
            // "Guess which former NFL lineman is our newest resident": the teaser's own sentence calls
            // someone a patient.
            ?? patientReferences.first(where: { reference in
                reference.span.map { text.hasTeaser(in: text.sentence(containing: $0.bytes).range) } ?? false
            })
    }

    /// "10am", "10 am", "10 a.m." (words "10", "a", "m"), "10 o'clock": a slot in the day.
    static func isTimeSlot(_ words: ArraySlice<String>) -> Bool {
        guard let number = words.first, number.first?.isNumber == true else { return false }
        return number.hasSuffix("am") || number.hasSuffix("pm") || ["am", "pm", "a", "p", "o'clock", "o"].contains(words.dropFirst().first ?? "")
    }

    /// Verbs of meeting one patient: "had a patient", "saw a pt".
    static let encounterVerbs: Set<String> = ["had", "saw", "treated", "admitted", "discharged", "met", "intubated", "triaged", "seeing"]
    /// Words opening a sentence that goes on about the person just mentioned.
    static let continuingPronouns: Set<String> = ["she", "he", "she's", "he's", "her", "his", "they're", "shes", "hes"]

    /// Nouns after "patient" that make a job or a service of it ("patient advocate", "patient portal").
    static let patientCompounds: Set<String> = [
        "portal", "relations", "experience", "safety", "care", "services", "advocate", "advocacy", "financial",
        "access", "navigator", "family", "satisfaction", "education", "support", "coordinator", "liaison", "rights",
    ]

    // MARK: - What, and the finding

    private func disclosure(health: Finding, person: Finding, tie: String, highlySensitive: Bool) -> Finding {
        let extra = highlySensitive
            ? " It includes information that law protects beyond HIPAA (mental health, substance use, HIV, reproductive or genetic health)."
            : ""
        return Finding(
            entry: catalog.entry(.identifiableHealthInfo), span: health.span, matchedText: health.matchedText,
            message: "Who: \(describe(person)). What: \(describe(health)). Tie: \(tie). Together that is protected health information.\(extra)")
    }

    /// What a finding is, in words that quote nothing from the text (messages are printed unmasked).
    private func describe(_ finding: Finding) -> String {
        if finding.has(.careContact) { return "a visit, an appointment, a record or a bill" }
        if finding.has(.patientReference) && finding.category == .photo { return "a patient in a photo" }
        if finding.category == .photo { return "a person or an identifier in a photo" }
        if finding.has(.health) {
            return finding.has(.healthHighSensitivity) ? "specially protected health information" : "health information"
        }
        if finding.matchedText.hasPrefix("@") { return "a social-media handle" }
        switch finding.category {
        case .name: return "a name"
        case .patientRelationship: return "a patient or resident"
        default:
            // "an address", "an email", "a date": the article the category's first sound takes.
            let words = finding.category.rawValue.replacingOccurrences(of: "-", with: " ")
            return ("aeiou".contains(words.first ?? "x") ? "an " : "a ") + words
        }
    }

    private func isHighlySensitive(_ finding: Finding) -> Bool { finding.has(.healthHighSensitivity) }

    /// Street words that end a road's name ("Larch Street", "Old Mill Rd"): a place finding that
    /// names a street, not a town.
    static let streetWords: Set<String> = [
        "rd", "road", "st", "street", "ave", "avenue", "blvd", "boulevard", "lane", "ln", "court", "ct",
        "drive", "dr", "circle", "cir", "way", "place", "terrace", "crescent", "loop", "trail", "pike",
        // A small community the writer shares with the person is as close as their street: "the
        // little girl we lost was from our church".
        "church", "parish", "congregation", "mosque", "synagogue", "temple", "neighborhood", "neighbourhood",
        "block", "building", "cul-de-sac",
    ]

    static func isStreet(_ place: Finding) -> Bool {
        guard place.has(.quasiPlace) else { return false }
        let words = place.matchedText.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        // "Maple Street", or in Spanish the word first: "calle Morelos".
        return streetWords.contains(words.last ?? "") || ["calle", "avenida", "av", "callejón", "callejon", "privada", "cerrada", "camino", "carretera"].contains(words.first ?? "")
    }


    /// The first (a, b) pair from two lists that share a paragraph (no blank line between them):
    /// the first of `a` that pairs with any of `b`, with the first of `b` it pairs with.
    ///
    /// Asked pair by pair, a text of many paragraphs of health words and many of names grew with the
    /// square (issue 15). Instead: a blank line is two line breaks with only spaces between; number
    /// them in order. Two spans share a paragraph exactly when no blank line lies wholly between the
    /// first one's start and the last one's end, that is when, for each span, the blank lines ending
    /// before its end are no more than those starting before the other's start. So each span is an
    /// interval of blank-line counts [before its end, before its start], two spans pair when their
    /// intervals meet, and the first of `b` for each count is kept once.
    /// A name in the sentence of a visit, a record or a patient reference: "Mr. Delgado is a patient
    /// here", "Ellen Marsh checked in at 2". Not in a sentence that declines to discuss anyone, nor
    /// in an offer or a question of what could be ("if Ana needs an appointment").
    private func namedWithCare(_ contacts: [Finding], among people: [Finding], _ text: WordView) -> (Finding, Finding)? {
        for contact in contacts {
            guard let span = contact.span?.bytes else { continue }
            // "Jess is covering my patients": patients in the plural are a group, not the person named.
            if contact.has(.patientReference), let last = text.words(in: span).last?.text, last.hasSuffix("s") { continue }
            let sentence = text.sentence(containing: span)
            if sentence.disclaims(span) || sentence.hypothetical(before: span, within: 6) { continue }
            // Nor a colleague covering a shift.
            if sentence.words.contains(where: { Combinations.shiftWords.contains($0.text) }) { continue }
            if let person = people.first(where: { $0.span.map { sentence.range.contains($0.bytes) } ?? false }) { return (contact, person) }
        }
        return nil
    }

    /// A visit or a course of care that belongs to someone by its possessive: "her procedure",
    /// "his follow-up", "su tratamiento". Without an owner a visit is anyone's ("appointments open").
    private func ownedCareContacts(_ findings: [Finding], _ text: WordView) -> [Finding] {
        findings.filter { contact in
            guard contact.has(.careContact) else { return false }
            if Combinations.thirdPersonPossessives.contains(where: { contact.matchedText.lowercased().hasPrefix($0) }) { return true }
            // "Amber Lowe had an appointment with us today": a visit its subject had. Not one
            // received ("had a visit from Santa").
            guard let span = contact.span?.bytes else { return false }
            let sentence = text.sentence(containing: span)
            let before = sentence.words(before: span.start, count: 2).map(\.text)
            let after = sentence.words(after: span.end, count: 1).map(\.text)
            let had = before.last.map { Combinations.hadVerbs.contains($0) } == true
                || (before.count == 2 && Combinations.hadVerbs.contains(before[0]) && ["a", "an", "the", "un", "una"].contains(before[1]))
            return had && !after.contains { ["from", "by"].contains($0) }
        }
    }

    static let thirdPersonPossessives = ["his ", "her ", "their ", "su ", "sus "]

    /// The named person a possessive care contact belongs to: named earlier in its sentence, with
    /// no other person between ("Carla had her procedure with us on Friday"). Not in a sentence that
    /// declines to discuss anyone, nor in an offer ("if she'd like her follow-up moved").
    private func namedOwner(of contacts: [Finding], among people: [Finding], _ text: WordView) -> (Finding, Finding)? {
        for contact in contacts {
            guard let span = contact.span?.bytes else { continue }
            let sentence = text.sentence(containing: span)
            if sentence.disclaims(before: span.end) || sentence.hypothetical(before: span, within: 6) { continue }
            let named = people.filter { person in
                person.category == .name && (person.span.map { sentence.range.contains($0.bytes) && $0.bytes.end <= span.start } ?? false)
            }
            if let owner = named.last { return (contact, owner) }
        }
        return nil
    }

    private func firstPair(_ a: [Finding], _ b: [Finding], sameParagraphIn text: WordView) -> (Finding, Finding)? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let bytes = text.bytes
        var firstBreaks: [Int] = [], secondBreaks: [Int] = []
        var lastNewline = -1, onlySpaces = false
        for index in 0..<bytes.count {
            switch bytes[index] {
            case 0x0A:
                if onlySpaces, lastNewline >= 0 { firstBreaks.append(lastNewline); secondBreaks.append(index) }
                lastNewline = index
                onlySpaces = true
            case 0x0D, 0x20, 0x09: continue
            default: onlySpaces = false
            }
        }
        WorkMeter.current?.count(bytes.count)
        /// Blank lines wholly before `end`, and those starting before `start`.
        func interval(_ span: ByteRange) -> ClosedRange<Int>? {
            let low = WordView.count(of: secondBreaks, below: span.end), high = WordView.count(of: firstBreaks, below: span.start)
            return low <= high ? low...high : nil
        }
        var firstAtCount: [Int: Int] = [:]
        var firstWithoutSpan: Int?
        for (index, y) in b.enumerated() {
            guard let sy = y.span else {
                // A finding without a span (an attached photo) belongs to the whole document.
                if firstWithoutSpan == nil { firstWithoutSpan = index }
                continue
            }
            guard let counts = interval(sy.bytes) else { continue }
            for count in counts where firstAtCount[count] == nil { firstAtCount[count] = index }
        }
        for x in a {
            // "our NICU babies", "the ICU nurses": a unit naming other people says nothing of this one.
            if x.has(.healthSetting) && Combinations.namesOtherPeople(x, bytes) { continue }
            if x.has(.health) && isTopic(x, text) { continue }
            guard let sx = x.span else { return (x, b[0]) }
            var best = firstWithoutSpan
            for count in interval(sx.bytes).map(Array.init) ?? [] {
                if let index = firstAtCount[count], index < (best ?? Int.max) { best = index }
            }
            if let best { return (x, b[best]) }
        }
        return nil
    }

    /// "your prescription for amoxicillin is ready", "your metformin refill was sent to CVS": the
    /// reader's own medicine, named after "your" in a notice that it is ready or sent.
    static func isOwnMedicineNotice(_ term: Finding, _ text: WordView) -> Bool {
        guard let span = term.span?.bytes else { return false }
        let sentence = text.sentence(of: term)
        let words = sentence.words.map(\.text)
        guard words.contains(where: { ["ready", "sent", "filled", "refilled", "approved", "renewed", "shipped", "lista", "listo", "enviada", "enviado"].contains($0) }),
              words.contains(where: { ["prescription", "prescriptions", "refill", "refills", "rx", "medication", "medicine", "receta", "medicamento"].contains($0) }) else { return false }
        return sentence.hasWord(of: ["your", "su", "tu"], before: span, within: 5) || sentence.hasWord(of: ["prescription", "refill", "receta"], before: span, within: 3)
    }

    /// Nouns after a condition that make it a clinician's specialty: "addiction medicine specialist".
    static let specialtyNouns: Set<String> = [
        "medicine", "specialist", "specialists", "counselor", "counsellor", "nurse", "nurses", "navigator", "doctor", "physician",
        "psychiatry", "psychiatrist", "therapist", "educator", "outreach", "prevention", "services", "team", "program", "clinic", "care",
    ]

    /// A clinician's training or field: what follows "in" after them is a subject.
    static let fieldWords: Set<String> = [
        "certification", "certified", "degree", "fellowship", "training", "residency", "boards", "specialty", "specializes",
        "specializing", "specialises", "specialising", "masters", "master's", "phd", "doctorate", "credential",
    ]
    /// Words of passing a message on ("we'll share your kind words with our ICU team").
    static let passOnWords: Set<String> = ["pass", "passed", "share", "shared", "forward", "forwarded", "send", "sent"]
    /// Possessives that make a term someone's own.
    static let ownerWords: Set<String> = ["his", "her", "their", "my", "your", "su", "sus"]
    /// A building a health word can name, and the words of its opening.
    static let buildingNouns: Set<String> = ["center", "centre", "institute", "hospital", "clinic", "suite", "unit"]
    static let openingWords: Set<String> = ["ribbon", "new", "opening", "opened", "opens", "groundbreaking", "dedication", "dedicated", "construction", "built", "renovated", "expansion"]
    /// Living or staying in a unit: a stay, not a building's name.
    static let stayWords: Set<String> = ["lives", "lived", "living", "moved", "moving", "resides", "resided", "stays", "stayed", "staying", "admitted", "transferred", "placed"]

    /// Talking and teaching: what follows "about" or "on" after them is a subject.
    static let talkWords: Set<String> = [
        "talk", "talks", "speak", "speaks", "speaking", "present", "presents", "presenting", "lecture", "lectures", "webinar",
        "workshop", "class", "classes", "session", "seminar", "teach", "teaches", "teaching", "q&a", "panel", "discussion",
        "podcast", "episode", "answers", "questions", "charla", "taller", "habla", "hablará",
    ]

    /// A field of medicine: "psychiatry", "medicine", "cardiology", "pediatrics", "nursing".
    static func isFieldName(_ word: String) -> Bool {
        ["medicine", "nursing", "surgery", "psychiatry", "psychology", "counseling", "counselling", "pharmacy", "dentistry", "pediatrics", "paediatrics", "obstetrics", "genetics"].contains(word)
            || (word.count > 6 && (word.hasSuffix("ology") || word.hasSuffix("iatry")))
    }
    /// Verbs of a person undergoing care, after "was", "got" or "been": "got admitted", "was rushed".
    static let undergoingVerbs: Set<String> = ["admitted", "rushed", "hospitalized", "hospitalised", "diagnosed", "readmitted", "intubated",
                                               "ingresó", "ingreso", "hospitalizado", "hospitalizada", "internado", "internada", "diagnosticado", "diagnosticada"]
    /// Words that say someone is away from work: "out sick", "off", "on leave", "no viene".
    static let absenceWords: Set<String> = ["out", "off", "sick", "leave", "absent", "home", "viene", "falta", "enfermo", "enferma", "baja", "incapacidad"]
    /// `topicNouns` as Spanish writes them, before the term: "el protocolo de diabetes gestacional".
    static let spanishTopicNouns: Set<String> = [
        "protocolo", "protocolos", "clase", "clases", "taller", "talleres", "curso", "cursos", "charla", "charlas", "puesto", "puestos",
        "campaña", "mes", "semana", "día", "feria", "guía", "folleto", "folletos", "capacitación", "entrenamiento", "prevención",
    ]
    /// Nouns of buildings and events a health word can name ("our new Cardiac Rehab wing", "the
    /// Heart Health Summit", "a breast cancer walk"): the word is the topic, no one's condition.
    static let topicNouns: Set<String> = [
        "wing", "building", "pavilion", "tower", "summit", "fair", "walk", "run", "5k", "ride", "gala", "fundraiser",
        "month", "week", "day", "awareness", "conference", "symposium", "lecture", "webinar", "seminar", "campaign",
        "drive", "expo", "forum", "series", "podcast", "research", "study", "studies", "trial", "grant", "genetics",
        // An organisation named for its cause: "the Rosewood Cancer Support Fund", "the Autism Society".
        "fund", "foundation", "society", "association", "alliance", "coalition", "institute",
        // The people who treat it: "our cancer genetics team", "the stroke team".
        "team", "teams",
        // Buildings a gift pays for: "a healing garden at our hospice house".
        "house", "garden", "playground", "chapel", "library", "lobby",
        // A clinician's training in it: "her diabetes prescribing qualification", "his wound care certification".
        "prescribing", "qualification", "certification", "certificate", "fellowship", "residency", "training",
        "course", "credential", "diploma", "degree", "exam", "boards", "educator", "instructor", "recert", "recertification", "refresher",
        // A time of year named for it: "especially in flu season"; an evening event: "Prenatal night is
        // the 2nd Tuesday of every month".
        "season", "night", "nights",
        // A job in it, or what staff teach and follow: "the addiction psychiatry position", "diabetes
        // classes", "the sepsis protocol", "a wound care workshop".
        "position", "positions", "opening", "openings", "job", "jobs", "role", "class", "classes", "protocol", "protocols",
        "guideline", "guidelines", "handout", "handouts", "workshop", "workshops", "toolkit", "curriculum",
        // What a unit is audited on or follows: "our sepsis bundle cheat sheets", "the hand hygiene audit".
        "audit", "audits", "bundle", "bundles",
        // A field of work against it: "the people who clean our hospital are infection prevention",
        // "suicide prevention advocacy".
        "prevention", "preventionist", "preventionists", "advocacy", "policy",
    ]

    private func isTopic(_ term: Finding, _ text: WordView) -> Bool {
        guard let span = term.span?.bytes else { return false }
        if Combinations.isFundraisingGoal(span, text) { return true }
        // An event named for its cause: "the Walk to Defeat ALS", "Race for the Cure", "Ride to End Alzheimer's".
        // The six words before the term, read once for the event, field and talk tests below.
        let talkBefore = text.sentence(containing: span).words(before: span.start, count: 6).map(\.text)
        let before = talkBefore.suffix(4)
        if let event = before.firstIndex(where: { ["walk", "race", "run", "ride", "relay", "swim", "climb", "plunge"].contains($0) }),
           before[(event + 1)...].contains(where: { ["to", "for", "against"].contains($0) }) { return true }
        // A clinician's field: "his board certification in psychiatric mental health", "fellowship
        // training in addiction medicine".
        if let inIndex = before.lastIndex(where: { $0 == "in" || $0 == "en" }), before.endIndex - inIndex <= 2,
           before[..<inIndex].contains(where: Combinations.fieldWords.contains) { return true }
        // What a talk is about: "will lead a talk on depression and anxiety", "will speak about
        // menopause", "a free class on diabetes": the subject, not anyone's condition.
        // Not someone's own ("we talk about managing his COPD").
        if let about = talkBefore.lastIndex(where: { $0 == "about" || $0 == "on" || $0 == "sobre" }), talkBefore.count - about <= 3,
           talkBefore[..<about].contains(where: Combinations.talkWords.contains),
           !talkBefore[about...].contains(where: Combinations.ownerWords.contains) { return true }
        // A clinician's field by their post: "chief of surgery", "chair of our Department of Pediatrics".
        if talkBefore.last == "of", talkBefore.dropLast().suffix(2).contains(where: Combinations.postWords.contains) { return true }
        // What a class teaches: "Learn hands-only CPR this Saturday", "practice your inhaler technique".
        if talkBefore.suffix(3).contains(where: Combinations.learningWords.contains) { return true }
        // The same nouns before it in Spanish: "el protocolo nuevo de diabetes gestacional", "clases de diabetes".
        if let de = talkBefore.last, ["de", "sobre", "para"].contains(de),
           talkBefore.dropLast().suffix(2).contains(where: { Combinations.spanishTopicNouns.contains($0) }) { return true }
        var next = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 16))).first
        // A specialty named by what it treats: "for her work bringing obesity medicine to rural
        // patients", "addiction psychiatry". Not someone's own ("his diabetes medicine", "Maria's
        // diabetes medicine").
        if let field = next, field.range.start - span.end <= 1, ["medicine", "psychiatry", "research"].contains(field.text),
           !talkBefore.suffix(2).contains(where: { Combinations.ownerWords.contains($0) || $0.hasSuffix("'s") }) { return true }
        // A field between them: "the addiction psychiatry position", "our pain medicine clinic team".
        if let field = next, field.range.start - span.end <= 1, Combinations.isFieldName(field.text),
           let after = text.words(in: ByteRange(field.range.end, min(text.bytes.count, field.range.end + 16))).first,
           after.range.start - field.range.end <= 1, Combinations.topicNouns.contains(after.text) { return true }
        // A capitalised name the term opens runs on to its noun: "the Rosewood Cancer Support Fund".
        // (Title case only: "BRACES OFF DAY" is shouted, not a name.)
        let titleCase = { (at: Int) in at + 1 < text.bytes.count && (0x41...0x5A).contains(text.bytes[at]) && (0x61...0x7A).contains(text.bytes[at + 1]) }
        if titleCase(span.start), let first = next, first.range.start - span.end <= 1 {
            let run = text.words(in: ByteRange(span.end, min(text.bytes.count, span.end + 40)))
            var last = first
            for word in run.prefix(3) {
                guard titleCase(word.range.start), word.range.start - last.range.end <= 1 || word.range == first.range else { break }
                last = word
                if Combinations.topicNouns.contains(word.text) { next = word; break }
            }
        }
        // A new building opened: "cutting the ribbon at our new cancer center".
        if let next, next.range.start - span.end <= 1, Combinations.buildingNouns.contains(next.text),
           text.sentence(containing: span).words.contains(where: { Combinations.openingWords.contains($0.text) }),
           !text.sentence(containing: span).hasThirdPersonPronoun { return true }
        guard let next, next.range.start - span.end <= 1 || titleCase(span.start), Combinations.topicNouns.contains(next.text) else { return false }
        // "World Kidney Day", "National Nurses Week": an awareness day is written as a name, or
        // says so. "Her last chemo day", "Surgery day for Kayla" is one person's day of care.
        if ["day", "week"].contains(next.text), !titleCase(next.range.start),
           !before.contains(where: { ["world", "national", "international", "global", "awareness", "mundial", "nacional"].contains($0) }) { return false }
        // "he can't miss another dialysis run": a treatment's run is a session of it, not a race.
        if ["run", "runs"].contains(next.text), !titleCase(next.range.start), term.rule.hasPrefix("health.treatment") { return false }
        // "Hazel has lived in our memory-care wing since 2022": a home there, not a building's name.
        if before.contains(where: Combinations.stayWords.contains) { return false }
        // "Jo is in concussion protocol", "cleared the concussion protocol": a person inside it, not
        // the protocol staff are trained in.
        if next.text == "protocol", let word = before.last(where: { $0 != "the" }),
           ["in", "into", "entered", "enters", "cleared", "clears", "passed", "completed", "finished", "exited"].contains(word),
           !before.contains(where: { ["trained", "training", "educated", "certified", "expert", "experts", "versed"].contains($0) }) { return false }
        // "our eating disorder day program", "a cancer house call": the noun names a service that
        // treats people, and whoever completed it had the condition.
        let after = text.words(in: ByteRange(next.range.end, min(text.bytes.count, next.range.end + 16))).first
        if let after, after.range.start - next.range.end <= 1, Combinations.serviceNouns.contains(after.text) { return false }
        return true
    }

    /// A patient reference with an occupation in apposition, within a few words: "one of our patients,
    /// a well-known local councillor", "my patient, the town's only vet".
    /// In a message `inSentenceEitherOrder` also takes the description and the reference anywhere in
    /// one sentence: "the Channel 7 weatherman is checked in under an alias in 302".
    private func describedPatient(_ references: [Finding], _ quasi: [Finding], _ text: WordView, inSentenceEitherOrder: Bool = false) -> Finding? {
        for reference in references {
            guard let span = reference.span?.bytes else { continue }
            for role in quasi where role.has(.quasiOccupation) && role.rule != "policy.quasi.colleague" {
                if inSentenceEitherOrder, let at = role.span?.bytes, text.sentence(containing: span).range.contains(at) { return role }
                guard let at = role.span?.bytes, at.start >= span.end, at.start - span.end <= 40 else { continue }
                let between = text.words(in: ByteRange(span.end, at.start))
                guard between.count <= 5, text.bytes[span.end..<min(text.bytes.count, span.end + 2)].contains(UInt8(ascii: ",")) else { continue }
                return role
            }
        }
        return nil
    }

    /// Whether a health word is what money was raised for: "raised $9,200 for hospice care", "a gift
    /// toward our new mammography unit". The cause is the topic; the runners, bakers and donors
    /// named beside it are not its patients.
    static func isFundraisingGoal(_ span: ByteRange, _ text: WordView) -> Bool {
        let before = text.sentence(containing: span).words(before: span.start, count: 12).map(\.text)
        guard before.contains(where: fundraisingWords.contains) else { return false }
        // The preposition that opens the term's phrase: "for (our new) mammography unit".
        for word in before.suffix(4).reversed() {
            // ... or the verb the gift pays for: "whose gift will build our new pediatric ICU".
            if ["for", "toward", "towards", "benefit", "benefiting", "benefitting", "supporting", "support", "para",
                "build", "builds", "building", "expand", "expands", "renovate", "renovates", "create", "creates", "fund", "funds", "equip", "equips"].contains(word) { return true }
            if !["our", "the", "a", "an", "new", "local", "its", "their", "pediatric", "community", "nuestro", "nuestra", "la", "el"].contains(word) { return false }
        }
        return false
    }

    static let fundraisingWords: Set<String> = [
        "raised", "raise", "raising", "donated", "donate", "donation", "donations", "gift", "gifts", "fundraiser",
        "fundraising", "proceeds", "pledged", "grant", "funds", "recaudó", "recaudamos", "donó", "donaron",
    ]

    /// Titles and credentials a clinician signs with.
    static let clinicianTitles: Set<String> = ["dr", "dra", "doctor", "nurse", "md", "do", "rn", "np", "pa", "lpn", "dds", "dmd", "fnp", "aprn", "crna", "cnm"]

    /// Staff chat channels, where the care team talks among itself.
    static let staffChatChannels: Set<String> = ["teams", "slack", "secure-chat", "epic-chat", "staff-chat"]

    /// Nouns that turn a topic noun into a service for patients ("day program", "house call").
    static let serviceNouns: Set<String> = [
        "program", "programme", "treatment", "hospital", "unit", "clinic", "surgery", "care", "center", "centre",
        "stay", "call", "calls", "visit", "visits", "patient", "patients", "rehab",
    ]

    /// Group nouns that a unit or a clinic can qualify ("NICU babies", "oncology nurses").
    static let groupNouns: Set<String> = [
        "babies", "kids", "children", "patients", "families", "parents", "nurses", "doctors", "staff", "team", "teams",
        "crew", "volunteers", "graduates", "grads", "alumni", "residents", "moms", "dads", "nurse", "doctor", "volunteer",
    ]

    /// Whether a care setting is followed by a group noun: it then describes those people.
    static func namesOtherPeople(_ setting: Finding, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let span = setting.span?.bytes else { return false }
        let next = WordView(bytes).words(in: ByteRange(span.end, min(bytes.count, span.end + 16))).first
        guard let next, next.range.start <= span.end + 1 else { return false }
        return groupNouns.contains(next.text)
    }

    static func containsBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> Bool {
        var sawNewline = false
        for index in range.start..<range.end {
            switch bytes[index] {
            case 0x0A:
                if sawNewline { return true }
                sawNewline = true
            case 0x0D, 0x20, 0x09: continue
            default: sawNewline = false
            }
        }
        return false
    }
}

extension Finding {
    /// What the policy concluded about a finding: its severity and the reason, in words.
    mutating func conclude(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }
}
