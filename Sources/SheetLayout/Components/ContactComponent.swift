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
            rows.append(("Website", Self.display(website), try? URLCheck.webLink(website).get(), "website"))
        }
        if let name = profile.contact.name { rows.append(("Contact", name, nil, "contact.name")) }
        if let email = profile.contact.email { rows.append(("E-mail", email, try? URLCheck.mailtoLink(email).get(), "contact.email")) }
        if let url = profile.contact.url { rows.append(("Get involved", Self.display(url), try? URLCheck.webLink(url).get(), "contact.url")) }
        guard !rows.isEmpty else { return nil }
        var builder = FrameBuilder(width: width)
        let labelWidth = context.space(72)
        for (index, row) in rows.enumerated() {
            let label = context.text(row.label, style: "label", width: labelWidth, profileLanguage: false)
            let value = context.text(row.text, style: "body", width: width - labelWidth, field: row.field, profileLanguage: false, link: row.link)
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
