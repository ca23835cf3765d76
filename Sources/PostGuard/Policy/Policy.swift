// Policy: what the findings mean for the document as a whole. Detectors say "this is a phone
// number"; policy says "a photo is attached", "this reply confirms a patient", "this testimonial has
// no valid authorization". It never re-reads input; it sees a document and its findings.

public struct Policy: Sendable {
    public init() {}

    public func judge(_ document: Document, findings detected: [Finding]) -> DocumentResult {
        var findings = detected
        // Safe Harbor (R): full-face photographs and comparable images. We cannot see the image,
        // so every attachment is a photo a person must look at.
        for media in document.media {
            findings.append(Finding(
                rule: "phi.photo", category: Category(rawValue: "photo"), severity: .review, span: nil,
                matchedText: media.path ?? "attachment",
                message: "An attached image may show a person's face; check it shows no patient, or that a valid consent covers it."))
        }
        return DocumentResult(document: document, findings: findings)
    }
}
