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
            let label = context.text(row.label, style: "label", width: labelWidth, profileLanguage: false)
            // Addresses never break inside; one too long for the column is set smaller.
            let valueWidth = width - labelWidth
            var value = context.text([[RichSpan(row.text, link: row.link, unbreakable: row.link != nil)]], style: "body", width: valueWidth,
                                     field: row.field, profileLanguage: false)
            var factor = 1.0
            while row.link != nil, value.metrics.size.width > valueWidth + 0.01, factor > 0.7 {
                factor -= 0.05
                value = context.text([[RichSpan(row.text, link: row.link, unbreakable: true)]], style: "body", width: valueWidth,
                                     field: row.field, profileLanguage: false, override: context.style("body").scaled(factor))
            }
            var line = FrameBuilder(width: width)
            var placedLabel = label
            placedLabel.origin = Point(x: 0, y: value.metrics.firstBaseline - label.metrics.firstBaseline)
            line.add(placedLabel, role: .tableHeaderCell)
            var placedValue = FrameBuilder.frame(value, role: row.link.map { .link(url: $0) } ?? .paragraph)
            placedValue.origin = .zero
            var cell = Frame(origin: Point(x: labelWidth, y: 0), size: placedValue.size, items: [.group(placedValue)], role: .tableDataCell)
            cell.size = placedValue.size
            line.add(cell)
            line.cursor = max(value.metrics.size.height, label.metrics.size.height)
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
