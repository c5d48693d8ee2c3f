import CPangoCairo
import SheetCore
import SheetLayout

/// A paragraph's spans flattened into one UTF-8 string, with each span's byte range, ready to
/// become a `PangoAttrList`.
///
/// Styling goes through attributes, never Pango markup, so `<`, `&` and friends in the text are
/// plain characters.
struct ParagraphText {
    /// A span's byte range in `utf8` and what it asks for.
    struct Run {
        var start: Int
        var end: Int
        var strong: Bool
        var emphasis: Bool
        var link: String?
        var unbreakable: Bool
    }

    var utf8: [UInt8]
    var runs: [Run]
    /// Byte ranges Pango must not break inside (`pango_attr_allow_breaks_new(FALSE)`): around
    /// each place the layout's rules suppressed (`ParagraphBreaks.suppressed`), from the
    /// character before it to the character after, neighbouring ones joined.
    private(set) var keptTogether: [(start: Int, end: Int)] = []
    /// Where `insertSoftHyphens` put soft hyphens, as byte offsets into the text before it did.
    private(set) var softHyphens: [Int] = []

    init(_ spans: [RichSpan], breaks: ParagraphBreaks? = nil) {
        var bytes: [UInt8] = []
        var runs: [Run] = []
        for span in spans {
            let start = bytes.count
            ParagraphText.appendSanitized(span.text, to: &bytes)
            guard bytes.count > start, span.strong || span.emphasis || span.link != nil || span.unbreakable else { continue }
            runs.append(Run(start: start, end: bytes.count, strong: span.strong, emphasis: span.emphasis, link: span.link, unbreakable: span.unbreakable))
        }
        self.utf8 = bytes
        self.runs = runs
        if let breaks, !breaks.suppressed.isEmpty { keptTogether = Self.ranges(around: breaks.suppressed, in: bytes) }
    }

