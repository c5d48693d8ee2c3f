import SheetRender

/// What one thread needs to lay sheets out and paint them: a measurer for layout and a
/// renderer for painting, on one Pango font map of the worker's own (Pango objects are not
/// shared between workers). The renderer only paints the lines the measurer decided, in the
/// fonts the measurer loaded: sharing the font map saves the renderer loading, sorting and
/// measuring each of them again (`SharedFontMap`: 34.5 M instructions, 4.9 % of a sheet).
public struct SheetWorker: Sendable {
    public let measurer: PangoTextMeasurer
    public let renderer: SheetRenderer

    public init() {
        let fonts = SharedFontMap()
        measurer = PangoTextMeasurer(fonts: fonts)
        renderer = SheetRenderer(fonts: fonts)
    }

    /// Ends a sheet: both keep what this sheet used (the text sheets share) for the next one.
    public func finishSheet() {
        measurer.finishSheet()
        renderer.finishSheet()
    }
}
