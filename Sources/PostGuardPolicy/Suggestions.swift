// Policy: a safe version for every breaching document (rule `policy.suggested`, an `info` finding).
//   reply    an approved reply (Rules/policy/reply-templates.yaml), chosen by what the review
//            complains about and its language
//   post     the draft itself without every sentence that identifies someone or speaks of their care,
//            when enough of it is left to post; else an approved post for what breached
//            (Rules/policy/safe-versions.yaml: a named patient, a room, a photo, a testimonial, ...)
//   message  the approved message for what breached (call us, use the portal, share nothing about
//            someone else), followed by the draft's own sentences that are safe
// Templates are filled from the organisation's settings (`{organisation}`, `{phone}`, ...). Every
// suggestion is checked again before it is offered, as a document of the same kind under the same
// settings: one that would not pass, or that would show any identifier, is never suggested.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import Foundation

/// Suggestions already checked, by kind and text: a template filled from the settings is the same
/// text for every document of a run, so it is scanned once.
final class CheckedSuggestions: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: Bool] = [:]

    func passes(_ key: String, _ check: () -> Bool) -> Bool {
        lock.lock()
        if let answer = known[key] { lock.unlock(); return answer }
        lock.unlock()
        let answer = check()
        lock.lock(); if known.count < 4096 { known[key] = answer }; lock.unlock()
        return answer
    }

    /// Templates filled from the settings: the same text for every document while the settings
    /// are the same, so filled once (the values are kept to tell).
    private var filledTemplates: [String: (values: [String: String], text: String)] = [:]

    func filled(_ template: ReplyTemplate, with values: [String: String]) -> String {
        lock.lock()
        if let known = filledTemplates[template.text], known.values == values { lock.unlock(); return known.text }
        lock.unlock()
        let text = template.filled(with: values)
        lock.lock(); if filledTemplates.count < 4096 { filledTemplates[template.text] = (values, text) }; lock.unlock()
        return text
    }
}

extension Policy {
    /// What breached, most important first: the cause that picks the template of a post or message.
    public static func causes(of findings: [Finding], kind: DocumentKind) -> [String] {
        let breaching = findings.filter { $0.severity > .info }
        var causes: [String] = []
        func add(_ cause: String, when condition: Bool) { if condition, !causes.contains(cause) { causes.append(cause) } }
        add("testimonial", when: breaching.contains { $0.category == .testimonial || $0.category == .consent })
        add("derogatory", when: breaching.contains { $0.category == .derogatory })
        add("location", when: breaching.contains { $0.category == .locationDetail })
        if kind == .message {
            add("third-party", when: breaching.contains { $0.rule == PolicyRule.identifiableHealthInfo.rawValue })
            add("own-results", when: breaching.contains { $0.category == .minimumNecessary })
            // Someone named beside the reader; an SSN or a record number alone may be the reader's own.
            add("third-party", when: breaching.contains { $0.category == .name })
        } else {
            add("named-patient", when: breaching.contains { $0.category == .healthInfo || $0.category == .patientRelationship })
        }
        add("photo", when: breaching.contains { $0.category == .photo })
        add("identifier", when: breaching.contains { $0.category.isPersonal })
        return causes
    }

    /// The suggested safe version of a breaching document, or nil (a document that passes, no
    /// template, or nothing that passes `check`). `passes` judges a candidate text as a document of
    /// the same kind: true when it has no finding above `info` and no identifier at all (a quasi-identifier
    /// such as the organisation's own town is `info` and allowed).
    public func suggestion(for document: Document, findings: [Finding], passes: (String) -> Bool) -> Finding? {
        guard findings.contains(where: { $0.severity > .info }),
              !organisation.disabled.contains(PolicyRule.suggested.rawValue) else { return nil }
        let values = organisation.placeholders
        func checked(_ text: String) -> Bool {
            suggestionChecks.passes("\(document.kind.rawValue)\u{0}\(document.channel ?? "")\u{0}\(text)") { passes(text) }
        }
        let withoutMedia = document.media.isEmpty ? "" : ", without the attachment"
        func finding(_ id: String, _ text: String) -> Finding {
            Finding(entry: catalog.entry(.suggested), span: nil, matchedText: id,
                    message: "Suggested safe version (\(id)\(withoutMedia)): \(text)")
        }
        switch document.kind {
        case .reply:
            guard let template = replyTemplates.suggestion(for: document.inReplyTo) else { return nil }
            let text = suggestionChecks.filled(template, with: values)
            return checked(text) ? finding(template.id, text) : nil
        case .post, .message:
            let causes = Policy.causes(of: findings, kind: document.kind)
            let template = replyTemplates.version(kind: document.kind, causes: causes, spanish: ReplyTemplates.isSpanish(document.text))
            let filled = template.map { suggestionChecks.filled($0, with: values) }
            let kept = Policy.safeSentences(of: document, findings: findings)
            // A post made of what is left must still say something; a message only adds it.
            let keptEnough = kept.flatMap { Policy.wordCount($0) >= (document.kind == .post ? 6 : 3) ? $0 : nil }
            var candidates: [(String, String)] = []
            if document.kind == .post {
                if let keptEnough { candidates.append(("the draft without what identifies anyone", keptEnough)) }
            } else if let template, let filled, let keptEnough {
                // The draft's own safe sentences first (its greeting, the appointment), then the
                // approved words without their greeting.
                var body = Substring(filled)
                for greeting in ["Hello! ", "Hello, ", "Hola, "] where body.hasPrefix(greeting) {
                    body = body.dropFirst(greeting.count)
                    body = body.prefix(1).uppercased() + body.dropFirst()
                }
                candidates.append(("the draft's safe sentences + " + template.id, keptEnough + " " + body))
            }
            if let template, let filled { candidates.append((template.id, filled)) }
            for (id, text) in candidates where checked(text) { return finding(id, text) }
            return nil
        }
    }

