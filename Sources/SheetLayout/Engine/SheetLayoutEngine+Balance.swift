import SheetCore

/// Balancing a row of columns in the flowing layout. A row whose columns end far apart
/// (`isUnbalanced`) is set another way: the grid columns shared out differently
/// (`balancingSpans`), a section at the boundary of two columns moved into the other
/// (`balancingCounts`, the reading order kept), or both; the lowest `balanceScore` wins.
///
/// Why it is a search and not a trial of every arrangement: each arrangement gives the row's
/// columns new widths, and each new width is a new Pango layout of every paragraph in them.
/// Laying the row out for all of up to 14 arrangements made `SheetLayoutEngine.layout` 263 M
/// instructions a sheet of the bench's profiles (221 M of it in rows; 60 M before the
/// flowing layout). So, keeping what it finds:
/// - a section is laid out at most once at each width within a row's search (a memo by its
///   place in the row and its width; the scale is the row's);
/// - only the arrangements are tried that can beat the best so far (`mayImprove`): one in
///   which the tallest column may get shorter or the shortest taller. For text that is exact
///   (its height never grows with width, `ComponentSpec.heightMayGrowWithWidth`); a donut,
///   which does grow, counts as able to change either way;
/// - the most promising first, by the heights the sections are expected to take
///   (`predictedScore`), and only those expected to score within a tenth of the best so far
///   (the expectation is rough); of two that score the same, the earlier in
///   `balancingArrangements` wins, as when all were tried in that order;
/// - at a smaller text size (the sheet shrinking a block), the arrangement chosen at the larger
///   one first (`hint`).
/// With these rules every sample and fixture sheet (both templates, Letter and A4) is
/// byte-identical to what trying every arrangement made, and rows cost 116 M instructions a
/// sheet of the bench's profiles instead of 221 M. What is left is mostly laying each row out
/// at its designed widths, and an unbalanced one at one or two more.
/// The cost and what changed on the samples are in docs/performance.md.
extension SheetLayoutEngine {
    /// One way of setting a row: each column's span, and how many of the row's sections, in
    /// reading order, it holds.
    struct RowArrangement: Hashable {
        var spans: [Int]
        var counts: [Int]

        /// Which of the row's sections (their places in reading order) column `column` holds.
        func sections(of column: Int) -> Range<Int> {
            let start = counts[..<column].reduce(0, +)
            return start..<(start + counts[column])
        }
    }

