// Input: Google Business Profile reviews from Google Takeout
// (`Google Business Profile/account-*/location-*/reviews.json`, and further pages `reviews-<token>.json`):
//   {"reviews": [{"name", "reviewer": {"displayName"}, "starRating": "FIVE", "comment", "createTime",
//                 "updateTime", "reviewReply": {"comment", "updateTime"}}]}
// What the organisation wrote is the reply: each `reviewReply.comment` is a `reply` document answering
// the review's `comment`, written to the reviewer (their display name kept: a reply that names them
// tells the public they are a patient), with the star rating and the reply's time. The review itself
// is the reviewer's own words, not the organisation's, and is not judged. Shapes after Google's
// Business Profile API reference (`accounts.locations.reviews`), which Takeout writes as is.
import PostGuardDocuments
import Foundation

struct GoogleBusinessReader: DocumentFormatReader {
    static let stars = ["ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5]

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        guard let data = PlatformExport.whole(input, source: source, failure: failure),
              let value = PlatformExport.json(data, source: source, platform: "Google Business Profile", failure: failure) else { return }
        let reviews: [Any]
        if let object = value as? [String: Any] {
            // A page with no review has no `reviews` key at all.
            reviews = object["reviews"] as? [Any] ?? (object["comment"] != nil ? [object] : [])
        } else if let list = value as? [Any] {
            reviews = list
        } else {
            failure(InputError(source: source, reason: "not a Google Business Profile reviews file"))
            return
        }
        for (index, item) in reviews.enumerated() {
            guard let review = item as? [String: Any] else {
                failure(InputError(source: source, reason: "review \(index + 1) is not a JSON object"))
                continue
            }
            guard let reply = review["reviewReply"] as? [String: Any], let text = reply["comment"] as? String, !text.isEmpty else { continue }
            var answer = Document(source: source, id: review["name"] as? String ?? review["reviewId"] as? String, text: text, kind: .reply,
                                  channel: options.channel, inReplyTo: review["comment"] as? String,
                                  createdAt: (reply["updateTime"] as? String) ?? (review["updateTime"] as? String))
            answer.inReplyToAuthor = (review["reviewer"] as? [String: Any])?["displayName"] as? String
            answer.rating = (review["starRating"] as? String).flatMap { GoogleBusinessReader.stars[$0] } ?? PlatformExport.integer(review["starRating"])
            answer.recordIndex = index + 1
            document(answer)
        }
    }
}
