import CPangoCairo
import SheetCore
import SheetLayout

/// Owns a Pango font map and contexts set up for resolution-independent layout. Measuring
/// (`PangoTextMeasurer`) lays text blocks out in it and reports their lines; painting
/// (`LineShaper`, an engine of its own) shapes those lines one at a time to draw them, breaking
/// nothing: where lines break, where hyphens go and where each baseline lies was decided when
/// the block was measured and travels with the frames.
///
/// Not thread-safe: `PangoTextMeasurer` and `LineShaper` guard it with the lock of its
/// `SharedFontMap`, which a worker's measurer and shaper share (see there for why).
///
/// Both caches span two sheets: a block's metrics (the layout engine measures the same block
/// more than once) and a line's shaped layout (the PDF and the thumbnail draw the same line).
/// When a sheet is finished, the entries it used are kept for the next one and the rest are
/// dropped, so that the text every sheet of a template shares (headings, labels, the
/// participation model's modes, page footers) is laid out once per worker rather than once per
/// sheet, while memory stays at two sheets' worth. Because a cached layout must never be laid
/// out again differently, each language has a context of its own (changing a context's
/// language would make Pango redo every layout made in it).
///
/// The contexts are never updated from a cairo target (`pango_cairo_update_context` is not
/// called): its matrix stays the identity at 72 dpi, hinting is off and glyph positions are not
/// rounded, so shaping does not depend on whether the layout ends up in a PDF or in a scaled
/// bitmap. Cairo scales the glyph outlines to the target's transform when drawing.
final class TextEngine {
    /// The font map, shared with the other engine of the same worker; kept alive by this reference.
    private let fonts: SharedFontMap
    private var fontMap: UnsafeMutablePointer<PangoFontMap> { fonts.fontMap }
    /// One context per language tag, all on `fontMap`.
    private var contexts: [String: OpaquePointer] = [:]
    private var descriptions: [FontKey: OpaquePointer] = [:]
    private var verticalMetrics: [VerticalKey: VerticalMetrics] = [:]
    /// The blocks measured since the last `finishSheet`.
    private var measured: [TextBlock: TextMetrics] = [:]
    /// The blocks the sheet before measured, kept for the blocks the next sheet shares with it.
    private var previousSheetMeasured: [TextBlock: TextMetrics] = [:]
    /// The lines shaped for painting since the last `finishSheet`, and those of the sheet before.
    private var lineLayouts: [LineKey: ParagraphLayout] = [:]
    private var previousSheetLineLayouts: [LineKey: ParagraphLayout] = [:]
    private let hyphenator: Hyphenator
    /// How many blocks have been laid out for measuring (not taken from the cache), for tests.
    private(set) var layoutsMade = 0
    /// How many lines have been shaped for painting (not taken from the cache), for tests.
    private(set) var linesShaped = 0

    /// A line to shape, in its block's style: everything its shaping depends on.
    struct LineKey: Hashable {
        var spans: [RichSpan]
        var hyphenated: Bool
        /// The line's width, for a hyphenated line (zero for others, which do not depend on it).
        var width: Double
        var style: TextStyle
        var language: String
        var linkColor: Color?
        var direction: TextBlock.Direction
    }

    private struct VerticalKey: Hashable {
        var font: FontKey
        var language: String
    }

    /// Most styles a template uses: past this many, the caches start over.
    private static let cacheLimit = 512
    /// Most blocks kept measured: a few sheets' worth (a sheet has about 150).
    static let layoutCacheLimit = 1024
    /// Most lines kept shaped: a few sheets' worth (a sheet has about 400), a few megabytes.
    static let lineCacheLimit = 4096
    /// Most languages with a context of their own; past this many, the contexts start over.
    private static let contextLimit = 32

    init(fonts: SharedFontMap, hyphenator: Hyphenator = .shared) {
        self.fonts = fonts
        self.hyphenator = hyphenator
        // The wrappers Pango and cairo need (PangoMetricsLock, CairoFontFaces,
        // HiddenSoftHyphenText) were installed when `fonts` was made.
    }

