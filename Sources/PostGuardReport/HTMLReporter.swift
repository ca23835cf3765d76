// Report: one self-contained HTML page for a privacy officer's audit, to open, filter, print and file.
// Nothing is fetched: the styles, the charts (inline SVG drawn from the counts) and the small script
// that filters and sorts the table are all in the page, so it opens offline and from an archive.
// The summary and charts come first on the page but are known only at the end of the run, so the
// table's rows are written to a temporary file as documents arrive and copied in after the charts:
// a year of posts is never held in memory, only its counts.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict
import Foundation

final class HTMLReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions
    private var spill: Spill?
    private var rows = 0
    private var rules: [String: Int] = [:]
    private var months: [String: Int] = [:]
    private var findings = 0
    private var dates: (first: String, last: String)?
    /// The documents with the most findings: a short list kept as documents arrive.
    private var top: [(document: String, findings: Int)] = []
    static let topCount = 10

    init(output: ReportOutput, options: ReportOptions) { self.output = output; self.options = options }

    func begin() {
        spill = Spill()
    }

    func add(_ result: DocumentResult) {
        let document = result.document
        let place = location(of: document)
        let date = document.publishAt ?? document.createdAt
        let month = date.flatMap(HTMLReporter.month)
        if let day = date.flatMap(HTMLReporter.day) {
            dates = dates.map { (min($0.first, day), max($0.last, day)) } ?? (day, day)
        }
        let shown = result.findings.filter { options.includeInfo || $0.severity != .info }
        let counted = result.findings.filter { $0.severity != .info }
        findings += counted.count
        for finding in counted {
            rules[finding.rule, default: 0] += 1
            months[month ?? "undated", default: 0] += 1
        }
        if !counted.isEmpty {
            top.append((place, counted.count))
            top.sort { $0.findings != $1.findings ? $0.findings > $1.findings : $0.document < $1.document }
            if top.count > HTMLReporter.topCount { top.removeLast() }
        }
        let common = (verdict: result.verdict.rawValue, document: place, date: date ?? "", channel: document.channel ?? Summary.noChannel,
                      kind: document.kind.rawValue)
        if shown.isEmpty {
            // Every document checked has a row, so the table says what passed as well.
            row(common, severity: "", rule: "", category: "", position: "", excerpt: "", message: "No finding.", why: nil, fix: nil)
        }
        let excerpts = Excerpts(result, options: options)
        for finding in shown {
            row(common, severity: finding.severity.rawValue, rule: finding.rule, category: finding.category.rawValue,
                position: finding.span.map { "\($0.line):\($0.column)" } ?? "",
                excerpt: excerpts.of(finding), message: finding.message,
                why: finding.entry.why, fix: finding.entry.fix)
        }
    }

    private func row(_ common: (verdict: String, document: String, date: String, channel: String, kind: String),
                     severity: String, rule: String, category: String, position: String, excerpt: String,
                     message: String, why: String?, fix: String?) {
        rows += 1
        var html = "<tr data-verdict=\"\(htmlAttribute(common.verdict))\" data-category=\"\(htmlAttribute(category))\" data-channel=\"\(htmlAttribute(common.channel))\">"
        html += "<td class=\"v-\(htmlAttribute(common.verdict))\">\(htmlEscaped(common.verdict))</td>"
        html += "<td class=\"doc\">\(htmlEscaped(common.document))</td><td>\(htmlEscaped(common.date))</td>"
        html += "<td>\(htmlEscaped(common.channel))</td><td>\(htmlEscaped(common.kind))</td>"
        html += "<td class=\"s-\(htmlAttribute(severity))\">\(htmlEscaped(severity))</td><td><code>\(htmlEscaped(rule))</code></td>"
        html += "<td>\(htmlEscaped(category))</td><td>\(htmlEscaped(position))</td><td class=\"excerpt\">\(htmlEscaped(excerpt))</td>"
        html += "<td>\(htmlEscaped(message))"
        if let why { html += "<div class=\"why\"><b>Why:</b> \(htmlEscaped(why))</div>" }
        if let fix { html += "<div class=\"fix\"><b>Fix:</b> \(htmlEscaped(fix))</div>" }
        html += "</td></tr>\n"
        spill?.write(html)
    }

    func finish(_ summary: Summary) {
        let categories = Summary.ranked(summary.categories)
        let channelNames = summary.channels.keys.sorted()
        output.write("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PostGuard audit report</title>
        <style>\(HTMLReporter.style)</style>
        </head><body>
        <header><h1>PostGuard audit report</h1>
        <p class="meta">PostGuard \(htmlEscaped(PostGuardVersion.current)), run on \(htmlEscaped(HTMLReporter.today())).
        Checked: \(options.checkedPaths.isEmpty ? "standard input" : options.checkedPaths.map { "<code>\(htmlEscaped($0))</code>" }.joined(separator: ", ")).
        \(dates.map { "Posts dated \(htmlEscaped($0.first)) to \(htmlEscaped($0.last))." } ?? "No document dates.")
        \(options.showPHI ? "<strong class=\"phi\">Matched text is shown as written (--show-phi): this file holds patient information.</strong>" : "Excerpts are masked.")</p>
        </header>
        <section class="totals" id="totals">
        <div><span class="n" id="documents-count">\(summary.documents)</span> documents</div>
        <div class="v-pass"><span class="n" id="pass-count">\(summary.pass)</span> pass</div>
        <div class="v-review"><span class="n" id="review-count">\(summary.review)</span> review</div>
        <div class="v-block"><span class="n" id="block-count">\(summary.block)</span> block</div>
        <div><span class="n" id="findings-count">\(findings)</span> findings to act on</div>
        \(summary.accepted > 0 ? "<div><span class=\"n\" id=\"accepted-count\">\(summary.accepted)</span> accepted (baseline or ignore file)</div>" : "")
        </section>
        <section class="charts">

        """)
        output.write(Chart.bars(id: "chart-category", title: "Findings by category", categories.map { ($0.key, $0.count) }))
        output.write(Chart.bars(id: "chart-rule", title: "Findings by rule", Summary.ranked(rules).map { ($0.key, $0.count) }))
        output.write(Chart.stacked(id: "chart-channel", title: "Documents by channel and verdict", channelNames.map { name in
            let counts = summary.channels[name]!
            return (name, [counts.block, counts.review, counts.pass])
        }, parts: ["block", "review", "pass"]))
        output.write(Chart.bars(id: "chart-month", title: "Findings by month of the posts' dates",
                                months.keys.sorted().map { ($0, months[$0]!) }, keepOrder: true))
        output.write(Chart.bars(id: "chart-documents", title: "Documents with the most findings", top.map { ($0.document, $0.findings) }))
        output.write("""
        </section>
        <section class="findings">
        <h2>Documents and findings</h2>
        <form class="filters" id="filters" onsubmit="return false">
        <label>Verdict <select id="filter-verdict"><option value="">all</option>\(["block", "review", "pass"].map { "<option>\($0)</option>" }.joined())</select></label>
        <label>Category <select id="filter-category"><option value="">all</option>\(categories.map(\.key).sorted().map { "<option>\(htmlEscaped($0))</option>" }.joined())</select></label>
        <label>Channel <select id="filter-channel"><option value="">all</option>\(channelNames.map { "<option>\(htmlEscaped($0))</option>" }.joined())</select></label>
        <label>Text <input type="search" id="filter-text" placeholder="rule, document, message..."></label>
        <span id="shown"><span id="shown-count">\(rows)</span> of \(rows) rows</span>
        </form>
        <table id="findings"><thead><tr>
        <th>Verdict</th><th>Document</th><th>Date</th><th>Channel</th><th>Kind</th><th>Severity</th><th>Rule</th><th>Category</th><th>Line:col</th><th>Excerpt</th><th>Why and fix</th>
        </tr></thead><tbody>

        """)
        spill?.copy(to: output)
        spill = nil
        output.write("""
        </tbody></table>
        </section>
        <script>\(HTMLReporter.script)</script>
        </body></html>

        """)
        output.flush()
    }

    /// `YYYY-MM` of an ISO date or timestamp, or of an X archive's `Wed Oct 10 20:19:24 +0000 2018`.
    static func month(_ date: String) -> String? {
        if let day = day(date) { return String(day.prefix(7)) }
        return nil
    }

    /// `YYYY-MM-DD` of an ISO date or timestamp, or of an X archive's date.
    static func day(_ date: String) -> String? {
        let scalars = Array(date.unicodeScalars)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < scalars.count && ("0"..."9").contains(scalars[$0]) } }
        if digits(0..<4), scalars.count >= 10, scalars[4] == "-", digits(5..<7), scalars[7] == "-", digits(8..<10) {
            return String(String.UnicodeScalarView(scalars[0..<10]))
        }
        let parts = date.split(separator: " ")
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if parts.count == 6, let month = names.firstIndex(of: String(parts[1])), let day = Int(parts[2]),
           parts[5].count == 4, Int(parts[5]) != nil {
            return "\(parts[5])-\(month < 9 ? "0" : "")\(month + 1)-\(day < 10 ? "0" : "")\(day)"
        }
        return nil
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }

    static let style = """
    body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}h1{margin:0 0 .2em}h2{margin:1.2em 0 .4em}
    .meta{color:#444}.phi{color:#b00020}code{font-size:90%}
    .totals{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}.totals div{border:1px solid #ccc;border-radius:6px;padding:.4em .8em}
    .totals .n{font-size:1.6em;font-weight:600;margin-right:.2em}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1em}
    figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.6em}figcaption{font-weight:600;margin-bottom:.3em}
    svg text{font:12px system-ui,sans-serif;fill:#1d1d1f}
    .filters{display:flex;flex-wrap:wrap;gap:.8em;align-items:center;margin:.5em 0}
    table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.3em .4em;vertical-align:top;text-align:left}
    th{background:#f4f4f6;cursor:pointer;position:sticky;top:0}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
    td.doc{word-break:break-all;max-width:18em}.excerpt{font-family:ui-monospace,monospace}.why,.fix{color:#555;font-size:92%}
    .v-block{color:#b00020;font-weight:600}.v-review{color:#a15c00;font-weight:600}.v-pass{color:#1b7f3b}
    tr[hidden]{display:none}
    @media print{.filters{display:none}tr[hidden]{display:table-row}th{position:static}body{margin:0}}
    """

    /// Filters by verdict, category, channel and text, sorts on a header click. Filters can be set
    /// from the address (`report.html#verdict=block&channel=facebook`), so a filtered view can be sent.
    static let script = """
    (function(){
    var rows=Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
    var f={verdict:document.getElementById('filter-verdict'),category:document.getElementById('filter-category'),
    channel:document.getElementById('filter-channel'),text:document.getElementById('filter-text')};
    var texts=rows.map(function(r){return r.textContent.toLowerCase();});
    function apply(){var n=0,t=f.text.value.toLowerCase();
    rows.forEach(function(r,i){var ok=(!f.verdict.value||r.dataset.verdict===f.verdict.value)&&
    (!f.category.value||r.dataset.category===f.category.value)&&(!f.channel.value||r.dataset.channel===f.channel.value)&&
    (!t||texts[i].indexOf(t)>=0);r.hidden=!ok;if(ok)n++;});
    document.getElementById('shown-count').textContent=n;}
    Object.keys(f).forEach(function(k){f[k].addEventListener('input',apply);f[k].addEventListener('change',apply);});
    var hash=location.hash.slice(1);if(hash){hash.split('&').forEach(function(p){var kv=p.split('=');
    if(f[kv[0]])f[kv[0]].value=decodeURIComponent(kv[1]||'');});}
    var body=document.querySelector('#findings tbody');
    document.querySelectorAll('#findings th').forEach(function(th,col){th.addEventListener('click',function(){
    var asc=!th.classList.contains('sorted-asc');document.querySelectorAll('#findings th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc');});
    th.classList.add(asc?'sorted-asc':'sorted-desc');
    var sorted=rows.slice().sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;
    var c=x.localeCompare(y,undefined,{numeric:true});return asc?c:-c;});sorted.forEach(function(r){body.appendChild(r);});});});
    apply();})();
    """
}

/// Bar charts as inline SVG, drawn from the numbers: no chart library, nothing fetched.
enum Chart {
    static let width = 420, rowHeight = 20, labelWidth = 170, maxRows = 12

    static func bars(id: String, title: String, _ items: [(String, Int)], keepOrder: Bool = false) -> String {
        let shown = Array(items.prefix(maxRows))
        guard !shown.isEmpty else { return figure(id: id, title: title, svg: nil) }
        let largest = max(1, shown.map(\.1).max() ?? 1)
        let barSpace = width - labelWidth - 40
        var svg = "<svg role=\"img\" aria-label=\"\(htmlEscaped(title))\" viewBox=\"0 0 \(width) \(shown.count * rowHeight + 4)\" width=\"100%\">"
        for (index, (label, value)) in shown.enumerated() {
            let y = index * rowHeight + 2
            let length = max(1, value * barSpace / largest)
            svg += "<g class=\"bar\" data-label=\"\(htmlAttribute(label))\" data-value=\"\(value)\">"
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(htmlEscaped(shorten(label)))<title>\(htmlEscaped(label))</title></text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"#3b6fb6\"></rect>"
            svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 14)\">\(value)</text></g>"
        }
        svg += "</svg>"
        let more = items.count > shown.count ? "<p class=\"meta\">and \(items.count - shown.count) more</p>" : ""
        return figure(id: id, title: title, svg: svg + more)
    }

    /// One bar per item, split into `parts` (block, review, pass) with their colours.
    static func stacked(id: String, title: String, _ items: [(String, [Int])], parts: [String]) -> String {
        guard !items.isEmpty else { return figure(id: id, title: title, svg: nil) }
        let colours = ["#b00020", "#d98b00", "#1b7f3b"]
        let largest = max(1, items.map { $0.1.reduce(0, +) }.max() ?? 1)
        let barSpace = width - labelWidth - 40
        let shown = Array(items.prefix(maxRows))
        var svg = "<svg role=\"img\" aria-label=\"\(htmlEscaped(title))\" viewBox=\"0 0 \(width) \(shown.count * rowHeight + 24)\" width=\"100%\">"
        for (index, (label, values)) in shown.enumerated() {
            let y = index * rowHeight + 2
            let total = values.reduce(0, +)
            svg += "<g class=\"bar\" data-label=\"\(htmlAttribute(label))\" data-value=\"\(total)\">"
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(htmlEscaped(shorten(label)))</text>"
            var x = labelWidth
            for (part, value) in values.enumerated() where value > 0 {
                let length = max(1, value * barSpace / largest)
                svg += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"\(colours[part % colours.count])\"><title>\(value) \(parts[part])</title></rect>"
                x += length
            }
            svg += "<text x=\"\(x + 4)\" y=\"\(y + 14)\">\(total)</text></g>"
        }
        let legendY = shown.count * rowHeight + 18
        for (part, name) in parts.enumerated() {
            let x = labelWidth + part * 70
            svg += "<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"10\" height=\"10\" fill=\"\(colours[part % colours.count])\"></rect><text x=\"\(x + 14)\" y=\"\(legendY)\">\(name)</text>"
        }
        svg += "</svg>"
        return figure(id: id, title: title, svg: svg)
    }

    static func figure(id: String, title: String, svg: String?) -> String {
        "<figure id=\"\(id)\"><figcaption>\(htmlEscaped(title))</figcaption>\(svg ?? "<p class=\"meta\">None.</p>")</figure>\n"
    }

    static func shorten(_ label: String) -> String {
        label.count <= 26 ? label : "…" + label.suffix(25)
    }
}

/// Text for HTML content (the report and the staff page's guide).
package func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

func htmlAttribute(_ text: String) -> String { htmlEscaped(text) }

/// The table's rows while the run goes on: a temporary file, removed when the report is written.
final class Spill {
    private let url: URL
    private let handle: FileHandle?
    private var buffer: [UInt8] = []

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("postguard-report-\(UUID().uuidString).html.part")
        FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        handle = try? FileHandle(forWritingTo: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle?.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies the rows to `output` in pieces, then removes the file.
    func copy(to output: ReportOutput) {
        flush()
        try? handle?.close()
        if let reader = try? FileHandle(forReadingFrom: url) {
            while let piece = try? reader.read(upToCount: 1 << 16), !piece.isEmpty {
                output.write(bytes: piece)
            }
            try? reader.close()
        }
        try? FileManager.default.removeItem(at: url)
    }
}