    /// A row's columns, balanced as the extension's doc comment says, and how they are set.
    /// `hint`: how the row was set at the text size tried before, tried first (at each smaller
    /// size the tallest block is laid out again, and usually wants the same arrangement).
    func balancedRow(
        _ columns: [ColumnTemplate], source: Int, context: LayoutContext, width: Double, hint: RowArrangement? = nil
    ) -> (columns: [FlowColumn], arrangement: RowArrangement) {
        let blocks = columns.flatMap(\.blocks)
        let designed = RowArrangement(spans: columns.map(\.span), counts: columns.map(\.blocks.count))
        let gutter = template.grid.gutter
        let totalSpan = designed.spans.reduce(0, +)
        let available = width - gutter * Double(columns.count - 1)
        func columnWidth(_ span: Int) -> Double { available * Double(span) / Double(totalSpan) }
        // Each section at each width it was laid out at (nil: it shows nothing).
        var laidOut: [SectionWidth: FlowSection?] = [:]
        func section(_ index: Int, width: Double) -> FlowSection? {
            let key = SectionWidth(index: index, width: width)
            if let known = laidOut[key] { return known }
            let made: FlowSection?
            switch blocks[index] {
            case .component(let spec):
                made = component(spec, pageTitle: "").layout(context, width: width)
                    .map { FlowSection(spec: spec, frame: $0, source: source, scale: context.scale) }
            case .columns(let nested):
                made = layoutColumns(nested, context: context, width: width, pageTitle: "")
                    .map { FlowSection(spec: nil, frame: $0, source: source, scale: context.scale) }
            }
            laidOut[key] = made
            return made
        }
        func row(_ arrangement: RowArrangement) -> [FlowColumn] {
            var x = 0.0
            return arrangement.spans.indices.map { column in
                let columnWidth = columnWidth(arrangement.spans[column])
                defer { x += columnWidth + gutter }
                return FlowColumn(x: x, width: columnWidth, sections: arrangement.sections(of: column).compactMap { section($0, width: columnWidth) })
            }
        }

        var best = row(designed)
        guard columns.count > 1, isUnbalanced(best, context: context) else { return (best, designed) }
        var bestArrangement = designed
        var bestEnds = columnEnds(best, context: context)
        var bestScore = Self.balanceScore(bestEnds)
        let growsWithWidth = blocks.map(Self.heightMayGrowWithWidth)
        let isText = blocks.map { block -> Bool in
            if case .component(let spec) = block { return spec.heightGoesInverselyWithWidth }
            return false
        }
        // Expected ends: a section's own height where it was laid out at that width already,
        // else its height at the nearest width it was laid out at, times the ratio of the widths
        // for running text (the same area), kept for the rest.
        func predictedScore(_ arrangement: RowArrangement) -> Double {
            let ends = arrangement.spans.indices.map { column -> Double in
                let newWidth = columnWidth(arrangement.spans[column])
                let heights = arrangement.sections(of: column).compactMap { index -> Double? in
                    let known = laidOut.filter { $0.key.index == index }
                    guard let nearest = known.min(by: { (abs($0.key.width - newWidth), $0.key.width) < (abs($1.key.width - newWidth), $1.key.width) }),
                          let height = nearest.value?.frame.size.height else { return nil }
                    return isText[index] ? height * nearest.key.width / newWidth : height
                }
                return heights.reduce(0, +) + context.sectionGap * Double(max(0, heights.count - 1))
            }
            return Self.balanceScore(ends)
        }
        var untried = Self.balancingArrangements(designed)
        // Of two that score the same (within the half point), the earlier in that order wins, as
        // when every arrangement was tried in it; the designed one before all.
        let order = Dictionary(uniqueKeysWithValues: untried.enumerated().map { ($1, $0) })
        var bestOrder = -1
        var first = hint.flatMap { hint in untried.firstIndex(of: hint) }
        while true {
            let open = untried.indices.filter {
                Self.mayImprove(untried[$0], over: bestArrangement, ends: bestEnds, growsWithWidth: growsWithWidth)
            }
            let next: Int
            if let hinted = first, open.contains(hinted) {
                next = hinted
            } else {
                // The most promising; of two as promising, the earlier in `balancingArrangements`.
                // Only one expected to score within a tenth of the best: the expectation is often
                // off by a tenth or more, and with a tenth every sample and fixture sheet comes out
                // as when every arrangement was tried (with no margin, four sheets changed).
                let ranked = open.map { (index: $0, score: predictedScore(untried[$0])) }
                    .filter { $0.score < bestScore * 1.1 }
                guard let promising = ranked.min(by: { ($0.score, $0.index) < ($1.score, $1.index) }) else { break }
                next = promising.index
            }
            first = nil
            let arrangement = untried.remove(at: next)
            let candidate = row(arrangement)
            let ends = columnEnds(candidate, context: context)
            let score = Self.balanceScore(ends)
            let rank = order[arrangement] ?? 0
            guard score < bestScore - 0.5 || (score <= bestScore + 0.5 && rank < bestOrder) else { continue }
            (best, bestArrangement, bestEnds, bestScore, bestOrder) = (candidate, arrangement, ends, score, rank)
        }
        return (best, bestArrangement)
    }

    /// A section of a row at a width: what balancing lays out once.
    struct SectionWidth: Hashable {
        var index: Int
        var width: Double
    }

    /// Whether a row's block may get taller when set wider (a donut; a nested row, which is
    /// not looked into).
    static func heightMayGrowWithWidth(_ block: BlockTemplate) -> Bool {
        switch block {
        case .component(let spec): spec.heightMayGrowWithWidth
        case .columns: true
        }
    }

