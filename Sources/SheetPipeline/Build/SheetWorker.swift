import SheetRender

/// What one thread needs to lay sheets out and paint them: a measurer for layout and a
/// renderer for painting, each with a Pango font map of its own (Pango objects are not shared
/// between threads). The renderer only paints the lines the measurer decided.
public struct SheetWorker: Sendable {
    public let measurer: PangoTextMeasurer
    public let renderer: SheetRenderer

    public init() {
        measurer = PangoTextMeasurer()
        renderer = SheetRenderer()
    }

    /// Ends a sheet: both keep what this sheet used (the text sheets share) for the next one.
    public func finishSheet() {
        measurer.finishSheet()
        renderer.finishSheet()
    }
}
