// Input: the one rule for a list written in a single cell, option or field: consent ids in a CSV
// cell or a JSONL/front matter string, `consent add --channels`, `--may-show`, `--statements`,
// `--aliases`, and the consent CSV's columns. One rule, so a list exported by one command imports
// the same through another.

package enum ListItems {
    /// What the items are: names may hold commas ("López, María"), so only `;` separates them.
    package enum Kind: Sendable { case values, names }

    /// Values: `;` separates items when the text has one, else `,` ("facebook, instagram",
    /// "C-1; C-2"). Names: `;` only. Items are trimmed; empty items are dropped.
    package static func split(_ text: String?, _ kind: Kind = .values) -> [String] {
        guard let text else { return [] }
        let separator: Character = kind == .names || text.contains(";") ? ";" : ","
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