    /// Words (with a letter) in `text`, hashtags and handles not counted.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { word in
            !word.hasPrefix("#") && !word.hasPrefix("@") && word.contains(where: \.isLetter)
        }.count
    }

    /// Pronouns that point at someone the draft named: a sentence holding one is about them.
    static let thirdPersonPronouns: Set<String> = ["he", "she", "him", "her", "his", "hers", "he's", "she's", "él", "ella"]
    /// Pronouns that make a health term someone's ("your scan", "their surgery").
    static let personPronouns: Set<String> = thirdPersonPronouns.union(["you", "your", "you're", "yours", "they", "them", "their",
                                                                         "su", "sus", "tu", "tus", "usted"])

    /// The draft's sentences that say nothing about anyone: none holds an identifier (even one that is
    /// `info` alone), a finding above `info`, a patient or care reference, a testimonial cue, or a
    /// health term next to a pronoun. Nil when no sentence was left out.
    static func safeSentences(of document: Document, findings: [Finding]) -> String? {
        let risky: Set<Role> = [.person, .patientReference, .careContext, .testimonial]
        // Which sentences hold such a finding: one binary search per sentence, not a walk over
        // every finding (a draft of 10,000 findings on as many lines was quadratic, issue 15).
        let unsafeSpans = RangeIndex(findings.lazy.filter { finding in
            finding.severity > .info || finding.category.isPersonal || !finding.entry.roles.isDisjoint(with: risky)
        }.compactMap(\.span?.bytes))
        let healthSpans = RangeIndex(findings.lazy.filter { $0.has(.health) }.compactMap(\.span?.bytes))
        return document.text.withUTF8Bytes { bytes -> String? in
            var kept: [String] = [], dropped = false
            for sentence in sentences(in: bytes, from: min(document.bodyStart, bytes.count)) {
                let text = trimmedOfWhiteSpace(ByteText.substring(bytes, sentence))
                guard !text.isEmpty else { continue }
                let words = Set(ReplyTemplates.asciiWords(text) ?? text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map { word in
                    // A word holds a curly apostrophe only as a character of its own (one with a
                    // combining mark is neither a letter nor an apostrophe, so it splits words).
                    word.unicodeScalars.contains("\u{2019}") ? String(word.map { $0 == "’" ? "'" : $0 }) : String(word)
                })
                let unsafe = document.unscanned.contains { $0.start < sentence.end && $0.end > sentence.start }
                    || !words.isDisjoint(with: thirdPersonPronouns)
                    || unsafeSpans.overlaps(sentence)
                    || (healthSpans.overlaps(sentence) && !words.isDisjoint(with: personPronouns))
                if unsafe { dropped = true } else { kept.append(text) }
            }
            return dropped && !kept.isEmpty ? kept.joined(separator: " ") : nil
        }
    }

    /// `text` without white space and line breaks at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims it; ASCII text without Foundation.
    static func trimmedOfWhiteSpace(_ text: String) -> String {
        var text = text
        let ascii = text.withUTF8 { bytes -> (Int, Int)? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return (start, end)
        }
        guard let (start, end) = ascii else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if start == 0, end == text.utf8.count { return text }
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Whether the word before the period at `index` is an abbreviation, not a sentence's end: a single
    /// letter ("C. diff"), a word with a period inside ("a.m."), or a capitalised word of up to three
    /// letters ("Mr.", "Dra.", "St.").
    static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        var start = index
        while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A, bytes[start - 1] != UInt8(ascii: "(") { start -= 1 }
        let word = ByteText.substring(bytes, ByteRange(start, index))
        guard let first = word.first, first.isLetter else { return false }
        return word.count == 1 || word.contains(".") || (word.count <= 3 && first.isUppercase && word.dropFirst().allSatisfy(\.isLowercase))
    }

    /// Sentences of `bytes` from `start`: ended by `.`, `!` or `?` before a space or the end, or by a
    /// line break.
    static func sentences(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [ByteRange] {
        var ranges: [ByteRange] = [], begin = start, index = start
        let ends: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                ranges.append(ByteRange(begin, index)); begin = index + 1
            } else if ends.contains(byte), index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A,
                      byte != UInt8(ascii: ".") || !isAbbreviation(bytes, before: index) {
                ranges.append(ByteRange(begin, index + 1)); begin = index + 1
            }
            index += 1
        }
        if begin < bytes.count { ranges.append(ByteRange(begin, bytes.count)) }
        return ranges
    }
}
