import SheetCore

/// Lays a profile out on a template: measure → place → a `SheetDocument` of positioned frames.
/// It never draws; text sizes come from the `TextMeasurer` it is given.
///
/// Each page is laid out at full text size first; if it does not fit above the footer, at
/// smaller sizes down to the template's minimum scale. What still does not fit is an error that
/// names the field crossing the page's bottom and by how much. Nothing is ever clipped.
public struct SheetLayoutEngine: Sendable {
    public var template: Template
    public var measurer: any TextMeasurer

    public init(template: Template, measurer: any TextMeasurer) {
        self.template = template
        self.measurer = measurer
    }

    public func layout(_ profile: Profile, taxonomy: Taxonomy, options: LayoutOptions) -> LayoutResult {
        let paper = options.paper ?? template.defaultPaper
        let pageSize = template.papers[paper] ?? Size(width: 612, height: 792)
        // The sheet's own words, numbers and dates: in the language the run asks for, else the
        // profile's; English words, with a warning, when the template does not translate it.
        let language = options.language ?? profile.language
        let numbers = NumberText(language: language)
        let (strings, translated) = template.sheetStrings(for: language, numbers: numbers)
        var base = LayoutContext(
            profile: profile, taxonomy: taxonomy, template: template, measurer: measurer, scale: 1, paper: paper,
            pageSize: pageSize, pageNumber: 1, pageCount: template.pages.count, generatedOn: options.dateText,
            numbers: numbers, strings: strings, language: language)
        // A run's `--language` is warned about once for the run (LoadStage), not on every sheet.
        var untranslated: [Diagnostic] = []
        if !translated, options.language == nil {
            var location = SourceLocation(file: profile.file, line: 1, column: 1)
            if case .profile(let origin)? = profile.origins["language"] { location = origin }
            untranslated.append(template.untranslatedWarning(language, at: location))
        }

        if let first = template.firstPage, let flow = template.flow {
            var context = base
            context.pageCount = 1
            let flowing = layoutFlowing(profile, first: first, flow: flow, base: context, options: options)
            return result(profile, taxonomy: taxonomy, options: options, context: base, pages: flowing.pages, diagnostics: untranslated + flowing.diagnostics,
                          scales: flowing.scales)
        }

        // Pages whose blocks all lack data drop out when the template marks them optional.
        let pageTemplates = template.pages.filter { page in
            !page.optional || hasContent(page.blocks, profile: profile, countingFixedSections: false)
        }
        base.pageCount = pageTemplates.count

        var pages: [Page] = []
        var diagnostics = untranslated
        var scales: [Double] = []
        for (index, pageTemplate) in pageTemplates.enumerated() {
            var context = base
            context.pageNumber = index + 1
            var chosen: PageLayout?
            for scale in template.fit.scales {
                context.scale = scale
                let attempt = layoutPage(pageTemplate, context: context)
                chosen = attempt
                if attempt.overflow <= 0.01 { break }
            }
            guard let page = chosen else { continue }
            scales.append(context.scale)
            if page.overflow > 0.01 {
                diagnostics.append(overflowDiagnostic(page, profile: profile, paper: paper, pageNumber: index + 1, scale: context.scale))
            }
            pages.append(Page(size: pageSize, frame: page.frame, title: strings.template(pageTemplate.title)))
        }
        return result(profile, taxonomy: taxonomy, options: options, context: base, pages: pages, diagnostics: diagnostics, scales: scales)
    }

