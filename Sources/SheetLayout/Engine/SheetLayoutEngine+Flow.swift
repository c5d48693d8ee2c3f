import SheetCore

/// A flowing template (`first_page` and `flow`): the first page's blocks, then the flow's, placed
/// one after another in the grid's columns onto as many pages as they need. A block that does
/// not fit in what is left of a page either moves to the next page whole — a figure, a chart, a
/// table, anything short when the page is already half full — or is split there, between list
/// items or lines, and goes on under its heading marked "(continued)". Every page after the
/// first has the running header; every page has the footer with "Page n of m".
///
/// Text is set at full size. Shrinking is a last resort for a single block, never the whole
/// sheet: a block that cannot be split and is taller than a page is set smaller until it fits;
/// a sheet that needs more than the flow's `maximumPages` has its tallest block set smaller a
/// step at a time until the sheet fits or the block reaches the template's minimum body size,
/// then the next tallest, and so on. A row of columns is balanced: when its columns end far
/// apart, the grid columns are shared out differently (each column keeps at least four and
/// moves at most two) if that makes the row shorter or its columns end closer, and a section
/// at the boundary of two columns may move into the other, the reading order kept
/// (`SheetLayoutEngine+Balance`: a search that lays out only what can help).
extension SheetLayoutEngine {
    /// A section ready to place: its component (nil for a nested row) and its frame, heading
    /// included, at its column's width.
    struct FlowSection {
        var spec: ComponentSpec?
        var frame: Frame
        var continued = false
        /// The template block it comes from (its index in the first page's and flow's blocks).
        var source: Int
        /// The text scale it is laid out at.
        var scale: Double
    }

    struct FlowColumn {
        var x: Double
        var width: Double
        var sections: [FlowSection]
    }

    enum FlowBlock {
        case section(FlowSection)
        case row([FlowColumn])
    }

    /// Where a page's content may go: from `top` down to `bottom`.
    struct Region {
        var top: Double
        var bottom: Double
        var height: Double { bottom - top }
    }

    struct Pagination {
        /// Each page's blocks, each with the y of its top.
        var pages: [[(block: FlowBlock, y: Double)]]
        /// The first block that fits on no page, by how much, and its template block.
        var overflow: (section: FrameRole.Section?, amount: Double, source: Int?)?
    }

