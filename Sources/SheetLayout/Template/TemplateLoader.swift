import Foundation
import SheetCore
import Yams

/// Reads a template folder's `template.yaml`, with the same diagnostics as profiles: a
/// template is data that people edit too.
public enum TemplateLoader {
    public struct Result: Sendable {
        public var template: Template?
        public var diagnostics: [Diagnostic]
        public var source: String?
        /// The text of each strings file read, by path, for diagnostics.
        public var stringSources: [String: String] = [:]
    }

    public static let fileName = "template.yaml"

    /// Fields each component can show.
    static let fieldsByComponent: [ComponentKind: [String]] = [
        .paragraphs: ["mission", "narrative", "champions", "structure.host", "structure.governance"],
        .keywordChips: ["keywords"],
        .barChart: ["members.regions", "members.career_stages", "funding"],
        .donutChart: ["funding", "members.regions", "members.career_stages"],
        .toolList: ["tools"] + ParticipationMode.allCases.map { "programming.\($0.rawValue)" },
        .bulletList: ["highlights.successes", "highlights.outputs", "highlights.challenges", "highlights.plans", "tools"]
            + ParticipationMode.allCases.map { "programming.\($0.rawValue)" },
        .participationModel: ["programming"],
    ]

    public static func load(directory: String) -> Result {
        let file = (directory as NSString).appendingPathComponent(fileName)
        let data: Data
        switch BoundedFile.read(file, limit: YAMLDocument.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(.notFound):
            return Result(template: nil, diagnostics: [.error(
                at: nil, "cannot read the template '\(file)'",
                hint: "--template names a folder holding \(fileName); the default is templates/standard")], source: nil)
        case .failure(let problem):
            return Result(template: nil, diagnostics: [problem.diagnostic(
                file: file, limit: YAMLDocument.maximumFileSize, tooLargeHint: "a template is a few kilobytes; is this the right file?")],
                source: nil)
        }
        return load(data: data, file: file, directory: directory)
    }

    /// The template whose `template.yaml` holds `data`, read from `file` in `directory` (the
    /// folder its icon paths are relative to).
    public static func load(data: Data, file: String, directory: String) -> Result {
        let (document, parseDiagnostics) = YAMLDocument.parse(data, file: file)
        guard let document, let root = document.root else {
            return Result(template: nil, diagnostics: parseDiagnostics.isEmpty ? [.error(at: nil, "the template '\(file)' is empty")] : parseDiagnostics,
                          source: try? TextDecoding.decodeUTF8(data).get())
        }
        var reader = NodeReader(file: file)
        var template = read(root, directory: directory, reader: &reader)
        let strings = TemplateStringsLoader.load(directory: directory, template: template)
        if let loaded = strings.strings { template?.strings = loaded }
        let diagnostics = parseDiagnostics + reader.diagnostics + strings.diagnostics
        return Result(template: diagnostics.hasErrors ? nil : template, diagnostics: diagnostics, source: document.text,
                      stringSources: strings.sources)
    }

    static let rootKeys = ["format", "name", "paper", "papers", "margins", "grid", "fit", "spacing", "fonts", "colors", "palette", "styles", "labels", "icons", "pages", "first_page", "flow"]

