import SheetCore

/// A slim header for the pages after the first: the community's name and the page's title.
struct PageHeaderComponent: SheetComponent {
    var spec: ComponentSpec
    var pageTitle: String

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        var builder = FrameBuilder(width: width)
        let titleWidth = width * 0.5
        let title = context.text(context.strings.template(spec.heading ?? pageTitle), style: "header-title", width: titleWidth, alignment: .end, profileLanguage: false)
        let name = context.text(context.profile.displayShortName, style: "header-name", width: width - titleWidth - context.template.grid.gutter,
                                field: context.profile.shortName == nil ? "name" : "short_name")
        let height = max(title.metrics.size.height, name.metrics.size.height)
        var placedName = name
        placedName.origin = Point(x: 0, y: height - name.metrics.size.height)
        builder.add(placedName, role: .paragraph)
        var placedTitle = title
        placedTitle.origin = Point(x: width - titleWidth, y: height - title.metrics.size.height)
        builder.add(placedTitle, role: .paragraph)
        builder.cursor = height + context.space(5)
        builder.addDecoration(Shape(.rectangle(Rect(x: 0, y: builder.cursor, width: width, height: context.space(2.5)), cornerRadius: 0), fill: context.color("accent")))
        builder.cursor += context.space(2.5)
        return builder.frame(role: .artifact(.header))
    }
}