    func layoutFlowing(
        _ profile: Profile, first: PageTemplate, flow: FlowTemplate, base: LayoutContext, options: LayoutOptions
    ) -> (pages: [Page], diagnostics: [Diagnostic], scales: [Double]) {
        let bodySize = template.style("body").size
        let steps = template.fit.limited(bodySize: bodySize).scales
        let templateBlocks = first.blocks + flow.blocks
        let startsWithBand = Self.startsWithBand(first.blocks)
        // Each template block's step in `steps`, and its layout at each step it was tried at.
        var levels = Array(repeating: 0, count: templateBlocks.count)
        var laidOut: [Int: FlowBlock?] = [:]
        // How each row was set at the last size it was laid out at: balancing tries it first.
        var arrangements: [Int: RowArrangement] = [:]
        func block(_ index: Int, at level: Int) -> FlowBlock? {
            let key = index * steps.count + level
            if let known = laidOut[key] { return known }
            var context = base
            context.scale = steps[level]
            let made = flowBlock(templateBlocks[index], source: index, context: context, width: context.contentWidth, hint: arrangements[index])
            laidOut[key] = made.block
            if let arrangement = made.arrangement { arrangements[index] = arrangement }
            return made.block
        }
        /// The pagination of the blocks at `levels`, those made smaller until the sheet has at
        /// most `limit` pages and every block fits on one, or nothing may shrink any more.
        func fit(limit: Int, levels: inout [Int]) -> Pagination {
            var pagination = Pagination(pages: [], overflow: nil)
            var shrinking: Int?
            for _ in 0...(templateBlocks.count * steps.count) {
                let blocks = templateBlocks.indices.compactMap { block($0, at: levels[$0]) }
                pagination = paginate(blocks, context: base, startsWithBand: startsWithBand, flow: flow)
                if pagination.overflow == nil, pagination.pages.count <= limit { break }
                if let source = pagination.overflow?.source {
                    // A block no page holds: that block smaller, if it may be.
                    guard levels[source] < steps.count - 1 else { break }
                    levels[source] += 1
                    continue
                }
                // Too many pages: one block a step smaller at a time, down to the minimum
                // before the next; the tallest first.
                if let shrinking, levels[shrinking] < steps.count - 1 {
                    levels[shrinking] += 1
                    continue
                }
                let shrinkable = templateBlocks.indices.filter { levels[$0] < steps.count - 1 }
                    .compactMap { index in block(index, at: levels[index]).map { (index: index, height: height($0, context: base)) } }
                guard let tallest = shrinkable.max(by: { $0.height < $1.height }) else { break }
                shrinking = tallest.index
                levels[tallest.index] += 1
            }
            return pagination
        }
        var pagination = fit(limit: flow.maximumPages, levels: &levels)
        // A last page with less than a quarter of it used (the note on reading the sheet alone,
        // say) is taken back when making single blocks smaller fits the sheet on one page less.
        if pagination.overflow == nil, pagination.pages.count > 1,
           usedFraction(of: pagination.pages[pagination.pages.count - 1], context: base, startsWithBand: startsWithBand, flow: flow) < 0.25 {
            var fewerLevels = levels
            let fewer = fit(limit: pagination.pages.count - 1, levels: &fewerLevels)
            if fewer.overflow == nil, fewer.pages.count < pagination.pages.count {
                pagination = fewer
                levels = fewerLevels
            }
        }
        var diagnostics: [Diagnostic] = []
        let smallest = templateBlocks.indices.filter { block($0, at: levels[$0]) != nil }.map { steps[levels[$0]] }.min() ?? 1
        let percent = Int((smallest * 100).rounded())
        if let overflow = pagination.overflow {
            let field = overflow.section?.diagnosticField
            let subject = field.map { "'\($0)'" } ?? "the content"
            diagnostics.append(.error(
                at: location(of: field, in: profile),
                "\(subject) does not fit on a page (\(base.paper.label)): \(NumberText.english.decimal(overflow.amount, places: 1)) pt too long even with text at \(percent)%",
                hint: "shorten \(subject)", field: field))
        } else if pagination.pages.count > flow.maximumPages {
            diagnostics.append(.error(
                at: location(of: nil, in: profile),
                "the sheet needs \(pagination.pages.count) pages (\(base.paper.label)), more than the template's \(flow.maximumPages), even with text at \(percent)%",
                hint: "shorten the longest texts and lists", field: nil))
        }
        let pages = pagination.pages.enumerated().map { index, blocks in
            var pageContext = base
            pageContext.pageNumber = index + 1
            pageContext.pageCount = pagination.pages.count
            return flowPage(blocks, context: pageContext, title: index == 0 ? first.title : flow.title)
        }
        // Each page's scale: the smallest of its blocks'.
        let scales = pagination.pages.map { blocks in blocks.flatMap { sections($0.block) }.map(\.scale).min() ?? 1 }
        return (pages, diagnostics, scales)
    }

    static func startsWithBand(_ blocks: [BlockTemplate]) -> Bool {
        if case .component(let spec)? = blocks.first { return spec.kind == .titleBand }
        return false
    }

    func location(of field: String?, in profile: Profile) -> SourceLocation {
        if let field, case .profile(let origin)? = profile.origins[field] { return origin }
        return SourceLocation(file: profile.file, line: 1, column: 1)
    }

    // MARK: Blocks

    /// One template block as it flows: a section, or a row of columns balanced as the
    /// engine's doc comment says, with how the row is set (`hint`: how it was set at another
    /// text size); nil when it has nothing to show.
    func flowBlock(
        _ block: BlockTemplate, source: Int, context: LayoutContext, width: Double, hint: RowArrangement? = nil
    ) -> (block: FlowBlock?, arrangement: RowArrangement?) {
        switch block {
        case .component(let spec):
            guard let frame = component(spec, pageTitle: "").layout(context, width: width) else { return (nil, nil) }
            return (.section(FlowSection(spec: spec, frame: frame, source: source, scale: context.scale)), nil)
        case .columns(let columns):
            // Each column's blocks that show something; a column with none gives its span away.
            let present = columns.map { column in
                ColumnTemplate(span: column.span, blocks: column.blocks.filter { hasContent([$0], profile: context.profile, countingFixedSections: true) })
            }.filter { !$0.blocks.isEmpty }
            guard !present.isEmpty else { return (nil, nil) }
            let row = balancedRow(present, source: source, context: context, width: width, hint: hint)
            return (.row(row.columns), row.arrangement)
        }
    }

    /// The sections of a block.
    func sections(_ block: FlowBlock) -> [FlowSection] {
        switch block {
        case .section(let section): [section]
        case .row(let columns): columns.flatMap(\.sections)
        }
    }