    static func read(_ root: Node, directory: String, reader: inout NodeReader) -> Template? {
        guard let mapping = reader.mapping(root, field: "template", expected: "a mapping") else { return nil }
        let entries = reader.entries(of: mapping, allowed: rootKeys, field: nil)
        for key in ["format", "name", "paper", "papers", "margins", "grid", "colors", "palette", "styles"] where entries[key] == nil {
            reader.error(root, "missing required key '\(key)' in the template", field: key)
        }
        let flows = entries["first_page"] != nil || entries["flow"] != nil
        if flows {
            if entries["pages"] != nil {
                reader.error(root, "a template has either 'pages' or 'first_page' and 'flow', not both", field: "pages")
            }
            for key in ["first_page", "flow"] where entries[key] == nil {
                reader.error(root, "missing required key '\(key)' in the template", hint: "a flowing template has both 'first_page' and 'flow'", field: key)
            }
        } else if entries["pages"] == nil {
            reader.error(root, "missing required key 'pages' in the template", hint: "or describe a flowing sheet with 'first_page' and 'flow'", field: "pages")
        }
        if let node = entries["format"]?.value, let format = reader.integer(node, field: "format", range: 1...Int.max), format != 1 {
            reader.error(node, "unsupported template format \(format)", hint: "this version of profilesheet reads format 1", field: "format")
        }
        let name = entries["name"].flatMap { reader.text($0.value, field: "name", length: 1...80) } ?? "template"
        let paper = entries["paper"].flatMap { reader.choice($0.value, field: "paper", as: PaperSize.self) } ?? .letter

        var papers: [PaperSize: Size] = [:]
        if let node = entries["papers"]?.value, let paperMapping = reader.mapping(node, field: "papers", expected: "a mapping of paper sizes") {
            let paperEntries = reader.entries(of: paperMapping, allowed: PaperSize.allCases.map(\.rawValue), field: "papers")
            for size in PaperSize.allCases {
                guard let entry = paperEntries[size.rawValue] else {
                    reader.error(node, "missing paper size '\(size.rawValue)' in 'papers'", field: "papers")
                    continue
                }
                let values = numbers(entry.value, field: "papers.\(size.rawValue)", keys: ["width", "height"], reader: &reader)
                if let width = values["width"], let height = values["height"] { papers[size] = Size(width: width, height: height) }
            }
        }
        let marginValues = entries["margins"].map { numbers($0.value, field: "margins", keys: ["top", "right", "bottom", "left"], reader: &reader) } ?? [:]
        let margins = EdgeInsets(top: marginValues["top"] ?? 36, right: marginValues["right"] ?? 36, bottom: marginValues["bottom"] ?? 36, left: marginValues["left"] ?? 36)
        let gridValues = entries["grid"].map { numbers($0.value, field: "grid", keys: ["columns", "gutter"], reader: &reader) } ?? [:]
        let grid = Grid(columns: max(1, Int(gridValues["columns"] ?? 12)), gutter: gridValues["gutter"] ?? 12)
        let fitValues = entries["fit"].map { numbers($0.value, field: "fit", keys: ["min_scale", "step", "min_body_size"], reader: &reader) } ?? [:]
        let fit = FitRule(minimumScale: min(1, max(0.5, fitValues["min_scale"] ?? 0.8)), step: max(0.01, fitValues["step"] ?? 0.05),
                          minimumBodySize: fitValues["min_body_size"].map { min(96, max(4, $0)) })
        let spacingValues = entries["spacing"].map { numbers($0.value, field: "spacing", keys: ["section", "heading", "item"], reader: &reader) } ?? [:]
        let spacing = Spacing(section: spacingValues["section"] ?? 14, heading: spacingValues["heading"] ?? 6, item: spacingValues["item"] ?? 4)

        var fonts: [String: String] = [:]
        if let node = entries["fonts"]?.value, let fontMapping = reader.mapping(node, field: "fonts", expected: "a mapping of names to font families") {
            for (key, value) in fontMapping {
                if let alias = key.string, let family = reader.text(value, field: "fonts.\(alias)", length: 1...80) { fonts[alias] = family }
            }
        }
        var colors: [String: Color] = [:]
        if let node = entries["colors"]?.value, let colorMapping = reader.mapping(node, field: "colors", expected: "a mapping of names to #RRGGBB colours") {
            for (key, value) in colorMapping {
                guard let colorName = key.string else { continue }
                if let color = readColor(value, field: "colors.\(colorName)", colors: [:], reader: &reader) { colors[colorName] = color }
            }
        }
        var palette: [Color] = []
        if let node = entries["palette"]?.value, let items = reader.sequence(node, field: "palette", count: 1...16) {
            palette = items.enumerated().compactMap { readColor($0.element, field: "palette[\($0.offset + 1)]", colors: colors, reader: &reader) }
        }
        var styles: [String: TextStyle] = [:]
        if let node = entries["styles"]?.value, let styleMapping = reader.mapping(node, field: "styles", expected: "a mapping of style names to styles") {
            for (key, value) in styleMapping {
                guard let styleName = key.string else { continue }
                if let style = readStyle(value, field: "styles.\(styleName)", fonts: fonts, colors: colors, reader: &reader) { styles[styleName] = style }
            }
        }
        var labels: [String: String] = [:]
        if let node = entries["labels"]?.value, let labelMapping = reader.mapping(node, field: "labels", expected: "a mapping of category slugs to labels") {
            for (key, value) in labelMapping {
                if let slug = key.string, let label = reader.text(value, field: "labels.\(slug)", length: 1...40) { labels[slug] = label }
            }
        }
        var icons: [String: String] = [:]
        if let node = entries["icons"]?.value, let iconMapping = reader.mapping(node, field: "icons", expected: "a mapping of icon names to SVG files") {
            for (key, value) in iconMapping {
                guard let iconName = key.string, let path = reader.text(value, field: "icons.\(iconName)", length: 1...200) else { continue }
                switch PathContainment.resolve(path, in: directory, root: directory) {
                case .success(let resolved): icons[iconName] = resolved
                case .failure: reader.error(value, "icon file '\(path)' is missing or outside the template folder", field: "icons.\(iconName)")
                }
            }
        }
        var pages: [PageTemplate] = []
        if let node = entries["pages"]?.value, let items = reader.sequence(node, field: "pages", count: 1...8) {
            for (index, item) in items.enumerated() {
                if let page = readPage(item, field: "pages[\(index + 1)]", styles: styles, reader: &reader) { pages.append(page) }
            }
        }
        let firstPage = entries["first_page"].flatMap { readPage($0.value, field: "first_page", styles: styles, reader: &reader) }
        let flow = entries["flow"].flatMap { readFlow($0.value, styles: styles, reader: &reader) }
        return Template(
            name: name, directory: directory, defaultPaper: paper, papers: papers, margins: margins, grid: grid, fit: fit,
            spacing: spacing, colors: colors, palette: palette, styles: styles, labels: labels, pages: pages, icons: icons,
            firstPage: firstPage, flow: flow)
    }

