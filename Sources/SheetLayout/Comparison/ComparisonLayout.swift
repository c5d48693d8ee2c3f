import Foundation
import SheetCore

/// One comparison being laid out: the communities, the context their words are measured in,
/// and the grid of their columns. `ComparisonLayoutEngine` makes one and asks for its pages.
struct ComparisonLayout {
    var profiles: [Profile]
    var context: LayoutContext

    typealias Cell = TableGrid.Cell
    typealias Table = TablePages.Table

    /// A label column (wider when few communities share the page), then a column per community.
    var grid: TableGrid {
        let labelWidth = (context.contentWidth * (profiles.count <= 3 ? 0.28 : 0.22)).rounded(.down)
        return TableGrid(context: context, labelWidth: labelWidth, equalColumns: profiles.count)
    }

    var paging: TablePages {
        TablePages(context: context, title: context.strings.text("compare.title"),
                   footerLabel: context.strings.text("compare.footer", ["communities": communities]))
    }

    /// The band, the tables in order and the note on the sources, on as many pages as they take.
    func pages() -> [Page] {
        // The names head the columns, each in its own language; the band gives only their
        // number, so that no line mixes the scripts of several communities under one language.
        let band = paging.band(title: context.strings.text("compare.title"), label: context.strings.text("many.band-label"),
                               period: TablePages.period(of: profiles.map(\.period), locale: context.locale),
                               subtitle: context.strings.text("compare.subtitle", ["communities": communities]))
        return paging.pages(band: band, tables: tables(), closing: aboutFrame())
    }

    /// "3 communities", in the comparison's words.
    var communities: String { context.strings.text("many.communities", count: profiles.count) }

    /// The header row: each community's short name, naming its column, in its own language.
    func namesRow() -> Frame {
        let grid = self.grid
        let names = profiles.enumerated().map { index, profile -> PositionedText? in
            var own = context
            own.profile = profile
            return own.text(profile.displayShortName, style: "mode-title", width: grid.columns[index].width,
                            field: profile.shortName == nil ? "name" : "short_name")
        }
        return grid.headerRow(names)
    }
}
