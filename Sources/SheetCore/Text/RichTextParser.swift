/// Parses the inline markup of rich fields: `*emphasis*`, `**strong**`, `[label](https://…)`
/// and blank-line-separated paragraphs. Everything else is literal text: a marker with no
/// partner stays a literal `*`, and `<`, `&` mean nothing special.
///
/// Written by hand because the markup is deliberately tiny: a Markdown library would accept far
/// more than the format allows (HTML, images, headings), which would then need to be refused.
public struct RichTextParser: Sendable {
    public init() {}

    /// A link whose target cannot be made a link (`URLCheck.webLink`: not `http` or `https`,
    /// or unsafe); the text keeps its label as plain text.
    public struct RejectedLink: Sendable, Hashable {
        public var label: String
        public var target: String
        public var problem: URLProblem
    }

    public func parse(_ source: String) -> (text: RichText, rejectedLinks: [RejectedLink]) {
        var rejected: [RejectedLink] = []
        let paragraphs = Self.splitParagraphs(source).map { paragraph in
            Self.merge(parseInline(Array(paragraph), emphasis: false, strong: false, rejected: &rejected))
        }
        return (RichText(paragraphs: paragraphs), rejected)
    }

    /// Paragraphs are separated by lines that are empty or only spaces; single line breaks inside
    /// a paragraph become spaces, and runs of spaces fold to one.
    static func splitParagraphs(_ source: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(joinLines(current)) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(joinLines(current)) }
        return paragraphs.map(Self.foldSpaces)
    }

    /// Lines of one paragraph joined with a space, except between characters of scripts written
    /// without spaces (Chinese, Japanese), where a line break is no word break.
    static func joinLines(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            if let last = out.unicodeScalars.last, let first = line.unicodeScalars.first,
               !(isUnspacedScript(last) && isUnspacedScript(first)) {
                out += " "
            }
            out += line
        }
        return out
    }

    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            true
        default:
            false
        }
    }

    static func foldSpaces(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text {
            if character == " " {
                if !lastWasSpace { out.append(character) }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        return out
    }

    private func parseInline(
        _ chars: [Character], emphasis: Bool, strong: Bool, rejected: inout [RejectedLink]
    ) -> [RichSpan] {
        var spans: [RichSpan] = []
        var literal = ""
        var index = 0
        func flush() {
            if !literal.isEmpty { spans.append(RichSpan(literal, emphasis: emphasis, strong: strong)) }
            literal = ""
        }
        while index < chars.count {
            let char = chars[index]
            if char == "*" {
                let isDouble = index + 1 < chars.count && chars[index + 1] == "*"
                let marker = isDouble ? 2 : 1
                if let close = Self.closingMarker(in: chars, from: index + marker, width: marker) {
                    flush()
                    let inner = Array(chars[(index + marker)..<close])
                    spans += parseInline(
                        inner, emphasis: emphasis || !isDouble, strong: strong || isDouble, rejected: &rejected)
                    index = close + marker
                    continue
                }
            } else if char == "[", let link = Self.link(in: chars, at: index) {
                flush()
                let labelSpans = parseInline(Array(link.label), emphasis: emphasis, strong: strong, rejected: &rejected)
                switch URLCheck.webLink(link.target) {
                case .success(let target):
                    // The span keeps the target as a link: normalised and percent-encoded.
                    spans += labelSpans.map {
                        var span = $0
                        span.link = target
                        return span
                    }
                case .failure(let problem):
                    rejected.append(RejectedLink(label: String(link.label), target: link.target, problem: problem))
                    spans += labelSpans
                }
                index = link.end
                continue
            }
            literal.append(char)
            index += 1
        }
        flush()
        return spans
    }

    /// The index of the closing marker of `width` stars, where the opener is followed by a
    /// non-space and the closer preceded by one; `nil` when there is none.
    static func closingMarker(in chars: [Character], from start: Int, width: Int) -> Int? {
        guard start < chars.count, chars[start] != " ", chars[start] != "*" || width == 2 else { return nil }
        var index = start
        while index + width <= chars.count {
            if chars[index] == "[", let link = link(in: chars, at: index) {
                index = link.end
                continue
            }
            let isMarker = (0..<width).allSatisfy { chars[index + $0] == "*" }
            if isMarker, index > start, chars[index - 1] != " " {
                let followedByStar = index + width < chars.count && chars[index + width] == "*"
                if width == 1 && followedByStar {
                    // `**` inside emphasis opens strong; skip it as a unit.
                    index += 2
                    continue
                }
                if width == 2 || !followedByStar { return index }
            }
            if width == 1 && chars[index] == "*" && index + 1 < chars.count && chars[index + 1] == "*" {
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }

    /// `[label](target)` starting at `start`: label and target non-empty, target without spaces.
    static func link(in chars: [Character], at start: Int) -> (label: ArraySlice<Character>, target: String, end: Int)? {
        guard chars[start] == "[" else { return nil }
        var depth = 0
        var index = start
        var labelEnd: Int?
        while index < chars.count {
            if chars[index] == "[" { depth += 1 }
            if chars[index] == "]" {
                depth -= 1
                if depth == 0 { labelEnd = index; break }
            }
            index += 1
        }
        guard let labelEnd, labelEnd > start + 1, labelEnd + 1 < chars.count, chars[labelEnd + 1] == "(" else {
            return nil
        }
        guard let close = chars[(labelEnd + 2)...].firstIndex(of: ")"), close > labelEnd + 2 else { return nil }
        let target = String(chars[(labelEnd + 2)..<close])
        guard !target.contains(" ") else { return nil }
        return (chars[(start + 1)..<labelEnd], target, close + 1)
    }

    /// Adjacent spans of the same style joined.
    static func merge(_ spans: [RichSpan]) -> [RichSpan] {
        var out: [RichSpan] = []
        for span in spans {
            if var last = out.last, last.emphasis == span.emphasis, last.strong == span.strong, last.link == span.link {
                last.text += span.text
                out[out.count - 1] = last
            } else {
                out.append(span)
            }
        }
        return out
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