    func height(_ block: FlowBlock, context: LayoutContext) -> Double {
        switch block {
        case .section(let section): section.frame.size.height
        case .row(let columns): columns.map { stackHeight($0.sections, context: context) }.max() ?? 0
        }
    }

    func stackHeight(_ sections: [FlowSection], context: LayoutContext) -> Double {
        sections.reduce(0) { $0 + $1.frame.size.height } + context.sectionGap * Double(max(0, sections.count - 1))
    }

    /// Whether a section may be split between pages at all: text and lists may, figures,
    /// charts, tables and bands may not.
    func isSplittable(_ section: FlowSection) -> Bool {
        guard let spec = section.spec else { return false }
        switch spec.kind {
        case .paragraphs, .bulletList, .toolList, .keywordChips, .structure: return spec.style != "lead"
        default: return false
        }
    }

    func isSplittable(_ block: FlowBlock) -> Bool {
        switch block {
        case .section(let section): isSplittable(section)
        case .row(let columns): columns.contains { $0.sections.contains { isSplittable($0) } }
        }
    }

    /// `section` cut so that its first part is at most `height` tall, the second under its
    /// heading marked as continued; nil when it cannot be cut there.
    func split(_ section: FlowSection, at height: Double, context: LayoutContext) -> (FlowSection, FlowSection)? {
        guard isSplittable(section), let spec = section.spec else { return nil }
        var context = context
        context.scale = section.scale
        let content = SectionHeading.content(of: section.frame, heading: spec.heading)
        var inner = content
        inner.origin = .zero
        guard let parts = FrameSplitter.split(inner, at: height - content.origin.y) else { return nil }
        let identity = FrameRole.Section(kind: spec.kind, field: spec.field)
        var continued = identity
        continued.continued = true
        let head = SectionHeading.wrap(spec.heading, content: parts.head, context: context, section: section.continued ? continued : identity)
        let tail = SectionHeading.wrap(spec.heading, content: parts.tail, context: context, section: continued)
        return (FlowSection(spec: spec, frame: head, continued: section.continued, source: section.source, scale: section.scale),
                FlowSection(spec: spec, frame: tail, continued: true, source: section.source, scale: section.scale))
    }

    /// `block` cut at `height`: a section as above; a row column by column, each column's
    /// sections kept or cut at the same height. Nil when nothing would be left above the cut.
    func split(_ block: FlowBlock, at height: Double, context: LayoutContext) -> (FlowBlock, FlowBlock)? {
        switch block {
        case .section(let section):
            return split(section, at: height, context: context).map { (.section($0.0), .section($0.1)) }
        case .row(let columns):
            var heads: [FlowColumn] = []
            var tails: [FlowColumn] = []
            for column in columns {
                var head = column
                var tail = column
                head.sections = []
                tail.sections = []
                var cursor = 0.0
                var cut = false
                for section in column.sections {
                    let gap = head.sections.isEmpty ? 0 : context.sectionGap
                    if !cut, cursor + gap + section.frame.size.height <= height + 0.01 {
                        head.sections.append(section)
                        cursor += gap + section.frame.size.height
                        continue
                    }
                    if !cut, let parts = split(section, at: height - cursor - gap, context: context) {
                        head.sections.append(parts.0)
                        tail.sections.append(parts.1)
                    } else {
                        tail.sections.append(section)
                    }
                    cut = true
                }
                heads.append(head)
                tails.append(tail)
            }
            guard heads.contains(where: { !$0.sections.isEmpty }), tails.contains(where: { !$0.sections.isEmpty }) else { return nil }
            return (.row(heads), .row(tails))
        }
    }

    /// The first section of a block, for diagnostics.
    func firstSection(_ block: FlowBlock) -> FrameRole.Section? {
        switch block {
        case .section(let section): section.frame.role.section
        case .row(let columns): columns.lazy.compactMap { $0.sections.first?.frame.role.section }.first
        }
    }

    // MARK: Pages

    func header(context: LayoutContext, title: String) -> Frame {
        PageHeaderComponent(spec: ComponentSpec(kind: .pageHeader), pageTitle: title).layout(context, width: context.contentWidth)
            ?? Frame(size: .zero)
    }

    func regions(context: LayoutContext, startsWithBand: Bool, flow: FlowTemplate) -> (first: Region, next: Region) {
        let bottom = context.pageSize.height - template.margins.bottom
        let headerHeight = header(context: context, title: flow.title).size.height
        return (Region(top: startsWithBand ? 0 : template.margins.top, bottom: bottom),
                Region(top: template.margins.top + headerHeight + context.sectionGap, bottom: bottom))
    }

