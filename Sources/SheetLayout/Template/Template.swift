import SheetCore

/// A sheet design, read from a template folder's `template.yaml`: paper, margins, grid, type
/// styles, colours, and which field goes into which frame as which component.
public struct Template: Sendable, Hashable {
    public var name: String
    /// The folder the template was read from; asset paths are relative to it.
    public var directory: String
    public var defaultPaper: PaperSize
    public var papers: [PaperSize: Size]
    public var margins: EdgeInsets
    public var grid: Grid
    public var fit: FitRule
    public var spacing: Spacing
    public var colors: [String: Color]
    /// Chart colours, in order of use (colour-blind safe).
    public var palette: [Color]
    public var styles: [String: TextStyle]
    /// Display names of breakdown categories (`north-america` → "North America").
    public var labels: [String: String]
    /// Fixed pages, each with its own blocks (the first template language); empty when the
    /// template flows (`firstPage` and `flow`).
    public var pages: [PageTemplate]
    /// A flowing template's first page: its blocks always start the sheet.
    public var firstPage: PageTemplate?
    /// A flowing template's sections after the first page's, onto as many pages as they need.
    public var flow: FlowTemplate?
    /// Small icons used by components, by name, as absolute paths of SVG files.
    public var icons: [String: String]
    /// The words the template puts on a sheet, per language (`strings/`).
    public var strings = TemplateStrings(tables: [:])

    public init(
        name: String, directory: String, defaultPaper: PaperSize, papers: [PaperSize: Size], margins: EdgeInsets,
        grid: Grid, fit: FitRule, spacing: Spacing, colors: [String: Color], palette: [Color],
        styles: [String: TextStyle], labels: [String: String], pages: [PageTemplate], icons: [String: String],
        firstPage: PageTemplate? = nil, flow: FlowTemplate? = nil
    ) {
        self.firstPage = firstPage
        self.flow = flow
        self.name = name
        self.directory = directory
        self.defaultPaper = defaultPaper
        self.papers = papers
        self.margins = margins
        self.grid = grid
        self.fit = fit
        self.spacing = spacing
        self.colors = colors
        self.palette = palette
        self.styles = styles
        self.labels = labels
        self.pages = pages
        self.icons = icons
    }

    public func color(_ name: String) -> Color { colors[name] ?? .black }

    public func style(_ name: String) -> TextStyle {
        styles[name] ?? styles["body"] ?? TextStyle(family: "Noto Sans", size: 10)
    }

    /// The label for a breakdown category: the template's, else the slug's words, in title
    /// case for places (`members.regions`) and sentence case otherwise; acronyms and degrees
    /// keep their own capitals ("MSc student", "PhD candidate", "RSE").
    public func label(forCategory slug: String, field: String = "") -> String {
        if let label = labels[slug] { return label }
        let words = slug.split(separator: "-").map(String.init)
        let minor: Set<String> = ["and", "of", "the", "in", "de", "da", "do", "del"]
        return words.enumerated().map { index, word in
            if let acronym = Self.acronyms[word] { return acronym }
            let capitalize = index == 0 || (field == "members.regions" && !minor.contains(word))
            return capitalize ? word.prefix(1).uppercased() + word.dropFirst() : word
        }.joined(separator: " ")
    }

    /// Words a slug writes in lower case that a label spells with capitals of their own.
    static let acronyms: [String: String] = [
        "bsc": "BSc", "msc": "MSc", "ba": "BA", "ma": "MA", "mba": "MBA", "phd": "PhD", "dphil": "DPhil", "md": "MD",
        "rse": "RSE", "rses": "RSEs", "hpc": "HPC", "ai": "AI", "it": "IT", "ngo": "NGO", "ngos": "NGOs",
        "us": "US", "uk": "UK", "eu": "EU", "un": "UN", "usa": "USA", "lgbtq": "LGBTQ",
    ]
}

/// The paper sizes a sheet can be set on.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    case letter
    case a4

    public var label: String {
        switch self {
        case .letter: "Letter"
        case .a4: "A4"
        }
    }
}

public struct EdgeInsets: Sendable, Hashable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double

    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }
}

/// The column grid: `columns` columns separated by `gutter` points.
public struct Grid: Sendable, Hashable {
    public var columns: Int
    public var gutter: Double

    public init(columns: Int, gutter: Double) {
        self.columns = columns
        self.gutter = gutter
    }

    /// Width of `span` columns (with the gutters between them) in a content area `width` wide.
    public func width(ofSpan span: Int, in width: Double) -> Double {
        let column = (width - gutter * Double(columns - 1)) / Double(columns)
        return column * Double(span) + gutter * Double(span - 1)
    }
}