    /// Whether setting a row as `candidate` can score better (by the half point a change must
    /// win by) than as `current`, whose columns end at `ends`: only if every column ending
    /// within an eighth of a point of the tallest may get shorter, or every column ending within
    /// a quarter of a point of the shortest may get taller (the score is twice the tallest minus
    /// the shortest). A column may get shorter when it gives a section away, is set wider, or
    /// is set narrower holding a section that grows with width (`growsWithWidth`, by the
    /// section's place in the row); taller in the opposite cases. A necessary condition, not a
    /// sufficient one: what passes is laid out and measured.
    static func mayImprove(_ candidate: RowArrangement, over current: RowArrangement, ends: [Double], growsWithWidth: [Bool]) -> Bool {
        let highest = ends.max() ?? 0
        let lowest = ends.min() ?? 0
        var mayShrink: [Bool] = []
        var mayGrow: [Bool] = []
        for column in ends.indices {
            let old = current.sections(of: column)
            let new = candidate.sections(of: column)
            let lost = old.contains { !new.contains($0) }
            let gained = new.contains { !old.contains($0) }
            let keepsOneThatGrows = old.contains { new.contains($0) && growsWithWidth[$0] }
            let wider = candidate.spans[column] > current.spans[column]
            let narrower = candidate.spans[column] < current.spans[column]
            mayShrink.append(lost || wider || (narrower && keepsOneThatGrows))
            mayGrow.append(gained || narrower || (wider && keepsOneThatGrows))
        }
        let tallestMayShrink = ends.indices.filter { ends[$0] >= highest - 0.125 }.allSatisfy { mayShrink[$0] }
        let shortestMayGrow = ends.indices.filter { ends[$0] <= lowest + 0.25 }.allSatisfy { mayGrow[$0] }
        return tallestMayShrink || shortestMayGrow
    }

    /// Where each column of a row ends, from the row's top.
    func columnEnds(_ columns: [FlowColumn], context: LayoutContext) -> [Double] {
        columns.map { stackHeight($0.sections, context: context) }
    }

    /// How badly a row sits: its height plus how far its shortest column ends above its
    /// longest (the white under it); lower is better.
    static func balanceScore(_ ends: [Double]) -> Double {
        let highest = ends.max() ?? 0
        return highest + (highest - (ends.min() ?? 0))
    }

    /// Whether a row's columns end far apart: by more than a fifth of the row's height and
    /// more than two lines of body text.
    func isUnbalanced(_ columns: [FlowColumn], context: LayoutContext) -> Bool {
        let ends = columnEnds(columns, context: context)
        let highest = ends.max() ?? 0
        let body = context.style("body")
        return highest - (ends.min() ?? 0) > max(0.2 * highest, 2 * body.size * body.lineHeight)
    }

    /// The other ways of setting a row that balancing may try: the grid columns shared out
    /// differently (`balancingSpans`), and a section at the boundary of two columns moved into
    /// the other (one at most per column, so the reading order, left column then right, is
    /// kept), each with each.
    static func balancingArrangements(_ designed: RowArrangement) -> [RowArrangement] {
        let counts = balancingCounts(designed.counts)
        return ([designed.spans] + balancingSpans(designed.spans)).flatMap { spans in
            counts.map { RowArrangement(spans: spans, counts: $0) }
        }.filter { $0 != designed }
    }

    /// How many sections each column may hold: each within one of its own count, at least one.
    static func balancingCounts(_ designed: [Int]) -> [[Int]] {
        let total = designed.reduce(0, +)
        var out: [[Int]] = []
        func extend(_ prefix: [Int]) {
            if prefix.count == designed.count {
                if prefix.reduce(0, +) == total { out.append(prefix) }
                return
            }
            let count = designed[prefix.count]
            for candidate in max(1, count - 1)...(count + 1) { extend(prefix + [candidate]) }
        }
        extend([])
        return out
    }

    /// The spans balancing tries: every column within two of its designed span and at least
    /// four (or its designed span when that is less: a chart is not set narrower than a third
    /// of the page), the total kept.
    static func balancingSpans(_ designed: [Int]) -> [[Int]] {
        let total = designed.reduce(0, +)
        var out: [[Int]] = []
        func extend(_ prefix: [Int]) {
            if prefix.count == designed.count {
                if prefix.reduce(0, +) == total, prefix != designed { out.append(prefix) }
                return
            }
            let span = designed[prefix.count]
            let lowest = max(min(4, span), span - 2)
            for candidate in lowest...(span + 2) { extend(prefix + [candidate]) }
        }
        extend([])
        return out
    }
}