    /// How much of a later page's region its blocks use, from 0 to 1.
    func usedFraction(of page: [(block: FlowBlock, y: Double)], context: LayoutContext, startsWithBand: Bool, flow: FlowTemplate) -> Double {
        let region = regions(context: context, startsWithBand: startsWithBand, flow: flow).next
        let lowest = page.map { $0.y + height($0.block, context: context) }.max() ?? region.top
        return (lowest - region.top) / region.height
    }

    func paginate(_ blocks: [FlowBlock], context: LayoutContext, startsWithBand: Bool, flow: FlowTemplate) -> Pagination {
        let (firstRegion, nextRegion) = regions(context: context, startsWithBand: startsWithBand, flow: flow)
        var pages: [[(block: FlowBlock, y: Double)]] = [[]]
        var region = firstRegion
        var cursor = region.top
        var overflow: (section: FrameRole.Section?, amount: Double, source: Int?)?
        var queue = blocks[...]
        func newPage() {
            pages.append([])
            region = nextRegion
            cursor = region.top
        }
        // Enough rounds for every block to be cut on every page of the most a sheet may have.
        var rounds = 0
        while let block = queue.first, rounds < 64 * (blocks.count + 1) {
            rounds += 1
            queue.removeFirst()
            let empty = pages[pages.count - 1].isEmpty
            let gap = empty ? 0 : context.sectionGap
            let height = height(block, context: context)
            if cursor + gap + height <= region.bottom + 0.01 {
                pages[pages.count - 1].append((block, cursor + gap))
                cursor += gap + height
                continue
            }
            let fill = (cursor - region.top) / region.height
            let fitsAlone = height <= nextRegion.height + 0.01
            // Moved whole: what cannot be cut, and what is short once the page is half full.
            if !empty, fitsAlone, !isSplittable(block) || (fill >= 0.5 && height <= 0.4 * nextRegion.height) {
                newPage()
                queue.insert(block, at: queue.startIndex)
                continue
            }
            if let (head, tail) = split(block, at: region.bottom - cursor - gap, context: context) {
                pages[pages.count - 1].append((head, cursor + gap))
                newPage()
                queue.insert(tail, at: queue.startIndex)
                continue
            }
            if !empty {
                newPage()
                queue.insert(block, at: queue.startIndex)
                continue
            }
            // Alone on a page and still too tall, and no cut helps.
            if overflow == nil { overflow = (firstSection(block), cursor + height - region.bottom, sections(block).first?.source) }
            pages[pages.count - 1].append((block, cursor))
            cursor += height
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
        return Pagination(pages: pages, overflow: overflow)
    }

    func frame(of block: FlowBlock, context: LayoutContext) -> Frame {
        switch block {
        case .section(let section):
            return section.frame
        case .row(let columns):
            var row = FrameBuilder(width: context.contentWidth)
            var height = 0.0
            for column in columns {
                var stack = FrameBuilder(width: column.width)
                for (index, section) in column.sections.enumerated() {
                    stack.stack(section.frame, gapAfter: index == column.sections.count - 1 ? 0 : context.sectionGap)
                }
                var frame = stack.frame()
                frame.origin = Point(x: column.x, y: 0)
                row.add(frame)
                height = max(height, frame.size.height)
            }
            row.cursor = height
            return row.frame()
        }
    }

    func flowPage(_ blocks: [(block: FlowBlock, y: Double)], context: LayoutContext, title: String) -> Page {
        let margins = template.margins
        var page = FrameBuilder(width: context.pageSize.width)
        var footer = FooterComponent.layout(context, width: context.contentWidth)
        footer.origin = Point(x: margins.left, y: context.pageSize.height - margins.bottom + context.space(10))
        page.add(footer)
        if context.pageNumber > 1 {
            var header = header(context: context, title: title)
            header.origin = Point(x: margins.left, y: margins.top)
            page.add(header)
        }
        var content = FrameBuilder(width: context.contentWidth)
        for (block, y) in blocks {
            var frame = frame(of: block, context: context)
            frame.origin = Point(x: 0, y: y)
            content.add(frame)
            content.cursor = max(content.cursor, y + frame.size.height)
        }
        var contentFrame = content.frame()
        contentFrame.origin = Point(x: margins.left, y: 0)
        page.add(contentFrame)
        return Page(size: context.pageSize, frame: page.frame(height: context.pageSize.height, role: .page), title: context.strings.template(title))
    }
}
