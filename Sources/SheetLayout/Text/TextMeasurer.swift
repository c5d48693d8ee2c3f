/// Measures text for the layout. The real one shapes with Pango (in SheetRender); tests use
/// `FixedMetricMeasurer`, whose numbers can be worked out by hand.
///
/// Implementations must be deterministic: the same block gives the same metrics, and the
/// renderer breaks lines exactly where measuring did.
public protocol TextMeasurer: Sendable {
    func measure(_ block: TextBlock) -> TextMetrics
}
