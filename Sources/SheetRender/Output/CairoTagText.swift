import Foundation

/// Text for cairo's string arguments: tag attributes, metadata dates.
enum CairoTagText {
    /// A string attribute value for `cairo_tag_begin`: in single quotes, with quotes and
    /// backslashes escaped by a backslash, as cairo's attribute parser expects.
    static func quoted(_ value: String) -> String {
        var out = "'"
        for character in value {
            if character == "'" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        out.append("'")
        return out
    }

    /// A number for an attribute: fixed-point, at most three decimals, '.' as separator
    /// whatever the locale, and never an exponent (which cairo's parser would not read).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Clamped far beyond any page, so the conversion cannot overflow.
        let thousandths = Int64((max(-1e12, min(1e12, value)) * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000
        let fraction = magnitude % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }

    /// The `rect=[x y w h] uri='…'` attributes of a link tag. `uri` is a link target as
    /// `URLCheck.linkTarget` gives it (plain ASCII, no `(`, `)` or `\`); quoting it keeps a
    /// `'` in it from ending the attribute.
    static func linkAttributes(x: Double, y: Double, width: Double, height: Double, uri: String) -> String {
        linkAttributes(rects: [(x, y, width, height)], uri: uri)
    }

    /// The attributes of a link tag over several areas (`rect=[x y w h x y w h …]`), or over
    /// what is drawn inside the tag when there are none. `uri` as `linkAttributes(x:…)` takes it.
    static func linkAttributes(rects: [(x: Double, y: Double, width: Double, height: Double)], uri: String) -> String {
        let sane = rects.filter { $0.width > 0 && $0.height > 0 && [$0.x, $0.y, $0.width, $0.height].allSatisfy(\.isFinite) }
        let uri = "uri=\(quoted(uri))"
        guard !sane.isEmpty else { return uri }
        return "rect=[" + sane.map { "\(number($0.x)) \(number($0.y)) \(number($0.width)) \(number($0.height))" }.joined(separator: " ") + "] " + uri
    }

    /// `date` as cairo's PDF metadata wants it, ISO 8601 `YYYY-MM-DDThh:mm:ss`, in UTC and
    /// marked so (`Z`), so that the same date always gives the same bytes.
    static func pdfDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }
        var year = String(parts.year ?? 1970)
        while year.count < 4 { year = "0" + year }
        return "\(year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}
