import CPangoCairo
import Foundation
import SheetCore
import SheetLayout

/// Paints one page's frame tree onto a cairo context: shapes, text, images and (for PDF) link
/// annotations. The same code draws PDF pages and bitmaps.
struct PagePainter {
    /// The target; its transform maps points to the output (identity for PDF, a scale for PNG).
    let cr: OpaquePointer
    let shaper: LineShaper
    let images: ImageCache
    /// Raster images are decoded at most this many pixels per point of their rectangle.
    let imagePixelsPerPoint: Double
    /// Writes PDF structure (`StructureTagger`); nil for bitmaps, which have none and no
    /// link annotations.
    let tagger: StructureTagger?
    /// Whether the target is a bitmap, where image edges look better padded than faded out.
    let isBitmap: Bool

    func paint(_ page: Page) throws {
        try paint(page.frame, at: .zero)
    }

    /// Frames are walked here rather than with `Frame.flattened()`, which also collects each
    /// item's roles, needed only for diagnostics.
    private func paint(_ frame: Frame, at offset: Point) throws {
        let here = frame.origin.offset(by: offset)
        tagger?.enter(frame, at: here)
        defer { tagger?.leave(frame) }
        for item in frame.items {
            switch item {
            case .group(let child):
                try paint(child, at: here)
            case .shape(let shape):
                paint(shape.offset(by: here))
            case .text(let text):
                let origin = text.origin.offset(by: here)
                // A non-finite point would put the cairo context into an error state.
                if ShapePath.isSane([origin.x, origin.y]) { draw(text, at: origin) }
            case .image(let image):
                try draw(image, in: image.rect.offset(by: here))
            case .link(let link):
                if let tagger { annotate(link.url, link.rect.offset(by: here), tagger) }
            }
        }
    }

    /// Fills, then strokes, the shape.
    private func paint(_ shape: Shape) {
        guard shape.fill != nil || shape.stroke != nil else { return }
        cairo_new_path(cr)
        guard ShapePath.append(shape.geometry, to: cr) else { return }
        if let fill = shape.fill, !isLine(shape.geometry) {
            setSource(fill)
            cairo_fill_preserve(cr)
        }
        if let stroke = shape.stroke, stroke.width > 0, ShapePath.isSane([stroke.width]) {
            setSource(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            if let dashes = ShapePath.saneDashes(stroke.dash) {
                cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
            }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
        cairo_new_path(cr)
    }

    private func isLine(_ geometry: Shape.Geometry) -> Bool {
        if case .line = geometry { return true }
        return false
    }

    /// Draws each line layout decided for the text at its baseline, shaped on its own
    /// (`LineShaper`); nothing is broken or moved here.
    ///
    /// A right-to-left line is drawn with its right end where layout put it. Shaped on its own,
    /// a line that wrapped keeps the width of the space it broke at, which in the paragraph
    /// Pango set to nothing (the space at a wrapped line's end takes no room); that space is
    /// the line's logical end, at its left in a right-to-left line, so placed by its left end the
    /// line's letters ended one space (1.5–4 pt) past the right margin on every wrapped line
    /// of an Arabic sheet. A left-to-right line's space is at its right, past its letters.
    private func draw(_ text: PositionedText, at origin: Point) {
        setSource(text.block.style.color)
        let lines = {
            shaper.withShapedLines(of: text) { line, shaped in
                let x = pango_layout_line_get_resolved_direction(shaped.line) == PANGO_DIRECTION_RTL
                    ? line.origin.x + line.width - (shaped.x + shaped.width)
                    : line.origin.x - shaped.x
                cairo_move_to(cr, origin.x + x, origin.y + line.origin.y)
                pango_cairo_show_layout_line(cr, shaped.line)
            }
        }
        if let tagger { tagger.text(text.block, lines) } else { lines() }
    }

    private func draw(_ image: PositionedImage, in rect: Rect) throws {
        guard rect.width > 0, rect.height > 0, ShapePath.isSane([rect.minX, rect.minY, rect.width, rect.height]) else { return }
        switch image.format {
        case .svg:
            try images.vector(path: image.path).draw(in: cr, rect: rect)
        case .png, .jpeg:
            let limit = ImageCache.pixelBound(for: rect.size, pixelsPerPoint: imagePixelsPerPoint)
            let raster = try images.raster(path: image.path, format: image.format, maximumPixels: limit)
            cairo_save(cr)
            cairo_translate(cr, rect.minX, rect.minY)
            cairo_scale(cr, rect.width / Double(raster.pixelWidth), rect.height / Double(raster.pixelHeight))
            cairo_set_source_surface(cr, raster.surface, 0, 0)
            if isBitmap, let pattern = cairo_get_source(cr) { cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD) }
            cairo_rectangle(cr, 0, 0, Double(raster.pixelWidth), Double(raster.pixelHeight))
            cairo_fill(cr)
            cairo_restore(cr)
        }
    }

    /// A link annotation over `rect`. With an explicit `rect` attribute the tag needs no
    /// drawing inside it. (Cairo also makes it a `Link` structure element; see
    /// `SheetRenderer.writePDF` for why the document is tagged.)
    ///
    /// Only a target `URLCheck.linkTarget` accepts is written — an `http`, `https` or `mailto`
    /// link, normalised and percent-encoded, since cairo copies it into the PDF unescaped.
    /// Profiles' links were made so when they were read; this is the last gate for every
    /// other way a link could reach a frame, and a link it refuses is left out.
    private func annotate(_ url: String, _ rect: Rect, _ tagger: StructureTagger) {
        guard rect.width > 0, rect.height > 0, ShapePath.isSane([rect.minX, rect.minY, rect.width, rect.height]),
              let target = URLCheck.linkTarget(url)
        else { return }
        tagger.link(target, rect)
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }
}
