import SheetCore

/// What stands where a chart or list would be when survey data was withheld for privacy.
enum SuppressionNotice {
    static func frame(_ suppression: Suppression, width: Double, context: LayoutContext, field: String) -> Frame {
        var builder = FrameBuilder(width: width)
        let padding = context.space(7)
        let text = context.text(
            context.strings.text("suppressed.notice", ["reason": Self.reason(suppression, context: context)]),
            style: "note", width: width - 2 * padding, field: field, profileLanguage: false)
        builder.cursor = padding
        builder.stack(text, role: .paragraph, x: padding, gapAfter: padding)
        builder.insertBackground(Shape(
            .rectangle(Rect(x: 0, y: 0, width: width, height: builder.cursor), cornerRadius: context.space(4)),
            fill: context.color("panel"), stroke: Stroke(color: context.color("rule"), width: 0.6, dash: [2, 2])))
        return builder.frame()
    }

    /// Why the data is withheld, in the sheet's language: "fewer than 5 responses".
    static func reason(_ suppression: Suppression, context: LayoutContext) -> String {
        context.strings.text("suppressed.reason", count: suppression.minimumResponses)
    }
}
