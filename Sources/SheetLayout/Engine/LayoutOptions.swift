import Foundation

/// Choices of one layout run that do not come from the profile or the template.
public struct LayoutOptions: Sendable, Hashable {
    /// The paper; nil for the template's default.
    public var paper: PaperSize?
    /// When the sheet counts as made: the footer's date and the PDF's dates.
    public var date: Date
    /// The tool's name and version, for the PDF's creator field.
    public var creator: String
    /// The language of the sheet's own words for every profile (`build --language`); nil for
    /// each profile's own `language`.
    public var language: String?

    public init(paper: PaperSize? = nil, date: Date, creator: String, language: String? = nil) {
        self.paper = paper
        self.date = date
        self.creator = creator
        self.language = language
    }

    /// `2026-11-20` in UTC.
    public var dateText: String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        let year = components.year ?? 1970
        let month = components.month ?? 1
        let day = components.day ?? 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
