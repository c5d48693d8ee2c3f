import SheetCore

/// The CSCCE Community Participation Model as a figure: the four inner modes side by side from
/// transmissive (Convey) to transformational (Co-create), each with its activities, inside a
/// frame for Champion, which surrounds them. Modes without activities stay visible, faded, so
/// the reader sees where the community's energy goes.
struct ParticipationModelComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let programming = context.profile.programming
        guard programming.totalActivities > 0 || context.profile.suppressed["programming"] != nil else { return nil }
        var builder = FrameBuilder(width: width)
        let padding = context.space(10)
        let inner = width - 2 * padding
        let championColor = context.color("champion")

        // Champion, around the others: its heading and activities at the top of the frame.
        builder.cursor = padding
        let championTitle = context.text(context.strings.text("mode.champion"), style: "mode-title", width: inner, field: "programming.champion",
                                         profileLanguage: false, override: context.style("mode-title").with(color: context.color("champion-ink")))
        builder.stack(championTitle, role: .heading(level: 3), x: padding)
        builder.stack(context.text(context.strings.text("mode.champion.summary"), style: "mode-summary", width: inner, profileLanguage: false),
                      role: .paragraph, x: padding, gapAfter: context.space(5))
        let championActivities = programming[.champion]
        if championActivities.isEmpty {
            builder.stack(context.text(context.strings.text("model.none"), style: "mode-empty", width: inner, profileLanguage: false), role: .paragraph, x: padding)
        } else {
            // Two columns of bullets when there is room.
            let columnGap = context.template.grid.gutter
            let half = (inner - columnGap) / 2
            let split = (championActivities.count + 1) / 2
            let left = Array(championActivities.prefix(split))
            let right = Array(championActivities.dropFirst(split))
            let leftFrame = Bullets.list(left.map { [[RichSpan($0)]] }, style: "mode-item", width: right.isEmpty ? inner : half,
                                         context: context, field: "programming.champion", bulletColor: championColor)
            var top = builder.cursor
            var placed = leftFrame
            placed.origin = Point(x: padding, y: top)
            builder.add(placed)
            var height = leftFrame.size.height
            if !right.isEmpty {
                // Item numbering continues from the left column.
                var rightFrame = Bullets.list(right.map { [[RichSpan($0)]] }, style: "mode-item", width: half, context: context,
                                              field: "programming.champion", bulletColor: championColor, firstNumber: split + 1)
                rightFrame.origin = Point(x: padding + half + columnGap, y: top)
                builder.add(rightFrame)
                height = max(height, rightFrame.size.height)
            }
            top += height
            builder.cursor = top
        }
        builder.cursor += context.space(10)

        // The four inner modes.
        let gap = context.space(7)
        let columnWidth = (inner - 3 * gap) / 4
        let columnPadding = context.space(7)
        var columns: [Frame] = []
        for (index, mode) in ParticipationMode.inner.enumerated() {
            let field = "programming.\(mode.rawValue)"
            var column = FrameBuilder(width: columnWidth)
            column.cursor = columnPadding
            let textWidth = columnWidth - 2 * columnPadding
            let step = context.text("\(index + 1)", style: "mode-step", width: nil, profileLanguage: false)
            let stepSize = step.metrics.size.height + context.space(3)
            column.addDecoration(Shape(.circle(center: Point(x: columnPadding + stepSize / 2, y: column.cursor + stepSize / 2), radius: stepSize / 2),
                                       fill: context.color("mode-step")))
            var placedStep = step
            placedStep.origin = Point(x: columnPadding + (stepSize - step.metrics.size.width) / 2, y: column.cursor + (stepSize - step.metrics.size.height) / 2)
            column.add(placedStep, role: .artifact(.decoration))
            let title = context.text(context.strings.text("mode.\(mode.rawValue)"), style: "mode-title", width: textWidth - stepSize - context.space(5),
                                     field: field, profileLanguage: false)
            var placedTitle = title
            placedTitle.origin = Point(x: columnPadding + stepSize + context.space(5), y: column.cursor + (stepSize - title.metrics.size.height) / 2)
            column.add(placedTitle, role: .heading(level: 3))
            column.cursor += max(stepSize, title.metrics.size.height) + context.space(3)
            column.stack(context.text(context.strings.text("mode.\(mode.rawValue).summary"), style: "mode-summary", width: textWidth, profileLanguage: false), role: .paragraph,
                         x: columnPadding, gapAfter: context.space(6))
            let activities = programming[mode]
            if activities.isEmpty {
                let note = context.profile.suppressed[field].map { SuppressionNotice.reason($0, context: context).capitalizedFirst }
                    ?? context.strings.text("model.none")
                column.stack(context.text(note, style: "mode-empty", width: textWidth, profileLanguage: false), role: .paragraph, x: columnPadding)
            } else {
                var list = Bullets.list(activities.map { [[RichSpan($0)]] }, style: "mode-item", width: textWidth, context: context, field: field,
                                        bulletColor: context.color("ink"))
                list.origin = Point(x: columnPadding, y: column.cursor)
                column.add(list)
                column.cursor += list.size.height
            }
            column.cursor += columnPadding
            columns.append(column.frame())
        }
        let columnHeight = columns.map(\.size.height).max() ?? 0
        let columnsTop = builder.cursor
        for (index, var column) in columns.enumerated() {
            column.size.height = columnHeight
            let tint = context.color("mode-\(index + 1)")
            // Every mode without activities has the same dashed outline, whichever mode it is.
            let empty = programming[ParticipationMode.inner[index]].isEmpty
            column.items.insert(.group(FrameBuilder.decoration(Shape(
                .rectangle(Rect(x: 0, y: 0, width: columnWidth, height: columnHeight), cornerRadius: context.space(6)), fill: tint,
                stroke: empty ? Stroke(color: context.color("rule"), width: 0.6, dash: [2, 2]) : nil))), at: 0)
            column.origin = Point(x: padding + Double(index) * (columnWidth + gap), y: columnsTop)
            builder.add(column)
        }
        builder.cursor = columnsTop + columnHeight + context.space(8)

        // The axis under the modes: transmissive → transformational. Its words are the
        // figure's scale, drawn like its arrow: decoration, as the figure's alternative text
        // stands for the figure (and text repeated low on many pages of a collection would read
        // as a running footer).
        let left = context.text(context.strings.text("model.transmissive"), style: "axis", width: nil, profileLanguage: false)
        let right = context.text(context.strings.text("model.transformational"), style: "axis", width: nil, profileLanguage: false)
        var placedLeft = left
        placedLeft.origin = Point(x: padding, y: builder.cursor)
        builder.add(placedLeft, role: .artifact(.decoration))
        var placedRight = right
        placedRight.origin = Point(x: width - padding - right.metrics.size.width, y: builder.cursor)
        builder.add(placedRight, role: .artifact(.decoration))
        let lineY = builder.cursor + left.metrics.size.height / 2
        let lineStart = padding + left.metrics.size.width + context.space(8)
        let lineEnd = width - padding - right.metrics.size.width - context.space(8)
        if lineEnd - lineStart > context.space(20) {
            builder.addDecoration(Shape(.line(from: Point(x: lineStart, y: lineY), to: Point(x: lineEnd - context.space(4), y: lineY)),
                              stroke: Stroke(color: context.color("muted"), width: 1)))
            let head = context.space(5)
            builder.addDecoration(Shape(.polygon([Point(x: lineEnd, y: lineY), Point(x: lineEnd - head, y: lineY - head / 2), Point(x: lineEnd - head, y: lineY + head / 2)]),
                              fill: context.color("muted")))
        }
        builder.cursor += max(left.metrics.size.height, right.metrics.size.height) + padding

        builder.insertBackground(Shape(.rectangle(Rect(x: 0, y: 0, width: width, height: builder.cursor), cornerRadius: context.space(10)),
                                       fill: context.color("champion-tint"), stroke: Stroke(color: championColor, width: 1.2)))
        var figure = builder.frame(role: .figure(
            alt: Self.description(programming, heading: spec.heading, context: context), language: context.strings.language))
        figure.origin = .zero
        return SectionHeading.wrap(spec.heading, content: figure, context: context, section: .init(kind: .participationModel, field: "programming"))
    }

    /// The figure in words, for its alternative text: each mode, inner ones in order and then
    /// Champion, with its activities, in the sheet's language.
    static func description(_ programming: Programming, heading: String?, context: LayoutContext) -> String {
        let strings = context.strings
        let modes = (ParticipationMode.inner + [.champion]).map { mode -> String in
            let activities = programming[mode]
            let shown = activities.isEmpty
                ? (context.profile.suppressed["programming.\(mode.rawValue)"].map { SuppressionNotice.reason($0, context: context) }
                    ?? strings.text("model.none"))
                : activities.joined(separator: "; ")
            return "\(strings.text("mode.\(mode.rawValue)")): \(shown)"
        }
        return "\(heading.map(strings.template) ?? strings.text("about.model-name")): " + modes.joined(separator: ". ") + "."
    }
}

extension TextStyle {
    func with(color: Color) -> TextStyle {
        var copy = self
        copy.color = color
        return copy
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
