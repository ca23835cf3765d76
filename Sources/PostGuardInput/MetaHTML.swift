// Input: the HTML variant of Meta's download (Facebook and Instagram let the user choose HTML or
// JSON). Parsed by libxml2's HTML parser into a tree, never with regular expressions: a record is an
// element whose class has the token `_a6-g`, its sender or heading the `_a6-h` element in it, its
// text the `_a6-p` element, its time the `_a6-o` one (older downloads: `_2lek`/`_2pio` heading,
// `_2let` text, `_2lem` time). Tokens, not whole class attributes, since Messenger, Facebook and
// Instagram put different companions beside them.
import PostGuardDocuments
import CLibXML2
import Foundation

enum MetaHTML {
    /// What a file of the download holds, from its path: Messenger threads, comments, or posts.
    static func kind(of source: String) -> DocumentKind {
        let lower = source.lowercased()
        let name = URL(fileURLWithPath: lower).lastPathComponent
        if name.hasPrefix("message_") && lower.contains("/messages/") || lower.hasPrefix("messages/") { return .message }
        if name.contains("comments") { return .reply }
        return .post
    }

    static func read(_ data: Data, source: String, kind: DocumentKind, platform: MetaPlatform, options: InputOptions,
                     document: (Document) -> Void, failure: (InputError) -> Void) {
        let parsed: htmlDocPtr? = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, "UTF-8",
                           Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                                 | HTML_PARSE_NONET.rawValue))
        }
        // Freed on every path: a page that parses to a doctype alone has a document but no root
        // (found by scripts/fuzz html).
        defer { if let parsed { xmlFreeDoc(parsed) } }
        guard let parsed, let root = xmlDocGetRootElement(parsed) else {
            failure(InputError(source: source, reason: "not a readable HTML page"))
            return
        }
        var index = 0
        var blocks: [xmlNodePtr] = []
        collect(root, into: &blocks) { hasClass($0, "_a6-g") || (hasClass($0, "pam") && hasClass($0, "uiBoxWhite")) }
        for block in blocks {
            index += 1
            let heading = first(in: block) { hasClass($0, "_a6-h") || hasClass($0, "_2lek") || hasClass($0, "_2pio") }
            let content = first(in: block) { hasClass($0, "_a6-p") || hasClass($0, "_2let") }
            let time = first(in: block) { hasClass($0, "_a6-o") || hasClass($0, "_2lem") }
            var media: [Media] = []
            var text = ""
            if let content {
                text = self.text(of: content).trimmingCharacters(in: .whitespacesAndNewlines)
                var images: [xmlNodePtr] = []
                collect(content, into: &images) { name(of: $0) == "img" || name(of: $0) == "video" }
                media = images.map { Media(path: attribute($0, "src"), alt: nil) }
            }
            let headingText = heading.map { self.text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            // Instagram's HTML puts a post's caption in the heading; Facebook's heading of a post is
            // a title ("... updated their status.") and is left out.
            if kind == .post, platform == .instagram, let caption = headingText, !caption.isEmpty {
                text = text.isEmpty ? caption : caption + "\n" + text
            }
            guard !text.isEmpty || !media.isEmpty else { continue }
            var record = Document(source: source, text: text, kind: kind, channel: options.channel,
                                  // A thread's heading is the sender; a post's or comment's is a title ("... replied to ...").
                                  author: kind == .message ? headingText : nil,
                                  createdAt: time.map { self.text(of: $0).trimmingCharacters(in: .whitespacesAndNewlines) }, media: media)
            record.recordIndex = index
            document(record)
        }
    }

    // MARK: the tree

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        // xmlHasProp gives the attribute node itself, whose text libxml2 keeps: nothing to free.
        guard let property = xmlHasProp(node, name), let text = property.pointee.children?.pointee.content else { return nil }
        return String(cString: text)
    }

    private static func hasClass(_ node: xmlNodePtr, _ token: String) -> Bool {
        guard let classes = attribute(node, "class") else { return false }
        return classes.split(separator: " ").contains { $0 == token }
    }

    /// Elements under `node` (itself included) that `matches`, outermost only: a record's own
    /// parts are not records.
    private static func collect(_ node: xmlNodePtr, into found: inout [xmlNodePtr], where matches: (xmlNodePtr) -> Bool) {
        var child: xmlNodePtr? = node
        if node.pointee.type == XML_ELEMENT_NODE, matches(node) {
            found.append(node)
            return
        }
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { collect(current, into: &found, where: matches) }
            child = current.pointee.next
        }
    }

    private static func first(in node: xmlNodePtr, where matches: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child, found.isEmpty {
            if current.pointee.type == XML_ELEMENT_NODE { collect(current, into: &found, where: matches) }
            child = current.pointee.next
        }
        return found.first
    }

    /// Elements after which a line ends, so lines of a post stay lines.
    private static let blockElements: Set<String> = ["div", "p", "br", "li", "h1", "h2", "h3", "h4", "tr", "table", "ul", "ol", "section"]

    /// The text under `node`, a line for each block element.
    static func text(of node: xmlNodePtr) -> String {
        var out = ""
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { out += String(cString: content) }
                case XML_ELEMENT_NODE:
                    let element = name(of: current)
                    if element == "script" || element == "style" { break }
                    walk(current)
                    if blockElements.contains(element), !out.isEmpty, out.last != "\n" { out += "\n" }
                default: break
                }
                child = current.pointee.next
            }
        }
        walk(node)
        return out
    }
}
