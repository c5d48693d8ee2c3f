import SheetCore

/// Website, contact person, e-mail and contact page, as clickable links.
struct ContactComponent: SheetComponent {
    var spec: ComponentSpec

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let profile = context.profile
        var rows: [(label: String, text: String, link: String?, field: String)] = []
        // The text shows the address as written; the link goes to its normalised,
        // percent-encoded form (validation has made sure there is one).
        if let website = profile.website {
            rows.append((context.strings.text("contact.website"), Self.display(website), try? URLCheck.webLink(website).get(), "website"))
        }
        if let name = profile.contact.name { rows.append((context.strings.text("contact.contact"), name, nil, "contact.name")) }
        if let email = profile.contact.email { rows.append((context.strings.text("contact.email"), email, try? URLCheck.mailtoLink(email).get(), "contact.email")) }
        if let url = profile.contact.url { rows.append((context.strings.text("contact.get-involved"), Self.display(url), try? URLCheck.webLink(url).get(), "contact.url")) }
        guard !rows.isEmpty else { return nil }
        var builder = FrameBuilder(width: width)
        let labelWidth = context.space(72)
        for (index, row) in rows.enumerated() {
            // An address never breaks inside at full size when it fits beside its label;
            // otherwise it goes under the label, across the column, and only an address wider
            // than the column is broken into lines (`AddressLines`). Nothing is set smaller.
            let besideWidth = width - labelWidth
            let single = row.link.map { context.text([[RichSpan(row.text, link: $0, unbreakable: true)]], style: "body", width: nil, field: row.field, profileLanguage: false) }
            let stacked = single.map { $0.metrics.size.width > besideWidth + 0.01 } ?? false
            let valueWidth = stacked ? width : besideWidth
            let label = context.text(row.label, style: "label", width: stacked ? width : labelWidth, profileLanguage: false)
            var value: PositionedText
            if let link = row.link, let single {
                if single.metrics.size.width <= valueWidth + 0.01 {
                    value = single
                } else {
                    let lines = AddressLines.lines(row.text) { line in
                        context.text([[RichSpan(line, link: link, unbreakable: true)]], style: "body", width: nil, profileLanguage: false)
                            .metrics.size.width <= valueWidth + 0.01
                    }
                    value = context.text(lines.map { [RichSpan($0, link: link, unbreakable: true)] }, style: "body", width: valueWidth,
                                         field: row.field, profileLanguage: false, paragraphSpacing: 0)
                }
            } else {
                value = context.text([[RichSpan(row.text)]], style: "body", width: valueWidth, field: row.field, profileLanguage: false)
            }
            var line = FrameBuilder(width: width)
            var placedLabel = label
            placedLabel.origin = stacked ? .zero : Point(x: 0, y: value.metrics.firstBaseline - label.metrics.firstBaseline)
            line.add(placedLabel, role: .tableHeaderCell)
            let valueTop = stacked ? label.metrics.size.height + context.space(1) : 0
            var placedValue = FrameBuilder.frame(value, role: row.link.map { .link(url: $0) } ?? .paragraph)
            placedValue.origin = .zero
            let cell = Frame(origin: Point(x: stacked ? 0 : labelWidth, y: valueTop), size: placedValue.size, items: [.group(placedValue)], role: .tableDataCell)
            line.add(cell)
            line.cursor = stacked ? valueTop + value.metrics.size.height : max(value.metrics.size.height, label.metrics.size.height)
            builder.stack(line.frame(role: .tableRow), gapAfter: index == rows.count - 1 ? 0 : context.space(3))
        }
        return SectionHeading.wrap(spec.heading, content: builder.frame(role: .table), context: context, section: .init(kind: .contact))
    }

    /// A URL as shown: without `https://` and a trailing `/`.
    static func display(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        if text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
