import Foundation
import SheetCore

/// `output/profiles.csv`: one row a community, one column a published field, a breakdown as one
/// column a category (`funding.grants`, `members.regions.europe`); the columns are described in
/// docs/open-data.md. Cells: a number as written on the sheet, a list's items joined with `; `,
/// `withheld` for a value withheld for too few responses, empty for a field not set (and `0`
/// for a category a set breakdown does not list; a breakdown for which no community reports a
/// category is one column named after the field). RFC 4180 quoting, CRLF line ends, UTF-8.
struct OpenDataTable {
    static let csvFileName = "profiles.csv"
    static let jsonFileName = "profiles.json"

    /// The breakdown fields, each a column per category.
    static let breakdownFields = ["members.regions", "members.career_stages", "funding"]

    /// Categories per breakdown field, gathered from every record before the header is written:
    /// funding's are the format's list, in its order; the others' are those the records use,
    /// sorted, `other` last.
    private(set) var categories: [String: [String]] = ["funding": ProfileSchema.fundingCategories]
    private var seen: [String: Set<String>] = [:]

    /// Takes note of the categories `record` uses.
    mutating func note(_ record: OpenDataRecord) {
        for field in record.fields where Self.breakdownFields.contains(field.field) && field.field != "funding" {
            if case .breakdown(let shares)? = field.value {
                for share in shares { seen[field.field, default: []].insert(share.category) }
            }
        }
    }

    /// The columns, once every record was noted.
    mutating func columns() -> [String] {
        for field in Self.breakdownFields where field != "funding" {
            let found = seen[field] ?? []
            categories[field] = found.subtracting(["other"]).sorted() + (found.contains("other") ? ["other"] : [])
        }
        return OpenDataRecord.publishedFields.flatMap { field -> [String] in
            // A breakdown no community reports a category of (unset or withheld everywhere) is
            // one column, so that its withheld marks are still there.
            guard let list = categories[field], !list.isEmpty else { return [field] }
            return list.map { "\(field).\($0)" }
        }
    }

    /// The header line.
    static func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// `record`'s cells, in the order of `columns()`.
    func cells(_ record: OpenDataRecord) -> [String] {
        record.fields.flatMap { field -> [String] in
            if let list = categories[field.field] {
                if list.isEmpty { return [field.withheld != nil ? "withheld" : ""] }
                if field.withheld != nil { return list.map { _ in "withheld" } }
                guard case .breakdown(let shares)? = field.value else { return list.map { _ in "" } }
                return list.map { category in shares.first { $0.category == category }.map { Self.number($0.percent) } ?? "0" }
            }
            if field.withheld != nil { return ["withheld"] }
            switch field.value {
            case nil: return [""]
            case .text(let text)?: return [Self.safe(text)]
            case .number(let number)?: return [Self.number(number)]
            case .list(let items)?: return [Self.safe(items.joined(separator: "; "))]
            case .breakdown(let shares)?: return [Self.safe(shares.map { "\($0.category) \(Self.number($0.percent))%" }.joined(separator: "; "))]
            }
        }
    }

    /// A text that a spreadsheet program would take for a formula (it begins with `=`, `+`,
    /// `-` or `@`, or with a tab or carriage return before one) gets a `'` in front, which
    /// programs show as text and do not evaluate (OWASP's advice on CSV injection).
    static func safe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }

    /// RFC 4180: quoted when it holds a comma, a quote, a line break or begins or ends with
    /// white space; quotes doubled.
    static func quoted(_ cell: String) -> String {
        let needs = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        return needs ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