    /// The finished sheet: its pages, what layout found (with the glyph warnings), and the
    /// metadata, in the words and period of the sheet's `context`.
    func result(
        _ profile: Profile, taxonomy: Taxonomy, options: LayoutOptions, context: LayoutContext, pages: [Page], diagnostics: [Diagnostic],
        scales: [Double]
    ) -> LayoutResult {
        let diagnostics = diagnostics + glyphWarnings(pages, profile: profile)
        // A right-to-left sheet: every page's frame tree mirrored (Frame+Mirroring).
        let pages = context.rightToLeft ? pages.map { $0.mirroredHorizontally() } : pages
        let metadata = DocumentMetadata(
            title: profile.name,
            subject: context.strings.text("document.subject", ["name": profile.name, "period": context.periodLabel, "mission": profile.mission]),
            keywords: profile.keywords.map { taxonomy.label(for: $0, language: context.language) ?? $0 },
            author: profile.contact.name,
            creator: options.creator, language: profile.language, date: options.date,
            bookmark: profile.name)
        return LayoutResult(document: SheetDocument(pages: pages, metadata: metadata), diagnostics: diagnostics, scales: scales)
    }

    // MARK: - Pages

    struct PageLayout {
        var frame: Frame
        /// How far the lowest block reaches past the space above the footer; ≤ 0 when it fits.
        var overflow: Double
        /// The section that crosses the limit first.
        var crossing: FrameRole.Section?
    }

    func layoutPage(_ pageTemplate: PageTemplate, context: LayoutContext) -> PageLayout {
        let margins = template.margins
        let width = context.contentWidth
        var page = FrameBuilder(width: context.pageSize.width)

        let footer = FooterComponent.layout(context, width: width)
        let footerTop = context.pageSize.height - margins.bottom + context.space(10)
        var placedFooter = footer
        placedFooter.origin = Point(x: margins.left, y: footerTop)
        page.add(placedFooter)
        let limit = context.pageSize.height - margins.bottom

        var content = FrameBuilder(width: width)
        var first = true
        for block in pageTemplate.blocks {
            guard let frame = layoutBlock(block, context: context, width: width, pageTitle: pageTemplate.title) else { continue }
            if !first { content.cursor += context.sectionGap }
            content.stack(frame)
            first = false
        }
        let startsWithBand = pageTemplate.blocks.first.map {
            if case .component(let spec) = $0 { return spec.kind == .titleBand }
            return false
        } ?? false
        var contentFrame = content.frame()
        contentFrame.origin = Point(x: margins.left, y: startsWithBand ? 0 : margins.top)
        page.add(contentFrame)

        let bottom = contentFrame.origin.y + contentFrame.size.height
        var crossing: FrameRole.Section?
        if bottom > limit + 0.01 {
            // The first section, in reading order, whose frame reaches past the limit.
            crossing = contentFrame.sections().first { $0.bounds.maxY > limit + 0.01 }?.section
        }
        return PageLayout(frame: page.frame(height: context.pageSize.height, role: .page), overflow: bottom - limit, crossing: crossing)
    }

    func layoutBlock(_ block: BlockTemplate, context: LayoutContext, width: Double, pageTitle: String) -> Frame? {
        switch block {
        case .component(let spec):
            return component(spec, pageTitle: pageTitle).layout(context, width: width)
        case .columns(let columns):
            return layoutColumns(columns, context: context, width: width, pageTitle: pageTitle)
        }
    }

    /// Columns on the grid. A column without content gives its span to the others, which keep
    /// their proportions; a row with no content at all disappears.
    func layoutColumns(_ columns: [ColumnTemplate], context: LayoutContext, width: Double, pageTitle: String) -> Frame? {
        let present = columns.filter { hasContent($0.blocks, profile: context.profile, countingFixedSections: true) }
        guard !present.isEmpty else { return nil }
        let gutter = template.grid.gutter
        let totalSpan = present.reduce(0) { $0 + $1.span }
        let available = width - gutter * Double(present.count - 1)
        var row = FrameBuilder(width: width)
        var x = 0.0
        var height = 0.0
        for column in present {
            let columnWidth = available * Double(column.span) / Double(totalSpan)
            var stack = FrameBuilder(width: columnWidth)
            var first = true
            for block in column.blocks {
                guard let frame = layoutBlock(block, context: context, width: columnWidth, pageTitle: pageTitle) else { continue }
                if !first { stack.cursor += context.sectionGap }
                stack.stack(frame)
                first = false
            }
            var frame = stack.frame()
            frame.origin = Point(x: x, y: 0)
            row.add(frame)
            height = max(height, frame.size.height)
            x += columnWidth + gutter
        }
        row.cursor = height
        return row.frame()
    }

