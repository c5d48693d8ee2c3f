import SheetCore

/// The band across the top of the first page: logo on a white plate at the left, the name
/// with the short name under it, type and founding year, and the period on the right. It bleeds
/// to the page's edges; its content keeps to the margins.
struct TitleBandComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let profile = context.profile
        let margins = context.template.margins
        var builder = FrameBuilder(width: width)
        let top = context.space(22)
        let gap = context.template.grid.gutter

        // Period block on the right.
        let periodLabel = context.text(context.strings.text("band.label"), style: "band-label", width: nil, profileLanguage: false)
        // A span of months is set smaller than a single year, so that it stays on one line.
        var periodStyle = "band-period"
        var period = context.text(context.periodLabel, style: periodStyle, width: nil, alignment: .end, field: "period", profileLanguage: false)
        if period.metrics.size.width > context.space(110) {
            periodStyle = "band-period-long"
            period = context.text(context.periodLabel, style: periodStyle, width: nil, alignment: .end, field: "period", profileLanguage: false)
        }
        let periodWidth = max(periodLabel.metrics.size.width, period.metrics.size.width)

        // Logo plate on the left.
        var plateWidth = 0.0
        let plateHeight = context.space(66)
        if let logo = profile.logo {
            let aspect = logo.width / max(logo.height, 1)
            plateWidth = plateHeight * min(max(aspect, 1), 2.4)
        }
        let textX = plateWidth > 0 ? plateWidth + gap : 0
        let textWidth = width - textX - periodWidth - gap

        var texts = FrameBuilder(width: textWidth)
        // Long names step down to a smaller title size rather than run to many lines.
        // A title's lines break between words and are balanced (LineBreakRules, balancedTitle).
        var title = context.text(profile.name, style: "title", width: textWidth, field: "name", kind: .title)
        if title.metrics.lineCount > 3 {
            title = context.text(profile.name, style: "title-long", width: textWidth, field: "name", kind: .title)
        }
        // The name is placed with the period below, in the heading; here it only takes its room.
        let titleTop = texts.cursor
        texts.cursor += title.metrics.size.height
        if let short = profile.shortName, !Self.nameContains(profile.name, short) {
            texts.stack(context.text(short, style: "subtitle", width: textWidth, field: "short_name"), role: .paragraph)
        }
        texts.cursor += context.space(5)
        var meta = context.strings.text("type.\(profile.type.rawValue)")
        if let founded = profile.founded { meta += "  ·  " + context.strings.text("band.founded", ["year": String(founded)]) }
        texts.stack(context.text(meta, style: "band-meta", width: textWidth, field: "type", profileLanguage: false), role: .paragraph)
        let textFrame = texts.frame()

        let contentHeight = max(textFrame.size.height, plateWidth > 0 ? plateHeight : 0, periodLabel.metrics.size.height + period.metrics.size.height)
        var placedText = textFrame
        placedText.origin = Point(x: textX, y: top + (contentHeight - textFrame.size.height) / 2)
        var placedTitle = title
        placedTitle.origin = Point(x: textX, y: placedText.origin.y + titleTop)

        let periodTop = top + (contentHeight - periodLabel.metrics.size.height - period.metrics.size.height) / 2
        var placedLabel = periodLabel
        placedLabel.origin = Point(x: width - periodLabel.metrics.size.width, y: periodTop)
        // Measured again in the width it is set in, so that its lines are right-aligned there.
        var placedPeriod = context.text(context.periodLabel, style: periodStyle, width: periodWidth, alignment: .end, field: "period", profileLanguage: false)
        placedPeriod.origin = Point(x: width - periodWidth, y: periodTop + periodLabel.metrics.size.height)
        // One heading, read first: "<name> Community profile 2025". The label and the period
        // say which sheet this is; apart from the name they would be the same words at the top
        // of every sheet of a collection, which a reader (and a screen reader's heuristics) takes
        // for a running header. Read with the name, they title the sheet.
        let headingBottom = max(placedTitle.bounds.maxY, periodTop + periodLabel.metrics.size.height + placedPeriod.metrics.size.height)
        builder.add(Frame(size: Size(width: width, height: headingBottom),
                          items: [.text(placedTitle), .text(placedLabel), .text(placedPeriod)],
                          role: .heading(level: 1)))
        builder.add(placedText)

        if let logo = profile.logo {
            let plate = Rect(x: 0, y: top + (contentHeight - plateHeight) / 2, width: plateWidth, height: plateHeight)
            builder.addDecoration(Shape(.rectangle(plate, cornerRadius: context.space(6)), fill: .white))
            let inset = context.space(7)
            let box = Rect(x: plate.minX + inset, y: plate.minY + inset, width: plate.width - 2 * inset, height: plate.height - 2 * inset)
            let fitted = box.fitting(aspect: logo.width / max(logo.height, 1))
            let format: PositionedImage.Format = switch logo.format {
            case .png: .png
            case .jpeg: .jpeg
            case .svg: .svg
            }
            let description = context.strings.text("logo.alt", ["name": profile.name])
            let image = PositionedImage(rect: Rect(origin: .zero, size: fitted.size), path: logo.resolvedPath, format: format, description: description)
            builder.add(Frame(origin: fitted.origin, size: fitted.size, items: [.image(image)], role: .figure(alt: description, language: context.strings.language)))
        }

        let height = top + contentHeight + context.space(20)
        // The band itself, bleeding past the margins to the page's edges.
        builder.insertBackground(Shape(
            .rectangle(Rect(x: -margins.left, y: 0, width: context.pageSize.width, height: height), cornerRadius: 0),
            fill: context.color("band")))
        builder.addDecoration(Shape(
            .rectangle(Rect(x: -margins.left, y: height - context.space(4), width: context.pageSize.width, height: context.space(4)), cornerRadius: 0),
            fill: context.color("accent-2")))
        builder.cursor = height
        return builder.frame(role: .section(.init(kind: .titleBand)))
    }

    /// Whether `name` already says `short` ("The Turing Way" says "Turing Way"): the same
    /// words in the same order, whatever the case and punctuation around them.
    static func nameContains(_ name: String, _ short: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        let nameWords = words(name), shortWords = words(short)
        guard !shortWords.isEmpty, shortWords.count <= nameWords.count else { return false }
        return (0...(nameWords.count - shortWords.count)).contains { Array(nameWords[$0..<($0 + shortWords.count)]) == shortWords }
    }
}