    deinit {
        // Under the font map's lock: the other engine on it may be in use on another thread, and
        // releasing layouts and contexts touches the font map's caches.
        fonts.withLock {
            measured.removeAll()
            previousSheetMeasured.removeAll()
            lineLayouts.removeAll()
            previousSheetLineLayouts.removeAll()
            for description in descriptions.values { pango_font_description_free(description) }
            for context in contexts.values { GLibInterop.unref(context) }
        }
    }

    /// What measuring `block` finds, its lines included: from the cache when this sheet or the
    /// one before measured it, else laid out now (and the layout dropped).
    func measure(_ block: TextBlock) -> TextMetrics {
        if let cached = measured[block] { return cached }
        let metrics: TextMetrics
        if let kept = previousSheetMeasured.removeValue(forKey: block) {
            metrics = kept
        } else {
            metrics = makeLayout(block).metrics
            layoutsMade += 1
        }
        if measured.count >= Self.layoutCacheLimit { measured.removeAll() }
        measured[block] = metrics
        return metrics
    }

    /// `block` laid out now, as measuring lays it out (for tests that look at Pango's lines).
    func layOut(_ block: TextBlock) -> BlockLayout {
        makeLayout(block)
    }

    /// Line `line` of `block`, shaped for painting: from the cache when this sheet or the one
    /// before drew it, else shaped now. The layout's first line is the line to draw.
    func shape(_ line: TextLine, of block: TextBlock) -> ParagraphLayout {
        let key = LineKey(
            spans: line.spans, hyphenated: line.hyphenated, width: line.hyphenated ? line.width : 0, style: block.style,
            language: block.language, linkColor: block.linkColor, direction: block.direction)
        if let cached = lineLayouts[key] { return cached }
        let layout: ParagraphLayout
        if let kept = previousSheetLineLayouts.removeValue(forKey: key) {
            layout = kept
        } else {
            layout = makeLineLayout(key)
            linesShaped += 1
        }
        if lineLayouts.count >= Self.lineCacheLimit { lineLayouts.removeAll() }
        lineLayouts[key] = layout
        return layout
    }

    /// Ends a sheet: the entries it used are kept for the next sheet, the rest are dropped.
    func finishSheet() {
        previousSheetMeasured.removeAll(keepingCapacity: true)
        swap(&measured, &previousSheetMeasured)
        previousSheetLineLayouts.removeAll(keepingCapacity: true)
        swap(&lineLayouts, &previousSheetLineLayouts)
    }

    /// Drops every cached entry.
    func discardLayouts() {
        measured.removeAll()
        previousSheetMeasured.removeAll()
        lineLayouts.removeAll()
        previousSheetLineLayouts.removeAll()
    }