/// How far text may shrink to make a page fit: scales from 1 down to `minimumScale` in
/// steps of `step`, and never below `minimumBodySize` for body text.
public struct FitRule: Sendable, Hashable {
    public var minimumScale: Double
    public var step: Double
    /// The smallest body text, in points (`min_body_size`); nil for no floor but the scale's.
    public var minimumBodySize: Double?

    public init(minimumScale: Double, step: Double, minimumBodySize: Double? = nil) {
        self.minimumScale = minimumScale
        self.step = step
        self.minimumBodySize = minimumBodySize
    }

    /// The rule for body text `bodySize` points: the minimum scale raised so that body text
    /// stays at least `minimumBodySize`.
    public func limited(bodySize: Double) -> FitRule {
        guard let minimumBodySize, bodySize > 0 else { return self }
        return FitRule(minimumScale: min(1, max(minimumScale, minimumBodySize / bodySize)), step: step, minimumBodySize: minimumBodySize)
    }

    /// The scales tried, largest first.
    public var scales: [Double] {
        var scales: [Double] = []
        var scale = 1.0
        while scale > minimumScale + 1e-9 {
            scales.append(scale)
            scale -= step
        }
        scales.append(minimumScale)
        return scales
    }
}

/// Vertical rhythm, in points at scale 1.
public struct Spacing: Sendable, Hashable {
    /// Between sections.
    public var section: Double
    /// Between a section's heading and its content.
    public var heading: Double
    /// Between items of a list, and paragraphs.
    public var item: Double

    public init(section: Double, heading: Double, item: Double) {
        self.section = section
        self.heading = heading
        self.item = item
    }
}

/// One page of the design.
public struct PageTemplate: Sendable, Hashable {
    public var title: String
    public var blocks: [BlockTemplate]
    /// Whether the page is left out when none of its blocks has data.
    public var optional: Bool

    public init(title: String, blocks: [BlockTemplate], optional: Bool) {
        self.title = title
        self.blocks = blocks
        self.optional = optional
    }
}

/// The sections of a flowing template after its first page's blocks: they continue under the
/// first page's blocks and onto as many pages as they need, up to `maximumPages` in all.
public struct FlowTemplate: Sendable, Hashable {
    /// The title of the pages after the first, in their running header and the PDF's outline.
    public var title: String
    /// The most pages a sheet may have, the first included.
    public var maximumPages: Int
    public var blocks: [BlockTemplate]

    public init(title: String, maximumPages: Int, blocks: [BlockTemplate]) {
        self.title = title
        self.maximumPages = maximumPages
        self.blocks = blocks
    }
}

/// A piece of a page: one component, or a row of columns on the grid.
public indirect enum BlockTemplate: Sendable, Hashable {
    case component(ComponentSpec)
    case columns([ColumnTemplate])
}

public struct ColumnTemplate: Sendable, Hashable {
    /// Grid columns spanned.
    public var span: Int
    public var blocks: [BlockTemplate]

    public init(span: Int, blocks: [BlockTemplate]) {
        self.span = span
        self.blocks = blocks
    }
}

/// One component placed on a page: what it is, the field it shows, and its heading.
public struct ComponentSpec: Sendable, Hashable {
    public var kind: ComponentKind
    /// Dotted path of the profile field shown, where the component shows one.
    public var field: String?
    public var heading: String?
    /// A text style overriding the component's default.
    public var style: String?

    public init(kind: ComponentKind, field: String? = nil, heading: String? = nil, style: String? = nil) {
        self.kind = kind
        self.field = field
        self.heading = heading
        self.style = style
    }
}

/// The components a template can place.
public enum ComponentKind: String, Sendable, Hashable, CaseIterable {
    /// Logo, name, short name, type, founded, period across the top of the page.
    case titleBand = "title-band"
    /// A slim band with the community's name and the page's title.
    case pageHeader = "page-header"
    /// One text field (plain or rich) as paragraphs.
    case paragraphs
    /// Key-figure tiles: members, paid staff, community managers, volunteers.
    case keyFigures = "key-figures"
    /// Keywords as chips with the taxonomy's labels.
    case keywordChips = "keyword-chips"
    /// A breakdown as horizontal bars with percentages.
    case barChart = "bar-chart"
    /// A breakdown as a donut with a legend.
    case donutChart = "donut-chart"
    /// The Community Participation Model with each mode's activities.
    case participationModel = "participation-model"
    /// A list of short texts as chips (tools).
    case toolList = "tool-list"
    /// A list of rich texts as bullets.
    case bulletList = "bullet-list"
    /// Host, governance and leadership.
    case structure
    /// Website, contact name, e-mail and contact page as links.
    case contact
    /// How to read the sheet: the model, where the data comes from, the licence.
    case about
}
