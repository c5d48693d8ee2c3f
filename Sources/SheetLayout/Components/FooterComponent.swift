import SheetCore

/// The footer of every page: community and period, page n of m, licence and date generated.
enum FooterComponent {
    static func layout(_ context: LayoutContext, width: Double) -> Frame {
        let profile = context.profile
        let third = partWidth(context, width: width)
        let left = context.text("\(profile.displayShortName) · \(context.periodLabel)", style: "footer", width: third,
                                field: profile.shortName == nil ? "name" : "short_name")
        let page = context.strings.text("footer.page", ["page": context.numbers.count(context.pageNumber), "pages": context.numbers.count(context.pageCount)])
        let center = context.text(page, style: "footer", width: third, alignment: .center, profileLanguage: false)
        let generated = context.strings.spans("footer.generated", ["license": [RichSpan(profile.license, unbreakable: true)], "date": [RichSpan(context.generatedOn)]])
        let right = context.text([generated], style: "footer", width: third, alignment: .end, field: "license", profileLanguage: false)
        return frame(left: left, center: center, right: right, context: context, width: width)
    }

    /// The width of each of the footer's three parts.
    static func partWidth(_ context: LayoutContext, width: Double) -> Double {
        (width - 2 * context.template.grid.gutter) / 3
    }

    /// Three texts `partWidth` wide under a hairline, at the left, centre and right: the footer
    /// of a sheet, and of the pages about several communities.
    static func frame(left: PositionedText, center: PositionedText, right: PositionedText, context: LayoutContext, width: Double) -> Frame {
        var builder = FrameBuilder(width: width)
        let third = partWidth(context, width: width)
        let ruleGap = context.space(6)
        builder.addDecoration(Shape(.line(from: Point(x: 0, y: 0), to: Point(x: width, y: 0)), stroke: Stroke(color: context.color("rule"), width: 0.6)))
        for (text, x) in [(left, 0.0), (center, third + context.template.grid.gutter), (right, width - third)] {
            var placed = text
            placed.origin = Point(x: x, y: ruleGap)
            builder.add(placed, role: .paragraph)
        }
        builder.cursor = ruleGap + max(left.metrics.size.height, center.metrics.size.height, right.metrics.size.height)
        return builder.frame(role: .artifact(.footer))
    }
}