    /// Lays `block` out: one `PangoLayout` per paragraph, lines at a fixed pitch of
    /// `size × lineHeight`, paragraphs `paragraphSpacing` apart.
    private func makeLayout(_ block: TextBlock) -> BlockLayout {
        let style = block.style
        let (context, language) = context(for: block.language, direction: block.direction)
        let fontKey = FontKey(style)
        let description = fontDescription(for: style, key: fontKey)
        let vertical = metrics(
            of: description, key: VerticalKey(font: fontKey, language: block.language), context: context, language: language,
            size: style.size)
        let pitch = style.size * style.lineHeight
        let baselineOffset = vertical.baselineOffset(pitch: pitch)

        let paragraphs = block.paragraphs.enumerated().map { index, spans in
            makeParagraph(spans, breaks: block.breaks(ofParagraph: index), block: block, context: context, description: description, language: language)
        }
        let widest = paragraphs.reduce(0) { max($0, $1.width) }

        var top = 0.0
        var links: [LinkBox] = []
        var lines: [TextLine] = []
        var unknownGlyphs = 0
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { top += block.paragraphSpacing }
            let xOffset = block.width == nil ? offset(of: paragraph, in: widest, alignment: block.alignment) : 0
            top = paragraph.placeLines(top: top, pitch: pitch, baselineOffset: baselineOffset, xOffset: xOffset)
            links += paragraph.linkBoxes(pitch: pitch)
            lines += paragraph.textLines()
            unknownGlyphs += Int(pango_layout_get_unknown_glyphs_count(paragraph.layout))
        }
        let metrics = TextMetrics(
            size: Size(width: widest, height: top), lineCount: lines.count, firstBaseline: baselineOffset,
            links: links, unknownGlyphs: unknownGlyphs, rightToLeft: paragraphs.first?.rightToLeft ?? false,
            lines: lines, linePitch: pitch)
        return BlockLayout(paragraphs: paragraphs, metrics: metrics)
    }

    private func makeParagraph(
        _ spans: [RichSpan], breaks: ParagraphBreaks?, block: TextBlock, context: OpaquePointer, description: OpaquePointer, language: OpaquePointer?
    ) -> ParagraphLayout {
        guard let layout = pango_layout_new(context) else { preconditionFailure("Pango could not create a layout") }
        pango_layout_set_font_description(layout, description)  // copies the description
        if let width = block.width {
            // Rounded down so that text never runs past the width it was given.
            pango_layout_set_width(layout, max(0, pangoUnits(width, .down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout, -1)
        }
        // With auto-dir (the default) Pango swaps left and right for right-to-left paragraphs,
        // which makes LEFT mean "start". A right-to-left block has its direction from the
        // context and no auto-dir, and Pango swaps nothing then (get_alignment in
        // pango-layout.c swaps only under auto-dir): start is RIGHT.
        let rightToLeft = block.direction == .rightToLeft
        if rightToLeft { pango_layout_set_auto_dir(layout, 0) }
        switch block.alignment {
        case .start: pango_layout_set_alignment(layout, rightToLeft ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .end: pango_layout_set_alignment(layout, rightToLeft ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT)
        }
        // Pango breaks by UAX #14 but where the layout's rules suppressed a break.
        let plain = ParagraphText(spans, breaks: breaks)
        // Soft hyphens at the dictionary's points, before Pango sees the text: it may break a
        // line there, and draws a hyphen when it does. Blocks without a width never break, and
        // titles and other display sizes stay unhyphenated.
        let hyphenates = block.width != nil && FontKey.clampedSize(block.style.size) < Hyphenator.displaySize
        let offsets = hyphenates ? hyphenator.softHyphenOffsets(in: plain.utf8, language: block.language) : []
        let text = SoftHyphenFitting.fit(plain: plain, offsets: offsets, layout: layout) { plain, offsets in
            setText(plain, softHyphens: offsets, on: layout, style: block.style, linkColor: block.linkColor, language: language)
        }
        return ParagraphLayout(layout: layout, text: text)
    }

    /// What follows a hyphenated line's text when it is shaped: a word too wide for the line, so
    /// that Pango breaks at the soft hyphen put before it and draws the hyphen there, as it did
    /// when the paragraph was measured (and gives the hyphen glyph the soft hyphen's text). It
    /// goes to a second line, which is never drawn.
    private static let hyphenPusher = "MMMMMMMMMMMM"

    /// One line shaped on its own: no width (so nothing breaks), or for a hyphenated line, a
    /// soft hyphen at its end, a word after it that cannot fit, and the line's width plus a
    /// point, so that Pango breaks exactly there and draws its hyphen.
    private func makeLineLayout(_ key: LineKey) -> ParagraphLayout {
        let (context, language) = context(for: key.language, direction: key.direction)
        let fontKey = FontKey(key.style)
        let description = fontDescription(for: key.style, key: fontKey)
        guard let layout = pango_layout_new(context) else { preconditionFailure("Pango could not create a layout") }
        pango_layout_set_font_description(layout, description)
        pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        // The line's runs in the order its paragraph's base direction gives them.
        if key.direction == .rightToLeft { pango_layout_set_auto_dir(layout, 0) }
        var spans = key.spans
        if key.hyphenated {
            if spans.isEmpty { spans.append(RichSpan("")) }
            spans[spans.count - 1].text += "\u{AD}"
            spans.append(RichSpan(Self.hyphenPusher))
            pango_layout_set_width(layout, pangoUnits(key.width + 1, .up))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        } else {
            pango_layout_set_width(layout, -1)
        }
        let text = setText(ParagraphText(spans), softHyphens: [], on: layout, style: key.style, linkColor: key.linkColor, language: language)
        let paragraph = ParagraphLayout(layout: layout, text: text)
        _ = paragraph.placeLines(top: 0, pitch: 0, baselineOffset: 0, xOffset: 0)
        return paragraph
    }

    /// Gives `layout` the text of `plain` with soft hyphens before `softHyphens`, and its
    /// attributes; returns that text.
    private func setText(
        _ plain: ParagraphText, softHyphens: [Int], on layout: OpaquePointer, style: TextStyle, linkColor: Color?, language: OpaquePointer?
    ) -> ParagraphText {
        var text = plain
        text.insertSoftHyphens(at: softHyphens)
        text.utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                pango_layout_set_text(layout, chars.baseAddress, Int32(clamping: chars.count))  // copies
            }
        }
        if let attributes = text.makeAttributes(style: style, language: language, linkColor: linkColor) {
            pango_layout_set_attributes(layout, attributes)  // takes its own reference
            pango_attr_list_unref(attributes)
        }
        return text
    }

    /// Where a paragraph of a block without a width starts, so that paragraphs line up against
    /// the widest one the way Pango aligns lines inside a paragraph.
    private func offset(of paragraph: ParagraphLayout, in width: Double, alignment: TextBlock.Alignment) -> Double {
        let spare = width - paragraph.width
        switch alignment {
        case .start: return paragraph.rightToLeft ? spare : 0
        case .center: return spare / 2
        case .end: return paragraph.rightToLeft ? 0 : spare
        }
    }

    /// The context for language `tag`, made on first use with the settings described above,
    /// and the `PangoLanguage` for the attribute lists. The context's language steers font
    /// fallback and the default shaping language. Languages are interned by Pango and never
    /// freed.
    private func context(for tag: String, direction: TextBlock.Direction) -> (context: OpaquePointer, language: OpaquePointer?) {
        let language = pango_language_from_string(tag)
        let key = direction == .rightToLeft ? tag + "|rtl" : tag
        if let context = contexts[key] { return (context, language) }
        guard let context = pango_font_map_create_context(fontMap) else {
            preconditionFailure("Pango could not create a context")
        }
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            pango_cairo_context_set_font_options(context, options)  // copies the options
            cairo_font_options_destroy(options)
        }
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, language)
        if direction == .rightToLeft { pango_context_set_base_dir(context, PANGO_DIRECTION_RTL) }
        if contexts.count >= Self.contextLimit {
            // Cached layouts hold references to their contexts, so dropping ours is safe.
            for old in contexts.values { GLibInterop.unref(old) }
            contexts.removeAll()
        }
        contexts[key] = context
        return (context, language)
    }

    private func fontDescription(for style: TextStyle, key: FontKey) -> OpaquePointer {
        if let cached = descriptions[key] { return cached }
        guard let description = pango_font_description_new() else {
            preconditionFailure("Pango could not allocate a font description")
        }
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_weight(description, PangoWeight(rawValue: numericCast(style.weight.rawValue)))
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        // An absolute size is in device units; at 72 dpi with an identity matrix, points.
        pango_font_description_set_absolute_size(description, Double(key.size))
        if descriptions.count >= Self.cacheLimit {
            for old in descriptions.values { pango_font_description_free(old) }
            descriptions.removeAll()
        }
        descriptions[key] = description
        return description
    }

    /// Ascent and descent of the first font Pango picks for the style and language. Cached:
    /// `pango_context_get_metrics` also shapes a sample text to estimate character widths.
    private func metrics(
        of description: OpaquePointer, key: VerticalKey, context: OpaquePointer, language: OpaquePointer?, size: Double
    ) -> VerticalMetrics {
        if let cached = verticalMetrics[key] { return cached }
        var result = VerticalMetrics(ascent: size * 0.8, descent: size * 0.2)
        if let fontMetrics = pango_context_get_metrics(context, description, language) {
            result = VerticalMetrics(
                ascent: Double(pango_font_metrics_get_ascent(fontMetrics)) / pangoScale,
                descent: Double(pango_font_metrics_get_descent(fontMetrics)) / pangoScale)
            pango_font_metrics_unref(fontMetrics)
        }
        if verticalMetrics.count >= Self.cacheLimit { verticalMetrics.removeAll() }
        verticalMetrics[key] = result
        return result
    }
}