    static func numbers(_ node: Node, field: String, keys: [String], reader: inout NodeReader) -> [String: Double] {
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping of numbers") else { return [:] }
        let entries = reader.entries(of: mapping, allowed: keys, field: field)
        var values: [String: Double] = [:]
        for key in keys {
            guard let entry = entries[key] else { continue }
            if let value = reader.decimal(entry.value, field: "\(field).\(key)", range: 0...10000, places: 3) { values[key] = value }
        }
        return values
    }

    static func readColor(_ node: Node, field: String, colors: [String: Color], reader: inout NodeReader) -> Color? {
        guard let text = reader.text(node, field: field, length: 1...40) else { return nil }
        if let color = Color(hex: text) ?? colors[text] { return color }
        reader.error(node, "'\(field)' must be a colour as #RRGGBB or the name of one, found '\(text)'",
                     hint: Suggestion.didYouMean(text, in: Array(colors.keys).sorted()), field: field)
        return nil
    }

    static let styleKeys = ["font", "size", "weight", "italic", "color", "line_height", "letter_spacing", "uppercase"]

    static func readStyle(_ node: Node, field: String, fonts: [String: String], colors: [String: Color], reader: inout NodeReader) -> TextStyle? {
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping") else { return nil }
        let entries = reader.entries(of: mapping, allowed: styleKeys, field: field)
        let fontName = entries["font"].flatMap { reader.text($0.value, field: "\(field).font", length: 1...80) } ?? "sans"
        var style = TextStyle(family: fonts[fontName] ?? fontName, size: 10)
        if let node = entries["size"]?.value, let size = reader.decimal(node, field: "\(field).size", range: 4...96, places: 2) { style.size = size }
        if let node = entries["weight"]?.value, let text = reader.text(node, field: "\(field).weight", length: 1...20) {
            let weights: [String: TextStyle.Weight] = ["regular": .regular, "medium": .medium, "semibold": .semibold, "bold": .bold]
            if let weight = weights[text] { style.weight = weight } else {
                reader.error(node, "'\(field).weight' must be regular, medium, semibold or bold, found '\(text)'", field: field)
            }
        }
        if let node = entries["italic"]?.value { style.italic = flag(node, field: "\(field).italic", reader: &reader) }
        if let node = entries["uppercase"]?.value { style.uppercase = flag(node, field: "\(field).uppercase", reader: &reader) }
        if let node = entries["color"]?.value, let color = readColor(node, field: "\(field).color", colors: colors, reader: &reader) { style.color = color }
        if let node = entries["line_height"]?.value, let value = reader.decimal(node, field: "\(field).line_height", range: 0.8...3, places: 3) { style.lineHeight = value }
        if let node = entries["letter_spacing"]?.value, let value = reader.decimal(node, field: "\(field).letter_spacing", range: 0...10, places: 3) { style.letterSpacing = value }
        return style
    }

    static func flag(_ node: Node, field: String, reader: inout NodeReader) -> Bool {
        switch node.string {
        case "true": return true
        case "false": return false
        default:
            reader.error(node, "'\(field)' must be true or false", field: field)
            return false
        }
    }

    static func readPage(_ node: Node, field: String, styles: [String: TextStyle], reader: inout NodeReader) -> PageTemplate? {
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping with 'title' and 'blocks'") else { return nil }
        let entries = reader.entries(of: mapping, allowed: ["title", "blocks", "optional"], field: field)
        let title = entries["title"].flatMap { reader.text($0.value, field: "\(field).title", length: 1...80) } ?? "Page"
        let optional = entries["optional"].map { flag($0.value, field: "\(field).optional", reader: &reader) } ?? false
        guard let blocksNode = entries["blocks"]?.value, let items = reader.sequence(blocksNode, field: "\(field).blocks", count: 1...40) else {
            reader.error(node, "missing required key 'blocks' in '\(field)'", field: field)
            return nil
        }
        let blocks = items.enumerated().compactMap { readBlock($0.element, field: "\(field).blocks[\($0.offset + 1)]", styles: styles, reader: &reader) }
        return PageTemplate(title: title, blocks: blocks, optional: optional)
    }

