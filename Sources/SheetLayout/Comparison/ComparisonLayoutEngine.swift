import Foundation
import SheetCore

/// Lays out the sheet of `profilesheet compare`: 2 to 6 communities side by side, one column
/// each, on the template's papers, margins, styles and colours (the same template a sheet is
/// made from; its design, not its page list, applies here).
///
/// The sections are tables a reader reads across a row: the key figures; the activities each
/// community reports in each mode of the Community Participation Model; members by region, by
/// career stage and the funding mix, every share a bar on a track that stands for 100 % in every
/// column, so that lengths compare across communities. A value a community did not report
/// reads "not reported" and one a survey withheld reads "withheld", never a zero. A section that
/// does not fit under the one before starts a new page; a table longer than a page goes on
/// between rows, under its heading marked as continued and the row of names again.
///
/// Like `SheetLayoutEngine`, it never draws: the result is frames with their roles (tables with
/// row and column header cells), for the same renderer, tagger and checks as a sheet.
public struct ComparisonLayoutEngine: Sendable {
    /// How many communities one comparison sets side by side.
    public static let communities = 2...6

    public var template: Template
    public var measurer: any TextMeasurer

    public init(template: Template, measurer: any TextMeasurer) {
        self.template = template
        self.measurer = measurer
    }

    /// The comparison's own words are the template's (`compare.*` and `many.*` strings) in
    /// `options.language` (`compare --language`), else the communities' shared language, else
    /// English; its numbers are written that language's way, and a right-to-left language
    /// mirrors the pages as a sheet's. Each community's name stays in its own language.
    public func layout(_ profiles: [Profile], taxonomy: Taxonomy, options: LayoutOptions) -> LayoutResult {
        let paper = options.paper ?? template.defaultPaper
        let pageSize = template.papers[paper] ?? Size(width: 612, height: 792)
        let language = options.language ?? Self.sharedLanguage(of: profiles) ?? TemplateStrings.reference
        var base = profiles.first ?? Profile(id: "comparison", name: "Comparison", type: .other, period: .year(2025), mission: "", file: "")
        base.language = language
        let numbers = NumberText(language: language)
        let (strings, translated) = template.sheetStrings(for: language, numbers: numbers)
        // A run's `--language` is warned about once for the run (LoadStage).
        let diagnostics = !translated && options.language == nil ? [template.untranslatedWarning(language, at: nil)] : []
        let context = LayoutContext(
            profile: base, taxonomy: taxonomy, template: template, measurer: measurer, scale: 1, paper: paper,
            pageSize: pageSize, pageNumber: 1, pageCount: 1, generatedOn: options.dateText, numbers: numbers,
            strings: strings, language: translated ? language : TemplateStrings.reference)
        let layout = ComparisonLayout(profiles: profiles, context: context)
        var pages = layout.pages()
        if context.rightToLeft { pages = pages.map { $0.mirroredHorizontally() } }
        let names = profiles.map(\.displayShortName).joined(separator: ", ")
        let metadata = DocumentMetadata(
            title: strings.text("compare.document-title", ["names": names]),
            subject: strings.text("compare.document-subject", ["names": names]),
            keywords: [], creator: options.creator, language: language, date: options.date,
            bookmark: strings.text("compare.bookmark", ["names": names]))
        return LayoutResult(document: SheetDocument(pages: pages, metadata: metadata), diagnostics: diagnostics, scales: pages.map { _ in 1 })
    }

    /// The language every profile is in, if they share one (then the numbers are written its
    /// way and it is the document's language); nil when they differ.
    static func sharedLanguage(of profiles: [Profile]) -> String? {
        guard let first = profiles.first?.language else { return nil }
        return profiles.allSatisfy({ $0.language == first }) ? first : nil
    }
}