    /// The byte ranges from the character before each of `offsets` (scalars, increasing) to the
    /// character after it, overlapping ones joined. A NUL became U+FFFD, one scalar still, so
    /// scalar offsets are the layout's.
    private static func ranges(around offsets: [Int], in bytes: [UInt8]) -> [(start: Int, end: Int)] {
        var starts: [Int] = []  // byte offset of each scalar, and the text's end
        starts.reserveCapacity(bytes.count + 1)
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(index) }
        starts.append(bytes.count)
        var ranges: [(start: Int, end: Int)] = []
        for offset in offsets where offset > 0 && offset + 1 < starts.count {
            let start = starts[offset - 1], end = starts[offset + 1]
            if let last = ranges.last, last.end > start {
                ranges[ranges.count - 1].end = end
            } else {
                ranges.append((start, end))
            }
        }
        return ranges
    }

    /// Inserts a soft hyphen (U+00AD, two bytes) before each of `requested` (increasing byte
    /// offsets into `utf8`) and moves the runs' ranges to match, so that styles and links keep
    /// covering the same characters. A soft hyphen at a run's end joins that run, so the hyphen
    /// drawn when a line breaks there has the style (and link) of the letters before it.
    mutating func insertSoftHyphens(at requested: [Int]) {
        // Only inside the text, at the start of a character, once per offset.
        var offsets: [Int] = []
        for offset in requested where offset > (offsets.last ?? 0) && offset < utf8.count && utf8[offset] & 0xC0 != 0x80 {
            offsets.append(offset)
        }
        guard !offsets.isEmpty else { return }
        precondition(softHyphens.isEmpty, "soft hyphens are inserted once")
        softHyphens = offsets
        let softHyphen: [UInt8] = [0xC2, 0xAD]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + softHyphen.count * offsets.count)
        var copied = 0
        for offset in offsets {
            bytes += utf8[copied..<offset]
            bytes += softHyphen
            copied = offset
        }
        bytes += utf8[copied...]
        // How far `offset` moves: two bytes for every soft hyphen inserted at or before it.
        func moved(_ offset: Int) -> Int {
            var low = 0, high = offsets.count
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return offset + softHyphen.count * low
        }
        utf8 = bytes
        runs = runs.map { run in
            var run = run
            run.start = moved(run.start)
            run.end = moved(run.end)
            return run
        }
        keptTogether = keptTogether.map { (moved($0.start), moved($0.end)) }
    }

    /// The characters of bytes `start..<end` as spans with their styles and links, without
    /// soft hyphens and without a line or paragraph separator at the end: what a line of the
    /// laid-out paragraph shows.
    func spans(from start: Int, to end: Int) -> [RichSpan] {
        var spans: [RichSpan] = []
        func append(_ from: Int, _ to: Int, _ run: Run?) {
            let lower = max(from, start), upper = min(to, end)
            guard lower < upper else { return }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(upper - lower)
            var index = lower
            while index < upper {
                // U+00AD is C2 AD; C2 only ever starts a character.
                if utf8[index] == 0xC2, index + 1 < upper, utf8[index + 1] == 0xAD {
                    index += 2
                    continue
                }
                bytes.append(utf8[index])
                index += 1
            }
            guard !bytes.isEmpty else { return }
            spans.append(RichSpan(
                String(decoding: bytes, as: UTF8.self), emphasis: run?.emphasis ?? false, strong: run?.strong ?? false, link: run?.link,
                unbreakable: run?.unbreakable ?? false))
        }
        var position = 0
        for run in runs {
            append(position, run.start, nil)
            append(run.start, run.end, run)
            position = run.end
        }
        append(position, utf8.count, nil)
        while var last = spans.last, let final = last.text.unicodeScalars.last, ["\n", "\r", "\u{2028}", "\u{2029}"].contains(final) {
            last.text.unicodeScalars.removeLast()
            spans.removeLast()
            if !last.text.isEmpty { spans.append(last) }
        }
        return spans
    }

    /// The link spans' byte ranges, in text order.
    var links: [(url: String, start: Int, end: Int)] {
        runs.compactMap { run in run.link.map { ($0, run.start, run.end) } }
    }

    /// Appends `text`, replacing NUL (Pango treats it as invalid UTF-8 and substitutes a
    /// three-byte character, which would shift every later byte offset) with U+FFFD up front.
    private static func appendSanitized(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.contains(0) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for scalar in text.unicodeScalars {
            bytes.append(contentsOf: String(Character(scalar == "\0" ? "\u{FFFD}" : scalar)).utf8)
        }
    }

    /// A new attribute list for the paragraph, owned by the caller: language and letter spacing
    /// over everything; bold, italic, link colour and underline over the runs that ask for them.
    func makeAttributes(style: TextStyle, language: OpaquePointer?, linkColor: Color?) -> OpaquePointer? {
        guard let list = pango_attr_list_new() else { return nil }
        // Pango attributes carry their own byte range; `pango_attr_list_insert` takes ownership.
        func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, _ start: Int, _ end: Int) {
            guard let attribute else { return }
            attribute.pointee.start_index = UInt32(clamping: start)
            attribute.pointee.end_index = UInt32(clamping: end)
            pango_attr_list_insert(list, attribute)
        }
        let textEnd = Int(UInt32.max)  // PANGO_ATTR_INDEX_TO_TEXT_END
        if let language { insert(pango_attr_language_new(language), 0, textEnd) }
        if style.letterSpacing != 0 {
            insert(pango_attr_letter_spacing_new(pangoUnits(style.letterSpacing)), 0, textEnd)
        }
        for range in keptTogether { insert(pango_attr_allow_breaks_new(0), range.start, range.end) }
        for run in runs {
            if run.strong { insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), run.start, run.end) }
            if run.emphasis { insert(pango_attr_style_new(PANGO_STYLE_ITALIC), run.start, run.end) }
            if run.unbreakable { insert(pango_attr_allow_breaks_new(0), run.start, run.end) }
            if run.link != nil {
                let color = linkColor ?? style.color
                insert(pango_attr_foreground_new(channel(color.red), channel(color.green), channel(color.blue)), run.start, run.end)
                if color.alpha < 1 { insert(pango_attr_foreground_alpha_new(channel(color.alpha)), run.start, run.end) }
                insert(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), run.start, run.end)
            }
        }
        return list
    }

    private func channel(_ value: Double) -> UInt16 {
        UInt16((max(0, min(1, value)) * 65535).rounded())
    }
}