    static func readFlow(_ node: Node, styles: [String: TextStyle], reader: inout NodeReader) -> FlowTemplate? {
        guard let mapping = reader.mapping(node, field: "flow", expected: "a mapping with 'title', 'max_pages' and 'blocks'") else { return nil }
        let entries = reader.entries(of: mapping, allowed: ["title", "max_pages", "blocks"], field: "flow")
        let title = entries["title"].flatMap { reader.text($0.value, field: "flow.title", length: 1...80) } ?? "Page"
        let maximumPages = entries["max_pages"].flatMap { reader.integer($0.value, field: "flow.max_pages", range: 1...8) } ?? 4
        guard let blocksNode = entries["blocks"]?.value, let items = reader.sequence(blocksNode, field: "flow.blocks", count: 1...40) else {
            reader.error(node, "missing required key 'blocks' in 'flow'", field: "flow")
            return nil
        }
        let blocks = items.enumerated().compactMap { readBlock($0.element, field: "flow.blocks[\($0.offset + 1)]", styles: styles, reader: &reader) }
        return FlowTemplate(title: title, maximumPages: maximumPages, blocks: blocks)
    }

    static func readBlock(_ node: Node, field: String, styles: [String: TextStyle], reader: inout NodeReader) -> BlockTemplate? {
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping with 'component' or 'columns'") else { return nil }
        let entries = reader.entries(of: mapping, allowed: ["component", "field", "heading", "style", "columns"], field: field)
        if let columnsNode = entries["columns"]?.value {
            guard let items = reader.sequence(columnsNode, field: "\(field).columns", count: 1...12) else { return nil }
            var columns: [ColumnTemplate] = []
            for (index, item) in items.enumerated() {
                let columnField = "\(field).columns[\(index + 1)]"
                guard let columnMapping = reader.mapping(item, field: columnField, expected: "a mapping with 'span' and 'blocks'") else { continue }
                let columnEntries = reader.entries(of: columnMapping, allowed: ["span", "blocks"], field: columnField)
                let span = columnEntries["span"].flatMap { reader.integer($0.value, field: "\(columnField).span", range: 1...24) } ?? 1
                let blockNodes = columnEntries["blocks"].flatMap { reader.sequence($0.value, field: "\(columnField).blocks", count: 1...20) } ?? []
                let blocks = blockNodes.enumerated().compactMap { readBlock($0.element, field: "\(columnField).blocks[\($0.offset + 1)]", styles: styles, reader: &reader) }
                columns.append(ColumnTemplate(span: span, blocks: blocks))
            }
            return .columns(columns)
        }
        guard let kindNode = entries["component"]?.value else {
            reader.error(node, "a block needs 'component' or 'columns'", field: field)
            return nil
        }
        guard let kind = reader.choice(kindNode, field: "\(field).component", as: ComponentKind.self) else { return nil }
        var spec = ComponentSpec(kind: kind)
        if let fieldNode = entries["field"]?.value, let path = reader.text(fieldNode, field: "\(field).field", length: 1...60) {
            let allowed = fieldsByComponent[kind] ?? []
            if allowed.contains(path) {
                spec.field = path
            } else {
                reader.error(fieldNode, "component '\(kind.rawValue)' cannot show field '\(path)'",
                             hint: allowed.isEmpty ? "this component shows fixed fields; remove 'field'" : Suggestion.didYouMean(path, in: allowed) ?? "it shows " + allowed.map { "'\($0)'" }.joined(separator: ", "),
                             field: field)
            }
        } else if let allowed = fieldsByComponent[kind], kind != .participationModel {
            reader.error(node, "component '\(kind.rawValue)' needs a 'field'", hint: "one of " + allowed.map { "'\($0)'" }.joined(separator: ", "), field: field)
        }
        spec.heading = entries["heading"].flatMap { reader.text($0.value, field: "\(field).heading", length: 1...80) }
        if let styleNode = entries["style"]?.value, let style = reader.text(styleNode, field: "\(field).style", length: 1...40) {
            if styles[style] != nil { spec.style = style } else {
                reader.error(styleNode, "unknown style '\(style)'", hint: Suggestion.didYouMean(style, in: Array(styles.keys).sorted()), field: field)
            }
        }
        return .component(spec)
    }
}