    /// Whether any of `blocks` shows something for this profile. Sections that show the same
    /// on every sheet (headers, the about text) count only when `countingFixedSections`: they
    /// keep a column, but do not keep an optional page.
    func hasContent(_ blocks: [BlockTemplate], profile: Profile, countingFixedSections: Bool) -> Bool {
        blocks.contains { block in
            switch block {
            case .component(let spec):
                return spec.isFixed ? countingFixedSections : spec.hasContent(in: profile)
            case .columns(let columns):
                return columns.contains { hasContent($0.blocks, profile: profile, countingFixedSections: countingFixedSections) }
            }
        }
    }

    func component(_ spec: ComponentSpec, pageTitle: String) -> any SheetComponent {
        switch spec.kind {
        case .titleBand: TitleBandComponent(spec: spec)
        case .pageHeader: PageHeaderComponent(spec: spec, pageTitle: pageTitle)
        case .paragraphs: ParagraphsComponent(spec: spec)
        case .keyFigures: KeyFiguresComponent(spec: spec)
        case .keywordChips: KeywordChipsComponent(spec: spec)
        case .barChart: BarChartComponent(spec: spec)
        case .donutChart: DonutChartComponent(spec: spec)
        case .participationModel: ParticipationModelComponent(spec: spec)
        case .toolList: ToolListComponent(spec: spec)
        case .bulletList: BulletListComponent(spec: spec)
        case .structure: StructureComponent(spec: spec)
        case .contact: ContactComponent(spec: spec)
        case .about: AboutComponent(spec: spec)
        }
    }

    // MARK: - Diagnostics

    func overflowDiagnostic(_ page: PageLayout, profile: Profile, paper: PaperSize, pageNumber: Int, scale: Double) -> Diagnostic {
        let field = page.crossing?.diagnosticField
        let amount = NumberText.english.decimal(page.overflow, places: 1)
        let percent = Int((scale * 100).rounded())
        let subject = field.map { "'\($0)'" } ?? "the content"
        var location = SourceLocation(file: profile.file, line: 1, column: 1)
        if let field, case .profile(let origin)? = profile.origins[field] { location = origin }
        return .error(
            at: location,
            "\(subject) does not fit on page \(pageNumber) (\(paper.label)): \(amount) pt too long even with text at \(percent)%",
            hint: "shorten \(subject) or other texts on page \(pageNumber)", field: field)
    }

    /// The one warning for a sheet whose language the template does not translate, at the
    /// profile's `language` (or for the run, when `--language` asked for it).
    func glyphWarnings(_ pages: [Page], profile: Profile) -> [Diagnostic] {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for page in pages {
            for placed in page.frame.flattened() {
                guard case .text(let text) = placed.item, text.metrics.unknownGlyphs > 0 else { continue }
                let field = text.field ?? "text"
                let root = String(field.prefix { $0 != "[" })
                guard seen.insert(field).inserted else { continue }
                var location = SourceLocation(file: profile.file, line: 1, column: 1)
                if case .profile(let origin)? = profile.origins[root] ?? profile.origins[String(root.prefix { $0 != "." })] { location = origin }
                diagnostics.append(.warning(
                    at: location,
                    "'\(field)' has \(text.metrics.unknownGlyphs) character\(text.metrics.unknownGlyphs == 1 ? "" : "s") that no installed font can show",
                    hint: "install a font that covers them (Debian's fonts-noto-core and fonts-noto-cjk cover most scripts) or replace them",
                    field: field))
            }
        }
        return diagnostics
    }
}
