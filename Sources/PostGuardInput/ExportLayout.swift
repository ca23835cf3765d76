// Input: which file of a platform's download holds posts or messages, decided by its path inside
// the download (a .zip or the folder it was unzipped into), the same way for both. A platform's
// download holds far more than content (ad interests, logins, contacts, media files): those are
// known not to be content, counted and never scanned. Routing is by path, not by a name prefix:
// Facebook's `posts_on_other_pages…` and Instagram's `posts_1.json` are told apart by their folders.
import Foundation

/// What to do with one file of a folder or archive.
package enum ExportRoute: Equatable {
    /// Read it in this format.
    case read(InputFormat)
    /// Known not to hold posts or messages (or not a draft): counted, never scanned.
    case notContent
    /// Nothing in the path says: a file named on its own is then recognised by its first line; in
    /// a folder or archive it is counted with the files that are not content.
    case unknown
}

/// The platforms a set of paths comes from, told by the folders and files only they write.
package struct ExportLayout {
    var isXArchive = false
    var isInstagram = false
    var isFacebook = false
    /// Folders holding a LinkedIn export (where its `Connections.csv`, `Profile.csv`, ... are): the
    /// other CSV files beside them are LinkedIn's too.
    var linkedInFolders: Set<String> = []

    package init(paths: [String]) {
        for path in paths {
            let lower = path.lowercased()
            let components = lower.split(separator: "/")
            let name = components.last.map(String.init) ?? lower
            if components.count >= 2, components[components.count - 2] == "data",
               name == "manifest.js" || name == "account.js" || ExportLayout.xContentNames.contains(ExportLayout.xName(name)) {
                isXArchive = true
            }
            if components.contains("your_instagram_activity") || components.contains("instagram") { isInstagram = true }
            if components.contains("your_facebook_activity") || components.contains("this_profile's_activity_across_facebook") {
                isFacebook = true
            }
            if ExportLayout.linkedInMarkers.contains(name) { linkedInFolders.insert(components.dropLast().joined(separator: "/")) }
        }
    }

    /// X's `data/*.js` files that hold the account's own words; every other `.js` there is data
    /// about the account (ads, logins, follows, the manifest).
    static let xContentNames: Set<String> = [
        "tweets", "tweet", "note-tweet", "deleted-tweets", "deleted-tweet", "community-tweet",
        "direct-messages", "direct-messages-group", "direct-message", "direct-message-group",
    ]

    /// `tweets-part2.js` → `tweets`.
    static func xName(_ fileName: String) -> String {
        var name = fileName.hasSuffix(".js") ? String(fileName.dropLast(3)) : fileName
        if let part = name.range(of: "-part", options: .backwards), name[part.upperBound...].allSatisfy(\.isNumber) {
            name = String(name[..<part.lowerBound])
        }
        return name
    }

    /// Files only LinkedIn's export has at its top.
    static let linkedInMarkers: Set<String> = ["connections.csv", "profile.csv", "shares.csv", "invitations.csv", "registration.csv"]

    /// Messenger and Instagram Direct folders of threads, each holding `message_N.json` (or `.html`).
    static let messageFolders: Set<String> = ["inbox", "message_requests", "archived_threads", "filtered_threads", "e2ee_cutover"]

    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "heic", "mp4", "mov", "m4a", "opus", "aac", "mp3", "wav", "pdf",
        "vcf", "webm", "srt", "bmp", "tif", "tiff", "avif",
    ]

    /// The route of the file at `path` (relative to the folder or archive it was found in).
    package func route(_ path: String) -> ExportRoute {
        let lower = path.lowercased()
        let components = lower.split(separator: "/").map(String.init)
        let name = components.last ?? lower
        let folders = components.dropLast()
        let pathExtension = URL(fileURLWithPath: name).pathExtension
        if ExportLayout.mediaExtensions.contains(pathExtension) { return .notContent }

        // X: every .js under data/ is the archive's; only the account's own words are content.
        if pathExtension == "js" {
            if ExportLayout.xContentNames.contains(ExportLayout.xName(name)) { return .read(.xArchive) }
            return folders.last == "data" || isXArchive ? .notContent : .unknown
        }
        if isXArchive, folders.isEmpty || folders.last == "data" || folders.contains("assets"),
           name == "readme.txt" || name == "your archive.html" || pathExtension == "html" || pathExtension == "css" {
            return .notContent
        }

        // Google Business Profile, from Google Takeout: reviews with the organisation's replies.
        if components.contains(where: { $0 == "google business profile" || $0 == "google my business" }) {
            return pathExtension == "json" && name.hasPrefix("reviews") ? .read(.googleBusiness) : .notContent
        }
        if pathExtension == "json", name.hasPrefix("reviews"), folders.contains(where: { $0.hasPrefix("location-") }) {
            return .read(.googleBusiness)
        }
        if name == "archive_browser.html" { return .notContent } // Takeout's index of the download

        // Meta's downloads (Facebook, Instagram): JSON, or the HTML variant of the same download.
        if pathExtension == "json" || pathExtension == "html" {
            if let meta = metaRoute(name: name, folders: Array(folders)) { return meta }
            return .unknown
        }

        // LinkedIn: the member's posts, comments, messages and invitation notes; every other CSV of
        // the export (connections, skills, ad targeting) is about the member, not what they wrote.
        // `Shares.csv` and `Comments.csv` are LinkedIn's wherever they are.
        if pathExtension == "csv" {
            let file = ExportLayout.linkedInContent(name)
            if linkedInFolders.contains(folders.joined(separator: "/")) { return file != nil ? .read(.linkedin) : .notContent }
            if file == .shares || file == .comments { return .read(.linkedin) }
        }

        if pathExtension == "txt" || pathExtension.isEmpty,
           name == "_chat.txt" || name.hasPrefix("whatsapp chat") { return .read(.whatsapp) }
        switch pathExtension {
        case "txt", "text": return .read(.text)
        case "md", "markdown": return .read(.markdown)
        case "jsonl", "ndjson": return .read(.jsonl)
        case "csv": return .read(.csv)
        default: return .unknown
        }
    }

    /// LinkedIn's content files (`Shares.csv`, `Shares_2.csv`, `Comments.csv`, `messages.csv`,
    /// `Invitations.csv`), by what they hold.
    static func linkedInContent(_ name: String) -> LinkedInReader.File? {
        guard name.hasSuffix(".csv") else { return nil }
        let base = name.dropLast(4)
        if base.hasPrefix("shares") { return .shares }
        if base.hasPrefix("comments") { return .comments }
        if base == "messages" || base.hasPrefix("messages_") { return .messages }
        if base == "invitations" || base.hasPrefix("invitations_") { return .invitations }
        return nil
    }

    /// A Facebook or Instagram file that holds posts, comments or messages; `.notContent` for the
    /// rest of a Meta download; nil when the path is not from one.
    private func metaRoute(name: String, folders: [String]) -> ExportRoute? {
        let instagram = folders.contains("your_instagram_activity") || (isInstagram && !folders.contains("your_facebook_activity"))
        let facebook = folders.contains("your_facebook_activity") || folders.contains("this_profile's_activity_across_facebook")
            || (isFacebook && !instagram)
        let format: InputFormat = instagram && !facebook ? .instagram : .facebook
        let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let isMessage = base.hasPrefix("message_") && base.dropFirst(8).allSatisfy(\.isNumber)
        if isMessage, folders.count >= 2, ExportLayout.messageFolders.contains(folders[folders.count - 2]) { return .read(format) }
        let parent = folders.last ?? ""
        if facebook || (!instagram && (parent == "posts" || parent == "album" || parent == "groups" || parent == "comments_and_reactions")) {
            switch parent {
            case "posts" where base.contains("posts"): return .read(.facebook)
            case "album": return .read(.facebook)
            case "groups" where base.contains("posts") || base.contains("comments"): return .read(.facebook)
            case "comments_and_reactions" where base.hasPrefix("comments"): return .read(.facebook)
            default: break
            }
            if base.hasPrefix("your_posts") || base.hasPrefix("profile_posts") { return .read(.facebook) }
            return facebook ? .notContent : nil
        }
        if instagram || parent == "content" || parent == "comments" {
            switch parent {
            case "content" where base.hasPrefix("posts_") || base == "posts" || base == "stories" || base == "reels"
                || base == "archived_posts" || base == "igtv_videos":
                return .read(.instagram)
            case "comments" where base.hasPrefix("post_comments") || base.hasPrefix("reels_comments") || base.hasPrefix("comments"):
                return .read(.instagram)
            case "archived_posts" where base.hasPrefix("archived_posts"): return .read(.instagram)
            default: break
            }
            return instagram ? .notContent : nil
        }
        // A file on its own, out of its folders: the names the platforms give their post files.
        if folders.isEmpty || !(isFacebook || isInstagram) {
            if base.hasPrefix("your_posts") || base.hasPrefix("profile_posts") { return .read(.facebook) }
            if base.hasPrefix("posts_") || base == "posts" { return .read(.instagram) }
        }
        return nil
    }
}
